import { flagEmoji } from '../season/countries.js';
import { COUNTRY_NAMES } from './country-names.js';
import { truncate } from './limits.js';

const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Inline markup: Discord reads "\x" as a literal x for any punctuation x, so these are backslash-escaped. */
const INLINE_MARKUP = /[\\*_~`|[\]]/g;
/** Block markup counts only at the start of a line: quote, heading, subtext, list item. */
const LINE_MARKUP = /^(\s*)(>|#{1,3}\s|-#\s|[-+]\s|\d+\.\s)/gm;
const NEEDS_WORK = /[\\*_~`|[\]@<\u202a-\u202e\u2066-\u2069]|^\s*(?:>|#|-#|[-+]\s|\d+\.\s)/m;

/**
 * Text from data files and from users, made safe to show: markdown rendered as written, no mention syntax
 * that could resolve, no invisible direction overrides that could reorder the line around it.
 * Hand-written instead of escapeMarkdown: one pass per rule, and nothing to do for ordinary names.
 */
export function safe(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return (
    text
      .replace(DIRECTION_CONTROLS, '')
      .replace(INLINE_MARKUP, '\\$&')
      // "\\1" would show the backslash (only punctuation can be escaped): a numbered item escapes its dot.
      .replace(LINE_MARKUP, (_, indent: string, marker: string) =>
        /^\d/.test(marker) ? `${indent}${marker.replace('.', '\\.')}` : `${indent}\\${marker}`,
      )
      .replace(/@/g, '@\u200b')
      .replace(/<(?=[@#:/t])/g, '<\u200b')
  );
}

/** What a user typed, quoted for an error message: safe, and short. */
export function quoteInput(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${safe(truncate(flat, max))}”`;
}

export function flag(iso: string | null | undefined): string {
  return iso ? flagEmoji(iso) : '🏳️';
}

/** The English name of a region code; the code itself when it names no region. */
export function countryName(iso: string): string {
  return Object.hasOwn(COUNTRY_NAMES, iso) ? (COUNTRY_NAMES[iso] as string) : iso;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "=2" for a shared position, as tables print ties. */
export function positionLabel(position: number, tied: boolean): string {
  return tied ? `=${position}` : `${position}`;
}
