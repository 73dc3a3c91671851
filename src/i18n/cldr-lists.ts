import { CLDR_TABLES } from './cldr.js';
import type { Locale } from './locale.js';

export interface ListPart {
  type: 'element' | 'literal';
  value: string;
}

/**
 * Spanish writes "e" for "y" before a word sounding /i/ ("Fernando e Ignacio", "A e Hiro"), as ICU decides
 * it: the word starts with "i", or with "hi" not followed by "a" or "e" ("y hielo"), either case.
 */
const SPANISH_E = /^(?:i|hi(?![ae]))/i;

/**
 * "A, B and C" in the language's own words, as Intl.ListFormat's conjunction gives it (formatToParts), from
 * the CLDR tables instead of ICU (see cldr.ts for why).
 */
export function conjunctionParts(locale: Locale, items: readonly string[]): ListPart[] {
  const patterns = CLDR_TABLES.lists[locale];
  const parts: ListPart[] = [];
  items.forEach((item, index) => {
    if (index > 0) {
      const last = index === items.length - 1;
      let literal =
        items.length === 2
          ? patterns.two
          : last
            ? patterns.end
            : index === 1
              ? patterns.start
              : patterns.middle;
      if (locale === 'es-ES' && last && literal === ' y ' && SPANISH_E.test(item)) literal = ' e ';
      parts.push({ type: 'literal', value: literal });
    }
    parts.push({ type: 'element', value: item });
  });
  return parts;
}
