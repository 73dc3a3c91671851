/** The small text helpers replies share: ordinals, tie labels, flags and country names. */
import { describe, expect, test } from 'vitest';
import { literal, safe } from '../../src/replies/safe-text.js';
import { countryName, flag, listText, ordinal, positionLabel } from '../../src/replies/text.js';

describe('ordinal', () => {
  test.each([
    [0, '0th'],
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [10, '10th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [14, '14th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [100, '100th'],
    [101, '101st'],
    [110, '110th'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [122, '122nd'],
  ])('%i is %s', (n, text) => {
    expect(ordinal(n, 'en')).toBe(text);
  });
});

describe('positionLabel', () => {
  test('a shared position is written "=N"', () => {
    expect(positionLabel(2, true)).toBe('=2');
  });
  test('a single position is the number', () => {
    expect(positionLabel(2, false)).toBe('2');
  });
});

describe('flag', () => {
  test('a region code is its flag emoji', () => {
    expect(flag('GB')).toBe('🇬🇧');
  });
  test.each([null, undefined, ''])('no code (%j) is the white flag', (iso) => {
    expect(flag(iso)).toBe('🏳️');
  });
});

describe('countryName', () => {
  test('a region code is its English name', () => {
    expect(countryName('GB', 'en')).toBe('United Kingdom');
  });
  test.each([
    ['XX', 'XX'],
    ['constructor', 'constructor'],
    ['__proto__', '\\_\\_proto\\_\\_'],
    ['toString', 'toString'],
  ])('%j names no region and is returned as written (escaped)', (iso, shown) => {
    expect(countryName(iso, 'en')).toBe(shown);
  });
});

describe('listText', () => {
  const parts = (...names: string[]) => names.map((n) => safe(n));
  test.each([
    ['en', [], ''],
    ['en', ['Buhk'], 'Buhk'],
    ['en', ['Buhk', 'Götz'], 'Buhk and Götz'],
    ['en', ['Buhk', 'Götz', 'Schneider'], 'Buhk, Götz, and Schneider'],
    ['fr', ['Buhk', 'Götz', 'Schneider'], 'Buhk, Götz et Schneider'],
    ['de', ['Buhk', 'Götz'], 'Buhk und Götz'],
    ['es-ES', ['Buhk', 'Götz'], 'Buhk y Götz'],
  ] as const)('%s %j → “%s”', (locale, names, expected) => {
    expect(String(listText(parts(...names), locale))).toBe(expected);
  });

  test('the parts go in as given (already safe: escaped data, our markup), in their order', () => {
    const joined = listText([safe('A*B'), literal('**C**'), safe('_d_')], 'en');
    expect(String(joined)).toBe(`${safe('A*B')}, **C**, and ${safe('_d_')}`);
  });
});
