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
  /** Bytes of PNG held (pictures still rendering count once they are done). */
  readonly bytes: number;
}

/** What one picture cache may hold by default: about 60 standings pictures of ≈ 130 KiB. */
export const DEFAULT_PICTURE_CACHE_BYTES = 8 * 2 ** 20;

export interface PictureCacheOptions {
  maxEntries?: number;
  /**
   * Bytes of PNG the cache may hold (default DEFAULT_PICTURE_CACHE_BYTES); least recently used pictures go
   * first. The newest picture is kept even when it alone is larger, so that asking again is still a hit.
   */
  maxBytes?: number;
  render: (svg: string) => RenderedPicture | Promise<RenderedPicture>;
}

interface Entry {
  picture: Promise<RenderedPicture>;
  /** 0 until the render is done. */
  bytes: number;
}

/**
 * Least-recently-used cache of rendered pictures, bounded by count and by bytes (a Map keeps insertion
 * order; a hit re-inserts). The bytes bound is what matters: pictures differ in size by season, class,
 * language and data version, and a count alone would let a few large seasons hold tens of MB.
 */
export function createPictureCache(options: PictureCacheOptions): PictureCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 64);
  const maxBytes = Math.max(0, options.maxBytes ?? DEFAULT_PICTURE_CACHE_BYTES);
  const { render } = options;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };
  /** Oldest first, never `keep` (the picture just asked for). */
  const evict = (keep: string) => {
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      if (key !== keep) remove(key);
    }
  };

  return {
    async getOrRender(key, build) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return { ...(await hit.picture), fromCache: true };
      }
      const entry: Entry = { picture: (async () => render(build()))(), bytes: 0 };
      entries.set(key, entry);
      evict(key);
      try {
        const picture = await entry.picture;
        if (entries.get(key) === entry) {
          entry.bytes = picture.png.byteLength;
          bytes += entry.bytes;
          evict(key);
        }
        return { ...picture, fromCache: false };
      } catch (error) {
        if (entries.get(key) === entry) remove(key);
        throw error;
      }
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
