import { describe, expect, it, vi } from 'vitest';
import {
  buildWinnersGridSvg,
  createPictureCache,
  type RenderedPicture,
  renderPicture,
} from '../../src/pictures/index.js';
import { sampleWinnersGrid } from './fixtures.js';

function fakeRender(svg: string): RenderedPicture {
  return { png: new TextEncoder().encode(svg), width: 2, height: 1 };
}

describe('createPictureCache', () => {
  it('renders once per key and serves repeats from the cache', async () => {
    const cache = createPictureCache({ render: renderPicture });
    const build = vi.fn(() => buildWinnersGridSvg(sampleWinnersGrid()));
    const first = await cache.getOrRender('2013/winners/v1', build);
    const second = await cache.getOrRender('2013/winners/v1', build);
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.png).toBe(first.png);
    expect([second.width, second.height]).toEqual([first.width, first.height]);
    expect(first.width).toBeGreaterThan(0);
  });

  it('treats a new data version as a new picture', async () => {
    const cache = createPictureCache({ render: fakeRender });
    await cache.getOrRender('pro/v1', () => 'a');
    const next = await cache.getOrRender('pro/v2', () => 'b');
    expect(next.fromCache).toBe(false);
    expect(new TextDecoder().decode(next.png)).toBe('b');
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const render = vi.fn(fakeRender);
    const cache = createPictureCache({ maxEntries: 2, render });
    await cache.getOrRender('a', () => 'a');
    await cache.getOrRender('b', () => 'b');
    await cache.getOrRender('a', () => 'a'); // a is now the most recent
    await cache.getOrRender('c', () => 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect((await cache.getOrRender('a', () => 'a')).fromCache).toBe(true);
    expect((await cache.getOrRender('b', () => 'b')).fromCache).toBe(false);
    expect(render).toHaveBeenCalledTimes(4);
  });

  it('does not cache a failed build', async () => {
    const cache = createPictureCache({ render: fakeRender });
    await expect(
      cache.getOrRender('x', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
    expect((await cache.getOrRender('x', () => 'ok')).fromCache).toBe(false);
  });
});
