/**
 * Region names, calendar days and month names come from tables written out of CLDR (src/i18n/cldr.ts), not
 * from Intl at run time. Wherever the running Node carries the CLDR release the tables were written from,
 * they must say exactly what Intl says; on another release, `npm run cldr:tables` rewrites them.
 */
import { describe, expect, test } from 'vitest';
import {
  CLDR_TABLES,
  formatDay,
  intlLocale,
  monthName,
  regionName,
  SHORT_FORM_REGIONS,
} from '../../src/i18n/cldr.js';
import { LOCALES, TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { COUNTRY_NAMES } from '../../src/replies/country-names.js';

const sameCldr = process.versions.cldr === CLDR_TABLES.cldr;
const codes = Object.keys(COUNTRY_NAMES);

describe.skipIf(!sameCldr)(`the tables say what Intl says (CLDR ${CLDR_TABLES.cldr})`, () => {
  test.each(TRANSLATED_LOCALES)('%s: every region, in the style a fan writes it', (locale) => {
    const differences = codes.filter((code) => {
      const style = SHORT_FORM_REGIONS.has(code) ? 'short' : 'long';
      const intl = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' }).of(code);
      return regionName(code, locale) !== (intl ?? COUNTRY_NAMES[code]);
    });
    expect(differences).toEqual([]);
  });

  test.each(LOCALES)('%s: every calendar day from 1990 to 2040, and the month names', (locale) => {
    const intl = new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const differences: string[] = [];
    for (let time = Date.UTC(1990, 0, 1); time <= Date.UTC(2040, 11, 31); time += 86_400_000) {
      const date = new Date(time);
      const ours = formatDay(locale, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (ours !== intl.format(date)) differences.push(`${date.toISOString().slice(0, 10)}: ${ours}`);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    const months = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', timeZone: 'UTC' });
    for (let month = 1; month <= 12; month++)
      expect(monthName(locale, month)).toBe(months.format(new Date(Date.UTC(2000, month - 1, 1))));
  });
});

test('a code that names no region reads as no name; a table without the code reads English', () => {
  expect(regionName('QQ', 'fr')).toBeUndefined();
  expect(regionName('constructor', 'de')).toBeUndefined();
  expect(regionName('DE', 'en')).toBe('Germany');
  const missing = codes.find((code) => !Object.hasOwn(CLDR_TABLES.regionNames.fr, code));
  if (missing) expect(regionName(missing, 'fr')).toBe(COUNTRY_NAMES[missing]);
});

test('calendar days as fans of each language read them', () => {
  expect(LOCALES.map((locale) => formatDay(locale, 2013, 7, 28))).toEqual([
    '28 Jul 2013',
    '28 juil. 2013',
    '28. Juli 2013',
    '28 lug 2013',
    '28 jul 2013',
    '28 jul 2013',
  ]);
  expect(formatDay('fr', 2014, 2, 1)).toBe('1 févr. 2014');
  expect(monthName('es-ES', 2)).toBe('febrero');
});
