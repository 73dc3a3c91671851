import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
import { formatNumber, pluralCategory } from './cldr-numbers.js';
import type { Locale } from './locale.js';

// intl-messageformat resolves each message's locale through Intl (supportedLocalesOf, Intl.Locale), only for
// the parser's date skeletons, which the catalogue has none of; our formatters take the language from the
// compiler. Without this, compiling a message would page in the ICU data the formatters avoid.
IntlMessageFormat.resolveLocale = () => undefined;

/**
 * Catalogue messages compiled once per language and key, and formatted directly with intl-messageformat (the
 * engine i18next-icu runs), with i18next's lookup and fallback (catalogue.ts) but not its `t()`. That cost
 * more than the formatting: options merged and resolved on every call, through code so generic that its
 * property accesses are megamorphic, which V8 serves from a cache it empties at every full garbage
 * collection — so the first reply after one paid most (a third to half of a first /driver or /lineup).
 *
 * Messages without arguments are kept as their text; the rest share one set of formatters per language
 * (intl-messageformat would otherwise build NumberFormat and PluralRules objects per message).
 */
type Compiled = string | { text: string; message: IntlMessageFormat };

/** Where a message's text comes from: the catalogue's lookup, with its fallback to English. */
export type MessageSource = (locale: Locale, key: string) => string;

export interface MessageCompiler {
  format(locale: Locale, key: string, values: Readonly<Record<string, unknown>>): string;
}

export function createMessageCompiler(source: MessageSource): MessageCompiler {
  const compiled = new Map<Locale, Map<string, Compiled>>();
  const formatters = new Map<Locale, Formatters>();

  function compile(locale: Locale, key: string): Compiled {
    let shared = formatters.get(locale);
    if (!shared) {
      shared = sharedFormatters(locale);
      formatters.set(locale, shared);
    }
    const text = source(locale, key);
    let message: IntlMessageFormat;
    try {
      // ignoreTag: `<…>` in a message is text (as i18next-icu parses it), never a rich-text tag.
      message = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true, formatters: shared });
    } catch {
      // As i18next-icu answers: a message that does not parse reads as written (the catalogue test forbids one).
      return text;
    }
    const ast = message.getAst();
    const [only] = ast;
    if (ast.length === 0) return '';
    if (ast.length === 1 && only?.type === 0) return only.value;
    return { text, message };
  }

  return {
    format(locale, key, values) {
      let byKey = compiled.get(locale);
      if (!byKey) {
        byKey = new Map();
        compiled.set(locale, byKey);
      }
      let message = byKey.get(key);
      if (message === undefined) {
        message = compile(locale, key);
        byKey.set(key, message);
      }
      if (typeof message === 'string') return message;
      try {
        return String(message.message.format(values as Parameters<IntlMessageFormat['format']>[0]));
      } catch {
        // As i18next-icu answers a value the message cannot take (a missing one): the message as written.
        return message.text;
      }
    },
  };
}

/**
 * Formatters for one language without Intl (cldr-numbers.ts: the same text, without paging in ICU's data).
 * Only the default number format is ours; a message asking for another style or for a date (the catalogue
 * has none; its test forbids them) gets Intl's own.
 */
function sharedFormatters(locale: Locale): Formatters {
  const numbers = { format: (value: number) => formatNumber(locale, value) };
  const plurals = {
    cardinal: { select: (value: number) => pluralCategory(locale, 'cardinal', value) },
    ordinal: { select: (value: number) => pluralCategory(locale, 'ordinal', value) },
  };
  const intlNumberFormat = memoByOptions(
    (locales, options: Intl.NumberFormatOptions | undefined) => new Intl.NumberFormat(locales, options),
  );
  return {
    getNumberFormat: ((locales?: string | string[], options?: Intl.NumberFormatOptions) =>
      options === undefined ? numbers : intlNumberFormat(locales, options)) as Formatters['getNumberFormat'],
    getDateTimeFormat: memoByOptions((locales, options) => new Intl.DateTimeFormat(locales, options)),
    getPluralRules: ((locales?: string | string[], options?: Intl.PluralRulesOptions) => {
      const extra = options && Object.keys(options).some((k) => k !== 'type');
      if (extra) return new Intl.PluralRules(locales, options);
      return options?.type === 'ordinal' ? plurals.ordinal : plurals.cardinal;
    }) as Formatters['getPluralRules'],
  };
}

function memoByOptions<O extends object, F>(
  make: (locales: string | string[] | undefined, options: O | undefined) => F,
): (locales?: string | string[], options?: O) => F {
  let plain: F | undefined;
  const byObject = new WeakMap<O, F>();
  const byText = new Map<string, F>();
  return (locales, options) => {
    if (options === undefined) {
      plain ??= make(locales, undefined);
      return plain;
    }
    let formatter = byObject.get(options);
    if (formatter === undefined) {
      const text = JSON.stringify(options);
      formatter = byText.get(text);
      if (formatter === undefined) {
        formatter = make(locales, options);
        byText.set(text, formatter);
      }
      byObject.set(options, formatter);
    }
    return formatter;
  };
}
