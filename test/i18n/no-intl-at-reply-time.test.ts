/**
 * Replies build no Intl object: region names, days, months, numbers, plural categories and lists come from
 * CLDR tables (src/i18n/cldr*.ts). Each Intl service would page in ICU data for six languages, ≈ 3 MB of
 * the bot's memory (bench section 5); the first request in a language used to pay tens of µs too.
 */
import { afterEach, expect, test } from 'vitest';
import { t } from '../../src/i18n/catalogue.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { roundDay } from '../../src/replies/pictures.js';
import { literal } from '../../src/replies/safe-text.js';
import { countryName, listText, ordinal } from '../../src/replies/text.js';
import { describeImpossibleDate } from '../../src/setup/replay.js';

const SERVICES = [
  'Collator',
  'DateTimeFormat',
  'DisplayNames',
  'ListFormat',
  'Locale',
  'NumberFormat',
  'PluralRules',
  'RelativeTimeFormat',
  'Segmenter',
] as const;
const originals = Object.fromEntries(SERVICES.map((name) => [name, Intl[name]]));
afterEach(() => Object.assign(Intl, originals));

test('no Intl object is built (nor a locale looked up) while answering in any language', () => {
  const built: string[] = [];
  for (const name of SERVICES) {
    const original = originals[name] as unknown as (new (
      ...args: unknown[]
    ) => object) & {
      supportedLocalesOf?: unknown;
    };
    const counting = new Proxy(original, {
      construct(target, args) {
        built.push(name);
        return Reflect.construct(target, args) as object;
      },
      get(target, property, receiver) {
        if (property === 'supportedLocalesOf') built.push(`${name}.supportedLocalesOf`);
        return Reflect.get(target, property, receiver);
      },
    });
    Object.assign(Intl, { [name]: counting });
  }
  const answers = LOCALES.flatMap((locale) => [
    listText([literal('A'), literal('B'), literal('Ivan')], locale),
    countryName('DE', locale),
    countryName('HK', locale),
    roundDay('2013-07-28', locale),
    ordinal(21, locale),
    t(locale, 'replies.standings.noRound', { round: 7, season: literal('S'), count: 1 }),
    t(locale, 'replies.standings.noRound', { round: 12_345.5, season: literal('S'), count: 6 }),
    describeImpossibleDate(locale, { part: 'day', year: 2026, month: 2, day: 30 }),
  ]);
  expect(built).toEqual([]);
  expect(answers.slice(0, 5)).toEqual(['A, B, and Ivan', 'Germany', 'Hong Kong', '28 Jul 2013', '21st']);
});
