import type { Locale } from './locale.js';

/**
 * Intl objects cost tens of microseconds to build (ICU loads the language's data each time) and never change
 * once built: one per language and options, kept for the process, instead of one per reply. Kept per
 * constructor, so a runtime whose Intl is replaced (a test standing in for a small-ICU Node build) gets its own.
 */
const objects = new WeakMap<object, Map<string, unknown>>();

function cached<T>(kind: object, key: string, build: () => T): T {
  let byKey = objects.get(kind);
  if (!byKey) {
    byKey = new Map();
    objects.set(kind, byKey);
  }
  let object = byKey.get(key) as T | undefined;
  if (object === undefined) {
    object = build();
    byKey.set(key, object);
  }
  return object;
}

/** "A, B and C" in the language's own words. */
export function conjunctionFormat(locale: Locale): Intl.ListFormat {
  return cached(Intl.ListFormat, locale, () => new Intl.ListFormat(locale, { type: 'conjunction' }));
}
