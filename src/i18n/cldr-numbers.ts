import { CLDR_TABLES } from './cldr.js';
import type { Locale } from './locale.js';

/**
 * Numbers and plural categories as Intl.NumberFormat and Intl.PluralRules give them with their default
 * options (at most three fraction digits, rounded half away from zero), without Intl: the symbols come from
 * the CLDR tables and the plural rules are CLDR's for our six languages, written out below. A value the
 * decimal arithmetic here does not cover (not finite, ≥ 10²¹ or under 10⁻⁷ and not 0) is handed to Intl.
 * test/i18n/cldr-numbers.test.ts compares both with Intl over large ranges.
 */

interface Decimal {
  negative: boolean;
  /** Integer digits without leading zeros ("0" for none). */
  integer: string;
  /** Fraction digits, at most three, without trailing zeros. */
  fraction: string;
}

/** The value rounded as Intl rounds by default, from its shortest decimal form (as ICU reads a double). */
function toDecimal(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e21 || magnitude < 1e-7)) return null;
  const negative = value < 0 || Object.is(value, -0);
  let text = String(magnitude);
  const exponent = text.indexOf('e-');
  if (exponent !== -1) {
    const digits = text.slice(0, exponent).replace('.', '');
    text = `0.${'0'.repeat(Number(text.slice(exponent + 2)) - 1)}${digits}`;
  }
  const point = text.indexOf('.');
  let integer = point === -1 ? text : text.slice(0, point);
  let fraction = point === -1 ? '' : text.slice(point + 1);
  if (fraction.length > 3) {
    const roundUp = (fraction.charCodeAt(3) ?? 48) >= 53;
    fraction = fraction.slice(0, 3);
    if (roundUp) {
      const carried = incrementDigits(`${integer}${fraction}`);
      integer = carried.slice(0, carried.length - 3);
      fraction = carried.slice(carried.length - 3);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  integer = integer.replace(/^0+(?=\d)/, '');
  return { negative, integer, fraction };
}

/** "0999" → "1000": one added to a string of digits (kept at least as long). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') out[i] = '0';
    else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

let intlNumbers: Map<Locale, Intl.NumberFormat> | undefined;

/** "1,234.5", "1 234,5", "1234,5" (Spanish groups from five digits) … as Intl.NumberFormat writes it. */
export function formatNumber(locale: Locale, value: number): string {
  const decimal = toDecimal(value);
  if (!decimal) {
    intlNumbers ??= new Map();
    let format = intlNumbers.get(locale);
    if (!format) {
      format = new Intl.NumberFormat(locale);
      intlNumbers.set(locale, format);
    }
    return format.format(value);
  }
  const symbols = CLDR_TABLES.numbers[locale];
  const { integer, fraction } = decimal;
  let grouped = integer;
  if (symbols.groupingFrom !== null && integer.length >= symbols.groupingFrom) {
    grouped = '';
    for (let end = integer.length; end > 0; end -= 3)
      grouped = `${integer.slice(Math.max(0, end - 3), end)}${grouped ? symbols.group : ''}${grouped}`;
  }
  return `${decimal.negative ? symbols.minus : ''}${grouped}${fraction ? `${symbols.decimal}${fraction}` : ''}`;
}

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

let intlPlurals: Map<string, Intl.PluralRules> | undefined;

/** CLDR's plural category of the value, cardinal or ordinal, as Intl.PluralRules selects it. */
export function pluralCategory(locale: Locale, type: 'cardinal' | 'ordinal', value: number): PluralCategory {
  const decimal = toDecimal(value);
  if (!decimal) {
    intlPlurals ??= new Map();
    let rules = intlPlurals.get(`${locale}:${type}`);
    if (!rules) {
      rules = new Intl.PluralRules(locale, { type });
      intlPlurals.set(`${locale}:${type}`, rules);
    }
    return rules.select(value);
  }
  // CLDR's operands: i the integer digits, v how many fraction digits are shown, n the absolute value.
  // ICU keeps the last 18 integer digits for i (1e18 has i = 0); n stays whole.
  const digits =
    decimal.integer.length > 18 ? decimal.integer.slice(-18).replace(/^0+(?=\d)/, '') : decimal.integer;
  const i = Number(digits);
  const v = decimal.fraction.length;
  const n = Number(`${decimal.integer}.${decimal.fraction || '0'}`);
  // From the digits, not from i: integers past 2⁵³ are not exact as numbers.
  const millions = v === 0 && digits !== '0' && digits.endsWith('000000');
  if (type === 'ordinal') {
    if (v !== 0) return 'other';
    switch (locale) {
      case 'en': {
        const d10 = Number(digits.slice(-1));
        const d100 = Number(digits.slice(-2));
        if (d10 === 1 && d100 !== 11) return 'one';
        if (d10 === 2 && d100 !== 12) return 'two';
        if (d10 === 3 && d100 !== 13) return 'few';
        return 'other';
      }
      case 'fr':
        return n === 1 ? 'one' : 'other';
      case 'it':
        return n === 11 || n === 8 || n === 80 || n === 800 ? 'many' : 'other';
      default:
        return 'other';
    }
  }
  switch (locale) {
    case 'fr':
      return i === 0 || i === 1 ? 'one' : millions ? 'many' : 'other';
    case 'es-ES':
      return n === 1 ? 'one' : millions ? 'many' : 'other';
    case 'it':
      return i === 1 && v === 0 ? 'one' : millions ? 'many' : 'other';
    default:
      return i === 1 && v === 0 ? 'one' : 'other';
  }
}
