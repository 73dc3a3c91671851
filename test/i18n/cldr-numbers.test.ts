/**
 * Numbers, plural categories and lists are written from the CLDR tables and rules in src/i18n (no Intl at run
 * time). Wherever the running Node carries the CLDR release the tables were written from, they must say
 * exactly what Intl says: here over large ranges of values, every list shape, and every catalogue message.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { CATALOGUES, lookupMessage } from '../../src/i18n/catalogue.js';
import { CLDR_TABLES } from '../../src/i18n/cldr.js';
import { conjunctionParts } from '../../src/i18n/cldr-lists.js';
import { formatNumber, pluralCategory } from '../../src/i18n/cldr-numbers.js';
import { createMessageCompiler } from '../../src/i18n/compiled-messages.js';
import { LOCALES } from '../../src/i18n/locale.js';

const sameCldr = process.versions.cldr === CLDR_TABLES.cldr;

/** Integers, decimals of one to four places, powers, edges of rounding and of the arithmetic, seeded randoms. */
function values(): number[] {
  const out: number[] = [];
  for (let i = -1000; i <= 30_000; i++) out.push(i);
  for (let k = 0; k <= 5000; k++) out.push(k / 10, k / 100, k / 1000, -k / 1000, k / 10_000, (k * 7919) / 3);
  for (let p = -8; p <= 22; p++) out.push(10 ** p, 10 ** p - 1, 2 * 10 ** p, -(10 ** p), 1.5 * 10 ** p);
  out.push(
    -0,
    0.0005,
    0.9995,
    1.0005,
    999_999.9995,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e-7,
    9.99e-8,
    1_000_000,
    11_000_000,
  );
  out.push(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  );
  let seed = 20_130_728;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let k = 0; k < 20_000; k++) out.push((random() - 0.2) * 10 ** Math.floor(random() * 12 - 3));
  return out;
}

describe.skipIf(!sameCldr)(`numbers and plurals say what Intl says (CLDR ${CLDR_TABLES.cldr})`, () => {
  const all = values();

  test.each(LOCALES)('%s: numbers as Intl.NumberFormat writes them', (locale) => {
    const intl = new Intl.NumberFormat(locale);
    const differences = all.filter((v) => formatNumber(locale, v) !== intl.format(v));
    expect(
      differences.slice(0, 5).map((v) => `${v}: ${formatNumber(locale, v)} ≠ ${intl.format(v)}`),
    ).toEqual([]);
  });

  test.each(LOCALES)(
    '%s: plural categories, cardinal and ordinal, as Intl.PluralRules selects them',
    (locale) => {
      for (const type of ['cardinal', 'ordinal'] as const) {
        const intl = new Intl.PluralRules(locale, { type });
        const differences = all.filter((v) => pluralCategory(locale, type, v) !== intl.select(v));
        expect(
          differences.slice(0, 5).map((v) => `${type} ${v}: ${pluralCategory(locale, type, v)}`),
        ).toEqual([]);
      }
    },
  );

  test.each(LOCALES)('%s: lists of one to five as Intl.ListFormat joins them', (locale) => {
    const words = [
      'Buhk',
      'Ivan',
      'hielo',
      'Hiro',
      'hia',
      'Ígor',
      'iRacing',
      'HIelo',
      'Hi',
      'Mücke',
      '11',
      'i',
    ];
    const intl = new Intl.ListFormat(locale, { type: 'conjunction' });
    for (let length = 1; length <= 5; length++)
      for (const last of words) {
        const items = [...words.slice(0, length - 1), last];
        expect(conjunctionParts(locale, items)).toEqual(intl.formatToParts(items));
      }
  });
});

/** Every way a message can be filled: each number from a sample, each select option, a text for the rest. */
function sampleValues(message: string): Record<string, unknown>[] {
  const numbers = [0, 1, 2, 3, 5, 11, 21, 22, 23, 1.5, 0.5, 1000, 12_345.5, 1_000_000];
  const args = new Map<string, unknown[]>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) args.set(el.value, args.get(el.value) ?? ['Text']);
      if (el.type === TYPE.number || el.type === TYPE.plural) args.set(el.value, numbers);
      if (el.type === TYPE.select) args.set(el.value, [...Object.keys(el.options), 'other-value']);
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  let combos: Record<string, unknown>[] = [{}];
  for (const [name, options] of args)
    combos = combos.flatMap((combo) => options.map((value) => ({ ...combo, [name]: value }))).slice(0, 400);
  return combos;
}

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe.skipIf(!sameCldr)('every catalogue message reads as intl-messageformat with Intl writes it', () => {
  const compiler = createMessageCompiler((locale, key) => lookupMessage(locale, key) ?? key);
  test.each(LOCALES)('%s', (locale) => {
    const differences: string[] = [];
    for (const key of keys(CATALOGUES[locale])) {
      const text = lookupMessage(locale, key) as string;
      const stock = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
      for (const sample of sampleValues(text)) {
        const ours = compiler.format(locale, key, sample);
        const theirs = String(stock.format(sample as Parameters<IntlMessageFormat['format']>[0]));
        if (ours !== theirs) differences.push(`${key} ${JSON.stringify(sample)}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });
});
