import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { buildWinnersGridSvg } from '../../src/pictures/index.js';
import { renderInChildProcess } from '../../src/pictures/render-process.js';
import { sampleWinnersGrid } from './fixtures.js';

describe('renderInChildProcess', () => {
  test('draws the SVG in a child process: a palette PNG of the reported size', async () => {
    const picture = await renderInChildProcess(buildWinnersGridSvg(sampleWinnersGrid()));
    const png = PNG.sync.read(Buffer.from(picture.png));
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    expect(picture.width).toBeGreaterThan(100);
  });

  test('a renderer that fails or hangs is an error naming what happened, and the next render works', async () => {
    await expect(renderInChildProcess('<svg')).rejects.toThrow(/picture renderer failed \(exit code 1\)/);
    await expect(
      renderInChildProcess(buildWinnersGridSvg(sampleWinnersGrid()), { timeoutMs: 1 }),
    ).rejects.toThrow(/killed by SIGKILL/);
    const again = await renderInChildProcess(buildWinnersGridSvg(sampleWinnersGrid()));
    expect(again.png.byteLength).toBeGreaterThan(1000);
  });
});
