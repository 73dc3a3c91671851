import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COUNTRY_NAMES } from '../replies/country-names.js';
import { intlLocale, SHORT_FORM_REGIONS } from './cldr.js';
import { LOCALES, TRANSLATED_LOCALES } from './locale.js';

// npm run cldr:tables — rewrite src/i18n/cldr-tables.json from this Node's CLDR data (Intl). Run it on a Node
// whose CLDR is the one wanted; test/i18n/cldr-tables.test.ts compares the tables with Intl wherever the
// running Node carries that same CLDR version.

/** "{d} juil. {y}": the day and year of 28 July 2013 replaced by placeholders, the rest as Intl writes it. */
function dayTemplate(locale: string, month: number): string {
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format
    .formatToParts(new Date(Date.UTC(2013, month, 28)))
    .map((part) => (part.type === 'day' ? '{d}' : part.type === 'year' ? '{y}' : part.value))
    .join('');
}

const monthName = (locale: string, month: number) =>
  new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month, 1)),
  );

const months = Array.from({ length: 12 }, (_, month) => month);
const regionNames = Object.fromEntries(
  TRANSLATED_LOCALES.map((locale) => {
    const names: Record<string, string> = {};
    for (const code of Object.keys(COUNTRY_NAMES)) {
      const style = SHORT_FORM_REGIONS.has(code) ? 'short' : 'long';
      const name = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' }).of(code);
      if (name !== undefined) names[code] = name;
    }
    return [locale, names];
  }),
);
const dayTemplates = Object.fromEntries(
  LOCALES.map((locale) => [locale, months.map((m) => dayTemplate(intlLocale(locale), m))]),
);
const monthNames = Object.fromEntries(
  LOCALES.map((locale) => [locale, months.map((m) => monthName(intlLocale(locale), m))]),
);

/** Decimal and grouping symbols, the minus sign, and from how many integer digits a number is grouped. */
function numberSymbols(locale: string) {
  const format = new Intl.NumberFormat(locale);
  const parts = format.formatToParts(-1234567.5);
  const symbol = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const groupingFrom = [4, 5, 6].find((digits) => format.format(10 ** (digits - 1)).length > digits) ?? null;
  return { decimal: symbol('decimal'), group: symbol('group'), minus: symbol('minusSign'), groupingFrom };
}

/** A conjunction's patterns ("{0}, {1}" …) read back from Intl.ListFormat with placeholder words. */
function listPatterns(locale: string) {
  const format = new Intl.ListFormat(locale, { type: 'conjunction' });
  const literals = (words: string[]) =>
    format
      .formatToParts(words)
      .filter((part) => part.type === 'literal')
      .map((part) => part.value);
  const [two] = literals(['A', 'B']);
  const [start, end] = literals(['A', 'B', 'C']);
  const [, middle] = literals(['A', 'B', 'C', 'D']);
  return { two, start, middle, end };
}

const numbers = Object.fromEntries(LOCALES.map((locale) => [locale, numberSymbols(locale)]));
const lists = Object.fromEntries(LOCALES.map((locale) => [locale, listPatterns(locale)]));

const path = fileURLToPath(new URL('./cldr-tables.json', import.meta.url));
const tables = {
  cldr: process.versions.cldr,
  node: process.version,
  regionNames,
  dayTemplates,
  monthNames,
  numbers,
  lists,
};
writeFileSync(path, `${JSON.stringify(tables, null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', path], { stdio: 'inherit' });
console.log(`wrote ${path}`);
