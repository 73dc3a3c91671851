import { catalogueText, type SafeText } from '../replies/safe-text.js';
import { createMessageCompiler } from './compiled-messages.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import esES from './locales/es-ES.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import it from './locales/it.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };

/** One JSON file per language (src/i18n/locales), ICU message format; English is the source. */
export const CATALOGUES: Readonly<Record<Locale, typeof en>> = { en, fr, de, it, nl, 'es-ES': esES };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Every message key of the English catalogue: a misspelt key does not compile. */
export type MessageKey = Leaves<typeof en>;

/** Values a message may interpolate: safe text (escaped data, our markup) or numbers, never a raw string. */
export type MessageValues = Readonly<Record<string, SafeText | number | Date>>;

/**
 * A message's text as i18next resolved it when replies went through it (test/i18n/compiled-messages.test.ts
 * keeps i18next as the reference): the language's own, else English (an empty text counts as missing), else
 * the key itself. It is formatted in the asked language even when the text is English's.
 */
function messageText(locale: Locale, key: string): string {
  return (
    lookupMessage(locale, key) ??
    (locale === DEFAULT_LOCALE ? undefined : lookupMessage(DEFAULT_LOCALE, key)) ??
    key
  );
}

const messages = createMessageCompiler(messageText);

/**
 * The raw catalogue text for a dynamic key (command definitions), or undefined when the language lacks it.
 * Read straight from the catalogue: nothing is parsed or formatted at start for the ~650 definition texts
 * × languages.
 */
export function lookupMessage(locale: Locale, key: string): string | undefined {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '' ? node : undefined;
}

/**
 * A catalogue message for text Discord shows as plain text (button and menu labels, autocomplete choices):
 * values go in as they are, since nothing there is read as markdown or a mention.
 */
export function plainText(
  locale: Locale,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return messages.format(locale, key, values);
}

/**
 * A catalogue message in `locale` (English when the language lacks it). The catalogue is ours, so its text is
 * trusted markup; the values are already safe, so the result is safe text.
 */
export function t(locale: Locale, key: MessageKey, values: MessageValues = {}): SafeText {
  return catalogueText(messages.format(locale, key, values));
}
