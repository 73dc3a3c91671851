/** The small text helpers replies share: ordinals, tie labels, flags and country names. */
import { describe, expect, test } from 'vitest';
import { countryName, flag, ordinal, positionLabel } from '../../src/replies/text.js';

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
    expect(ordinal(n)).toBe(text);
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
    expect(countryName('GB')).toBe('United Kingdom');
  });
  test.each([
    ['XX', 'XX'],
    ['constructor', 'constructor'],
    ['__proto__', '\\_\\_proto\\_\\_'],
    ['toString', 'toString'],
  ])('%j names no region and is returned as is (made safe)', (iso, shown) => {
    expect(countryName(iso)).toBe(shown);
  });
});
