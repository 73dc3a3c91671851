import type { SeasonModel } from '../season/model.js';

/**
 * Replies are pure functions of (season data, options), and a model never changes once built (a reload
 * builds a new one). So a reply part built once for a model can be served again: the cache hangs off the
 * model object itself and disappears with it. Bounded, oldest first out, so a huge season cannot grow it
 * without limit. Cached values are shared: callers copy before changing them (buildReply does).
 */
export const MAX_MEMO_ENTRIES_PER_MODEL = 4_096;
const caches = new WeakMap<SeasonModel, Map<string, unknown>>();

export function memoForModel<T>(model: SeasonModel, key: string, build: () => T): T {
  let cache = caches.get(model);
  if (!cache) {
    cache = new Map();
    caches.set(model, cache);
  }
  // One lookup: a part built as undefined is built again each time (no reply part is undefined).
  const cached = cache.get(key);
  if (cached !== undefined) return cached as T;
  const value = build();
  cache.set(key, value);
  if (cache.size > MAX_MEMO_ENTRIES_PER_MODEL) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return value;
}

/** What `key` holds for this model, if it was built (and not yet evicted); never builds. */
export function peekMemo<T>(model: SeasonModel, key: string): T | undefined {
  return caches.get(model)?.get(key) as T | undefined;
}

/** How many reply parts are memoised for a model (for tests and diagnostics). */
export function memoEntryCount(model: SeasonModel): number {
  return caches.get(model)?.size ?? 0;
}
