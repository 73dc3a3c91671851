import { type RenderedPicture, renderPicture } from './render-png.js';

export interface CachedPicture extends RenderedPicture {
  fromCache: boolean;
}

export interface PictureCache {
  /** The PNG for key, rendering build() only on a miss. The key must change whenever the data does. */
  getOrRender(key: string, build: () => string): CachedPicture;
  readonly size: number;
}

export interface PictureCacheOptions {
  maxEntries?: number;
  render?: (svg: string) => RenderedPicture;
}

/** Least-recently-used cache of rendered pictures (a Map keeps insertion order; a hit re-inserts). */
export function createPictureCache(options: PictureCacheOptions = {}): PictureCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 64);
  const render = options.render ?? renderPicture;
  const entries = new Map<string, RenderedPicture>();

  return {
    getOrRender(key, build) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return { ...hit, fromCache: true };
      }
      const rendered = render(build());
      entries.set(key, rendered);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return { ...rendered, fromCache: false };
    },
    get size() {
      return entries.size;
    },
  };
}
