/**
 * Replies format catalogue messages through compiled formatters (src/i18n/compiled-messages.ts) instead of
 * i18next's t(): every message of every language must read exactly as i18next with i18next-icu formats it,
 * for every branch of its plurals and selects.
 */
import { createInstance } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { CATALOGUES, type MessageKey, plainText } from '../../src/i18n/catalogue.js';
import { createMessageCompiler } from '../../src/i18n/compiled-messages.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../src/i18n/locale.js';
import { type AstNode, flatten } from './english-leaks.js';

/** i18next configured as the catalogue was before replies stopped going through it: the reference. */
const reference = createInstance();
void reference.use(ICU).init({
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(CATALOGUES).map(([locale, catalogue]) => [locale, { translation: catalogue }]),
  ),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  load: 'currentOnly',
  returnNull: false,
  returnEmptyString: false,
});

// intl-messageformat's element types.
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const NUMBERS = [0, 1, 2, 3, 5, 11, 21, 22, 101, 1234.5];

/** Values that walk a message through its branches: the n-th set takes the n-th option of each. */
function valueSets(message: string, locale: Locale): Record<string, string | number>[] {
  const args = new Map<string, (i: number) => string | number>();
  const visit = (nodes: readonly AstNode[]) => {
    for (const node of nodes) {
      const name = typeof node.value === 'string' ? node.value : null;
      if (name && (node.type === NUMBER || node.type === PLURAL)) {
        const exact = Object.keys(node.options ?? {})
          .filter((k) => k.startsWith('='))
          .map((k) => Number(k.slice(1)));
        const numbers = [...exact, ...NUMBERS];
        args.set(name, (i) => numbers[i % numbers.length] as number);
      } else if (name && node.type === SELECT) {
        const choices = [...Object.keys(node.options ?? {}), 'not-a-choice'];
        args.set(name, (i) => choices[i % choices.length] as string);
      } else if (name && node.type !== 0 && !args.has(name)) args.set(name, () => `‹${name}›`);
      for (const option of Object.values(node.options ?? {})) visit(option.value);
      if (node.children) visit(node.children);
    }
  };
  visit(
    new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as AstNode[],
  );
  return Array.from({ length: 12 }, (_, i) =>
    Object.fromEntries([...args].map(([name, value]) => [name, value(i)])),
  );
}

describe('compiled catalogue messages', () => {
  test.each(LOCALES)('%s: every message, every branch, as i18next with i18next-icu formats it', (locale) => {
    const differences: string[] = [];
    for (const [key, message] of flatten(CATALOGUES[locale])) {
      for (const values of valueSets(message, locale)) {
        const ours = plainText(locale, key as MessageKey, values);
        const theirs = reference.t(key, { ...values, lng: locale });
        if (ours !== theirs) differences.push(`${key} ${JSON.stringify(values)}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(differences).toEqual([]);
  });

  test('a language without the message falls back to English, with the language’s plural rules', () => {
    const texts: Record<string, Record<string, string>> = {
      en: { laps: '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} lap' },
      fr: { laps: '' },
    };
    const compiler = createMessageCompiler((locale, key) => texts[locale]?.[key] || (texts.en?.[key] ?? key));
    expect(compiler.format('en', 'laps', { n: 2 })).toBe('2nd lap');
    // French ordinals: only 1 is "one".
    expect(compiler.format('fr', 'laps', { n: 2 })).toBe('2th lap');
    expect(compiler.format('fr', 'missing.key', {})).toBe('missing.key');
  });

  test('a value missing or a message that does not parse: the message as written, as i18next-icu answers', () => {
    const key = 'replies.standings.page' as MessageKey;
    expect(plainText('fr', key, {})).toBe(reference.t(key, { lng: 'fr' }));
    expect(plainText('fr', key, {})).toContain('{page}');
    const compiler = createMessageCompiler(() => 'Broken {n, plural, one {x}');
    expect(compiler.format('en', 'x', { n: 1 })).toBe('Broken {n, plural, one {x}');
  });

  test('numbers and plurals in messages are written without building an Intl object (CLDR tables)', () => {
    let built = 0;
    const original = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        built++;
        return new target(...args);
      },
    });
    try {
      const compiler = createMessageCompiler(
        (_, key) => `${key}: {n, number} and {m, plural, other {# more}}`,
      );
      for (const key of ['a', 'b', 'c', 'd']) compiler.format('de', key, { n: 1234.5, m: 3 });
      expect(compiler.format('de', 'a', { n: 1234.5, m: 3 })).toBe('a: 1.234,5 and 3 more');
      expect(built).toBe(0);
    } finally {
      Intl.NumberFormat = original;
    }
  });
  test('a number style of its own is formatted by Intl in each message’s language, not the first one asked', () => {
    const compiler = createMessageCompiler(() => '{n, number, percent}');
    expect(compiler.format('fr', 'p', { n: 0.5 })).toBe(
      new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5),
    );
    expect(compiler.format('en', 'p', { n: 0.5 })).toBe('50%');
  });
});
