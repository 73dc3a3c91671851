import { COUNTRY_NAMES } from '../replies/country-names.js';
import tables from './cldr-tables.json' with { type: 'json' };
import type { Locale } from './locale.js';

/**
 * Region names, calendar days and month names in each language, read from tables written out of CLDR
 * (cldr-tables.json, `npm run cldr:tables`) rather than asked of Intl at run time. Two reasons: the same words
 * on every Node build (small-ICU builds lack them), and memory: Intl.DisplayNames and Intl.DateTimeFormat
 * page in ≈ 3 MB of ICU data for six languages, a sixth of what the bot may hold beyond a bare client.
 * Numbers, plural categories and lists follow in cldr-numbers.ts and cldr-lists.ts, for the same reason.
 */

/**
 * Regions whose CLDR name is an administrative long form ("R.A.S. chinoise de Hong Kong", "Sonderverwaltungs-
 * region Hongkong"): a fan writes the short form, which for these (unlike "UK" or "É.-U.") is the plain name.
 */
/** What cldr-tables.json holds (written by write-cldr-tables.ts). */
export interface CldrTables {
  /** The CLDR release the tables were written from, and the Node that wrote them. */
  cldr: string;
  node: string;
  /** Region names per language (Intl.DisplayNames, long style; short for SHORT_FORM_REGIONS). */
  regionNames: Readonly<Record<Exclude<Locale, 'en'>, Readonly<Record<string, string>>>>;
  /** A calendar day per language and month: {d} and {y} stand for the day and the year (short month). */
  dayTemplates: Readonly<Record<Locale, readonly string[]>>;
  /** Month names per language as a month on its own is written (long month). */
  monthNames: Readonly<Record<Locale, readonly string[]>>;
  /** Number symbols per language; `groupingFrom`: the fewest integer digits that are grouped. */
  numbers: Readonly<
    Record<Locale, { decimal: string; group: string; minus: string; groupingFrom: number | null }>
  >;
  /** "A and B" (two), then "A, B" (start), "B, C" (middle), "C and D" (end): the separators of a conjunction. */
  lists: Readonly<Record<Locale, { two: string; start: string; middle: string; end: string }>>;
}

export const CLDR_TABLES: CldrTables = tables;

export const SHORT_FORM_REGIONS: ReadonlySet<string> = new Set(['HK', 'MO']);

/** The Intl locale a language's dates are written in: English is British, as the series is European. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** The region's name in the language; undefined when the code names no region. */
export function regionName(iso: string, locale: Locale): string | undefined {
  if (!Object.hasOwn(COUNTRY_NAMES, iso)) return undefined;
  const english = COUNTRY_NAMES[iso] as string;
  if (locale === 'en') return english;
  const names = CLDR_TABLES.regionNames[locale];
  return Object.hasOwn(names, iso) ? (names[iso] as string) : english;
}

/** "28 Jul 2013", "28 juil. 2013", "28. Juli 2013" … for a UTC calendar day. */
export function formatDay(locale: Locale, year: number, month: number, day: number): string {
  const template = CLDR_TABLES.dayTemplates[locale][month - 1] as string;
  return template.replace('{d}', String(day)).replace('{y}', String(year));
}

/** "February", "février", "Februar" … (month 1–12), as a month on its own is written. */
export function monthName(locale: Locale, month: number): string {
  return CLDR_TABLES.monthNames[locale][month - 1] as string;
}
