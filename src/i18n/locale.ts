/** The languages Pitboard speaks, as Discord names them. English is the default and the fallback. */
export const LOCALES = ['en', 'fr', 'de', 'it', 'nl', 'es-ES'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The non-English locales: the ones command definitions carry localisations for. */
export const TRANSLATED_LOCALES = LOCALES.filter(
  (locale): locale is Exclude<Locale, 'en'> => locale !== DEFAULT_LOCALE,
);

/**
 * A Discord locale (`en-GB`, `fr`, `es-ES`, …) or a CLI/sandbox argument mapped to the language we answer in;
 * anything we do not speak (or nothing) is English.
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return DEFAULT_LOCALE;
  const lower = discordLocale.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return LOCALES.find((locale) => locale.toLowerCase() === lower) ?? DEFAULT_LOCALE;
}

/** Whether the text names a language we speak (for `--locale` and `/setup language`, which refuse others). */
export function isSupportedLocale(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return lower === 'en-gb' || lower === 'en-us' || LOCALES.some((locale) => locale.toLowerCase() === lower);
}
