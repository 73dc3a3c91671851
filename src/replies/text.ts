import { flagEmoji } from '../season/countries.js';
import { COUNTRY_NAMES } from './country-names.js';
import { truncate } from './limits.js';
import { md, type SafeText, safe } from './safe-text.js';

export { safe } from './safe-text.js';

/** What a user typed, quoted for an error message: safe, and short. */
export function quoteInput(text: string, max = 60): SafeText {
  const flat = text.replace(/\s+/g, ' ').trim();
  return md`“${safe(truncate(flat, max))}”`;
}

/** The flag emoji of a region code (a white flag when unknown). */
export function flag(iso: string | null | undefined): SafeText {
  return safe(iso ? flagEmoji(iso) : '🏳️');
}

/** The English name of a region code; the code itself when it names no region. */
export function countryName(iso: string): SafeText {
  return safe(Object.hasOwn(COUNTRY_NAMES, iso) ? (COUNTRY_NAMES[iso] as string) : iso);
}

export function ordinal(n: number): SafeText {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return safe(`${n}${suffix}`);
}

/** "=2" for a shared position, as tables print ties. */
export function positionLabel(position: number, tied: boolean): SafeText {
  return safe(tied ? `=${position}` : `${position}`);
}
