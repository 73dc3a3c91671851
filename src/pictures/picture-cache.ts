import type { RenderedPicture } from './render-png.js';

export interface CachedPicture extends RenderedPicture {
  fromCache: boolean;
}

export interface PictureCache {
  /**
   * The PNG for key, rendering build() only on a miss; concurrent misses share one render. The key must
   * change whenever the data does. A failed build or render is not cached.
   */
  getOrRender(key: string, build: () => string): Promise<CachedPicture>;
  readonly size: number;
}

export interface PictureCacheOptions {
  maxEntries?: number;
  render: (svg: string) => RenderedPicture | Promise<RenderedPicture>;
}

/** Least-recently-used cache of rendered pictures (a Map keeps insertion order; a hit re-inserts). */
export function createPictureCache(options: PictureCacheOptions): PictureCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 64);
  const { render } = options;
  const entries = new Map<string, Promise<RenderedPicture>>();

  return {
    async getOrRender(key, build) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return { ...(await hit), fromCache: true };
      }
      const rendering = (async () => render(build()))();
      entries.set(key, rendering);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      try {
        return { ...(await rendering), fromCache: false };
      } catch (error) {
        if (entries.get(key) === rendering) entries.delete(key);
        throw error;
      }
    },
    get size() {
      return entries.size;
    },
  };
}
