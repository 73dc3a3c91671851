import type { Invoker } from '../core/command.js';
import { DEFAULT_LOCALE, type Locale, resolveLocale } from './locale.js';

/**
 * Replies switch to the reader's language only once every reply string of every command comes from the
 * catalogue: until then everyone reads English (command names and descriptions are localised already), so no
 * one gets an answer half in French and half in English.
 */
export const REPLIES_LOCALISED = false;

/** The language a command's reply is written in: the invoking user's client language. */
export function replyLocale(invoker: Invoker, localised = REPLIES_LOCALISED): Locale {
  return localised ? resolveLocale(invoker.locale) : DEFAULT_LOCALE;
}

/**
 * The language of a post nobody asked for (recaps, living standings): the server's `/setup language`, else its
 * preferred locale as Discord last reported it, else English.
 */
export function serverLocale(
  chosen: string | null | undefined,
  guildLocale: string | null | undefined,
  localised = REPLIES_LOCALISED,
): Locale {
  if (!localised) return DEFAULT_LOCALE;
  return resolveLocale(chosen || guildLocale);
}
