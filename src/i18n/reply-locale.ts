import type { Invoker } from '../core/command.js';
import { DEFAULT_LOCALE, type Locale, resolveLocale } from './locale.js';

/**
 * Every reply string of every command comes from the catalogue, so replies follow the reader's language.
 * The one switch back to English for everyone: turn it off while a new reply is not yet in the catalogue,
 * so no one gets an answer half in French and half in English.
 */
export const REPLIES_LOCALISED = true;

let forced: boolean | null = null;

/**
 * Tests only: answer in the reader's language (true), in English (false), or as the product switch says
 * (null), so a test can check the localised replies before the switch is flipped. Module state: each vitest
 * file has its own copy.
 */
export function forceRepliesLocalised(on: boolean | null): void {
  forced = on;
}

/** Whether replies follow the reader's language: the product switch, unless a test forced it. */
export function repliesLocalised(): boolean {
  return forced ?? REPLIES_LOCALISED;
}

/** The language a command's reply is written in: the invoking user's client language. */
export function replyLocale(
  invoker: Pick<Invoker, 'locale'> | null | undefined,
  localised = repliesLocalised(),
): Locale {
  return localised ? resolveLocale(invoker?.locale) : DEFAULT_LOCALE;
}

/**
 * The language of a post nobody asked for (recaps, living standings): the server's `/setup language`, else its
 * preferred locale as Discord last reported it, else English.
 */
export function serverLocale(
  chosen: string | null | undefined,
  guildLocale: string | null | undefined,
  localised = repliesLocalised(),
): Locale {
  if (!localised) return DEFAULT_LOCALE;
  return resolveLocale(chosen || guildLocale);
}
