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

/** The Discord locale names we answer to (English under all three of its names). */
export const DISCORD_LOCALE_NAMES = ['en', 'en-GB', 'en-US', ...TRANSLATED_LOCALES] as const;

/** Whether the text names a language we speak (`--locale`, the sandbox's `locale` line refuse others). */
export function isSupportedLocale(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return DISCORD_LOCALE_NAMES.some((name) => name.toLowerCase() === lower);
}
