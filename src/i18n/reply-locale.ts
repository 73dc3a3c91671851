import type { Invoker } from '../core/command.js';
import { DEFAULT_LOCALE, type Locale, resolveLocale } from './locale.js';

/**
 * Replies switch to the reader's language only once every reply string of every command comes from the
 * catalogue: until then everyone reads English (command names and descriptions are localised already), so no
 * one gets an answer half in French and half in English.
 */
export const REPLIES_LOCALISED = false;

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
