import { t } from '../i18n/catalogue.js';
import { regionName } from '../i18n/cldr.js';
import { conjunctionParts } from '../i18n/cldr-lists.js';
import type { Locale } from '../i18n/locale.js';
import { flagEmoji } from '../season/countries.js';
import { truncate } from './limits.js';
import { literal, md, type SafeText, safe } from './safe-text.js';

export { safe } from './safe-text.js';

/** What a user typed, quoted for an error message: safe, and short. */
export function quoteInput(text: string, max = 60): SafeText {
  const flat = text.replace(/\s+/g, ' ').trim();
  return md`“${safe(truncate(flat, max))}”`;
}

/** Flags by code, built once: a table or lineup shows the same few dozen on every line. */
const flags = new Map<string, SafeText>();

/** The flag emoji of a region code (a white flag when unknown). */
export function flag(iso: string | null | undefined): SafeText {
  if (!iso) return literal('🏳️');
  let emoji = flags.get(iso);
  if (emoji === undefined) {
    emoji = safe(flagEmoji(iso));
    flags.set(iso, emoji);
  }
  return emoji;
}

/** The name of a region code in the reader's language (CLDR's, from our tables); the code itself when it names no region. */
export function countryName(iso: string, locale: Locale): SafeText {
  return safe(regionName(iso, locale) ?? iso);
}

/** "1st", "1er", "1." … with the language's ordinal rules. */
export function ordinal(n: number, locale: Locale): SafeText {
  return t(locale, 'replies.common.ordinal', { n });
}

/** "=2" for a shared position, as tables print ties. */
export function positionLabel(position: number, tied: boolean): SafeText {
  return safe(tied ? `=${position}` : `${position}`);
}

/** "A and B", "A, B et C", "A, B y C": parts joined with the language's own "and" (CLDR list patterns). */
export function listText(parts: readonly SafeText[], locale: Locale): SafeText {
  const pieces = conjunctionParts(locale, parts);
  let element = 0;
  return pieces.reduce(
    (out, piece) =>
      md`${out}${piece.type === 'element' ? (parts[element++] ?? literal('')) : safe(piece.value)}`,
    literal(''),
  );
}
