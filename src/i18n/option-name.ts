import { type SafeText, safe } from '../replies/safe-text.js';
import { lookupMessage, type MessageKey, t } from './catalogue.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/**
 * An option as the reader's client shows it (`manche` for `round` in French), for sentences that tell them
 * what to type. The catalogue's names are ours, shown as written (`spoiler_delay`, not `spoiler\_delay`); an
 * option it does not name keeps its own name.
 */
export function optionName(locale: Locale, name: string): SafeText {
  const key = `options.${name}.name`;
  return lookupMessage(DEFAULT_LOCALE, key) === undefined ? safe(name) : t(locale, key as MessageKey);
}
