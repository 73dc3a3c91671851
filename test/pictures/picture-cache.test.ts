import { describe, expect, it, vi } from 'vitest';
import {
  buildWinnersGridSvg,
  createPictureCache,
  type RenderedPicture,
  renderPicture,
} from '../../src/pictures/index.js';
import { DEFAULT_PICTURE_CACHE_BYTES } from '../../src/pictures/picture-cache.js';
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

  it('holds at most its byte budget, least recently used out first', async () => {
    const render = vi.fn(fakeRender);
    const cache = createPictureCache({ maxBytes: 10, render });
    await cache.getOrRender('a', () => 'aaaa');
    await cache.getOrRender('b', () => 'bbbb');
    await cache.getOrRender('a', () => 'aaaa'); // a is now the most recent
    await cache.getOrRender('c', () => 'cccc'); // 12 bytes: b goes
    expect(cache.bytes).toBe(8);
    expect(cache.size).toBe(2);
    expect((await cache.getOrRender('a', () => 'aaaa')).fromCache).toBe(true);
    expect((await cache.getOrRender('c', () => 'cccc')).fromCache).toBe(true);
    expect((await cache.getOrRender('b', () => 'bbbb')).fromCache).toBe(false);
    expect(cache.bytes).toBeLessThanOrEqual(10);
    expect(render).toHaveBeenCalledTimes(4);
  });

  it('keeps the newest picture even when it alone is over the budget', async () => {
    const cache = createPictureCache({ maxBytes: 3, render: fakeRender });
    await cache.getOrRender('small', () => 'ab');
    await cache.getOrRender('big', () => 'abcdefgh');
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(8);
    expect((await cache.getOrRender('big', () => 'abcdefgh')).fromCache).toBe(true);
  });

  it('counts no bytes for a failed render or for a picture evicted while it rendered', async () => {
    const cache = createPictureCache({
      maxEntries: 1,
      render: (svg) => (svg === 'bad' ? Promise.reject(new Error('boom')) : fakeRender(svg)),
    });
    await expect(cache.getOrRender('x', () => 'bad')).rejects.toThrow('boom');
    expect(cache.bytes).toBe(0);
    const first = cache.getOrRender('p', () => 'pppp');
    const second = cache.getOrRender('q', () => 'qq'); // evicts p before it is done
    await Promise.all([first, second]);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(2);
  });

  it('has a byte budget by default', async () => {
    const cache = createPictureCache({ render: fakeRender });
    const half = 'x'.repeat(DEFAULT_PICTURE_CACHE_BYTES / 2 + 1);
    await cache.getOrRender('one', () => half);
    await cache.getOrRender('two', () => half);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBeLessThanOrEqual(DEFAULT_PICTURE_CACHE_BYTES);
  });
});
