import { type MessageKey, type MessageValues, t } from './catalogue.js';
import type { Locale } from './locale.js';

/** Values of a plain-text message: data as written (nothing is markdown here) or numbers. */
export type PlainValues = Readonly<Record<string, string | number>>;

/**
 * A catalogue message as plain text, for what Discord does not read as markdown: pictures, alt text. The
 * values are not escaped (a picture draws `**x**` as written), and the result is a plain string, so it can
 * never stand in for safe text in an embed.
 */
export function plainT(locale: Locale, key: MessageKey, values: PlainValues = {}): string {
  return `${t(locale, key, values as MessageValues)}`;
}
