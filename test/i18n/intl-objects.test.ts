/**
 * Intl objects are built once per language and options, not once per reply: building one costs tens of
 * microseconds (ICU loads the language's data), more than the rest of a small reply.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { LOCALES } from '../../src/i18n/locale.js';
import { roundDay } from '../../src/replies/pictures.js';
import { literal } from '../../src/replies/safe-text.js';
import { countryName, listText } from '../../src/replies/text.js';

const originals = {
  ListFormat: Intl.ListFormat,
  DisplayNames: Intl.DisplayNames,
  DateTimeFormat: Intl.DateTimeFormat,
};
let builtNames: string[] = [];
let built = 0;

function counting<T extends abstract new (...args: never[]) => unknown>(original: T): T {
  return new Proxy(original, {
    construct(target, args) {
      built++;
      builtNames.push(target.name);
      return Reflect.construct(target, args) as object;
    },
  });
}

afterEach(() => Object.assign(Intl, originals));

function answerInEveryLanguage(): string[] {
  return LOCALES.flatMap((locale) => [
    listText([literal('A'), literal('B'), literal('C')], locale),
    countryName('DE', locale),
    countryName('HK', locale),
    roundDay('2013-07-28', locale),
  ]);
}

describe('Intl objects', () => {
  test('the second time a language is asked, no Intl object is built, and the text is the same', () => {
    Object.assign(Intl, {
      ListFormat: counting(originals.ListFormat),
      DisplayNames: counting(originals.DisplayNames),
      DateTimeFormat: counting(originals.DateTimeFormat),
    });
    const first = answerInEveryLanguage();
    const builtFirst = built;
    expect(answerInEveryLanguage()).toEqual(first);
    expect(built).toBe(builtFirst);
    expect(first.slice(0, 4)).toEqual(['A, B, and C', 'Germany', 'Hong Kong', '28 Jul 2013']);
  });

  test('region names and calendar days never build Intl.DisplayNames or Intl.DateTimeFormat (tables instead)', () => {
    // Each would page in ICU data for six languages (≈ 3 MB of the bot's memory, bench section 5).
    builtNames = [];
    Object.assign(Intl, {
      DisplayNames: counting(originals.DisplayNames),
      DateTimeFormat: counting(originals.DateTimeFormat),
    });
    answerInEveryLanguage();
    expect(builtNames).toEqual([]);
  });
});
