import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  buildStandingsMatrixSvg,
  buildWinnersGridSvg,
  RENDER_SCALE,
  renderPicture,
  renderPng,
} from '../../src/pictures/index.js';
import { proCupMatrix, sampleWinnersGrid } from './fixtures.js';
import { elements } from './svg-query.js';

/** Previews for a human to look at; outside the repo on purpose. */
const PREVIEW_DIR = '/tmp/pitboard-pictures';

function svgSize(svg: string): { width: number; height: number } {
  const root = elements(svg, 'svg')[0];
  return { width: Number(root?.attrs.width), height: Number(root?.attrs.height) };
}

function pixel(png: PNG, x: number, y: number): string {
  const at = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  const hex = (i: number) => (png.data[at + i] ?? 0).toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

describe('renderPng', () => {
  const svg = buildStandingsMatrixSvg(proCupMatrix());
  const png = renderPng(svg);
  const decoded = PNG.sync.read(Buffer.from(png));

  it('decodes at twice the SVG size', () => {
    const size = svgSize(svg);
    expect(decoded.width).toBe(size.width * RENDER_SCALE);
    expect(decoded.height).toBe(size.height * RENDER_SCALE);
    const picture = renderPicture(svg);
    expect([picture.width, picture.height]).toEqual([decoded.width, decoded.height]);
  });

  it('is byte-identical when rendered twice', () => {
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(png))).toBe(true);
  });

  it('paints each results cell in its colour (sampled inside the cell, clear of the text)', () => {
    const cells = elements(svg, 'rect').filter((r) => r.attrs['data-cell']);
    expect(cells.filter((c) => c.attrs['data-kind'] === 'win').length).toBeGreaterThan(0);
    for (const cell of cells) {
      const x = (Number(cell.attrs.x) + 3) * RENDER_SCALE;
      const y = (Number(cell.attrs.y) + 3) * RENDER_SCALE;
      expect(pixel(decoded, x, y), cell.attrs['data-cell']).toBe(cell.attrs.fill);
    }
  });

  it('draws text (dark pixels) and is not blank', () => {
    let dark = 0;
    for (let i = 0; i < decoded.data.length; i += 4) if ((decoded.data[i] ?? 255) < 80) dark += 1;
    expect(dark).toBeGreaterThan(5_000);
  });

  it('writes previews of the sample pictures', () => {
    mkdirSync(PREVIEW_DIR, { recursive: true });
    writeFileSync(`${PREVIEW_DIR}/pro-cup-matrix.png`, png);
    const started = performance.now();
    const winners = renderPicture(buildWinnersGridSvg(sampleWinnersGrid()));
    const elapsed = performance.now() - started;
    writeFileSync(`${PREVIEW_DIR}/winners-grid.png`, winners.png);
    expect(elapsed).toBeLessThan(2_000);
  });
});
