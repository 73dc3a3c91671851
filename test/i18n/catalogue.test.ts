/**
 * The catalogue a translator works in (src/i18n/locales/*.json): every language has every English key and
 * nothing else, each message parses as ICU and names the same placeholders as English, and every key is used
 * (by a command definition, or by name in the code). The `@ts-expect-error` line is checked by the typecheck.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { CATALOGUES, t } from '../../src/i18n/catalogue.js';
import { catalogueEntriesOf, englishKey } from '../../src/i18n/command-localizations.js';
import { LOCALES, type Locale, resolveLocale, TRANSLATED_LOCALES } from '../../src/i18n/locale.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { type AstNode, flatten } from './english-leaks.js';

// intl-messageformat's element types: 0 literal, 7 pound (#) and 8 tag carry no argument of their own.
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]);

/** The placeholder names of an ICU message (including those inside plural/select branches). */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: readonly AstNode[]) => {
    for (const node of nodes) {
      if (ARGUMENT_TYPES.has(node.type) && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) visit(option.value);
      if (node.children) visit(node.children);
    }
  };
  visit(new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[]);
  return [...names].sort();
}

const english = flatten(CATALOGUES.en);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the catalogue', () => {
  test.each(TRANSLATED_LOCALES)('%s has every English key and no other', (locale) => {
    const keys = [...flatten(CATALOGUES[locale]).keys()];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !keys.includes(key))).toEqual([]);
  });

  test.each(LOCALES)('%s: every message parses as ICU and has the placeholders of English', (locale) => {
    const mismatched: string[] = [];
    for (const [key, message] of flatten(CATALOGUES[locale])) {
      expect(message.trim(), key).not.toBe('');
      const source = english.get(key);
      if (source === undefined) continue;
      const mine = placeholders(message, locale);
      const theirs = placeholders(source, 'en');
      if (mine.join() !== theirs.join()) mismatched.push(`${key}: {${mine}} vs English {${theirs}}`);
    }
    expect(mismatched).toEqual([]);
  });

  test('every English key is used: by a command definition or by name in the code', () => {
    const byDefinitions = new Set(
      commands.flatMap((c) => catalogueEntriesOf(c.definition)).map((e) => englishKey(e.keys)),
    );
    const code = [...sourceFiles(join(PROJECT_ROOT, 'src')), ...sourceFiles(join(PROJECT_ROOT, 'commands'))]
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = [...english.keys()].filter((key) => !byDefinitions.has(key) && !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  test('English in the catalogue is exactly the text of the definitions (the source a translator sees)', () => {
    const differing: string[] = [];
    for (const { keys, text } of commands.flatMap((c) => catalogueEntriesOf(c.definition))) {
      const key = englishKey(keys);
      if (key === undefined) differing.push(`${keys[0]}: no English entry for "${text}"`);
      else if (english.get(key) !== text) differing.push(`${key}: "${english.get(key)}" vs "${text}"`);
    }
    expect(differing).toEqual([]);
  });

  test('catalogue text becomes SafeText in one place only (src/i18n/catalogue.ts)', () => {
    const callers = sourceFiles(join(PROJECT_ROOT, 'src'))
      .concat(sourceFiles(join(PROJECT_ROOT, 'commands')))
      .filter((path) => /\bcatalogueText\b/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(PROJECT_ROOT, path).replaceAll('\\', '/'))
      .sort();
    expect(callers).toEqual(['src/i18n/catalogue.ts', 'src/replies/safe-text.ts']);
  });

  test('t() refuses a raw string as a value: data must go through the escaper first', () => {
    const fromData: string = '**Spa**';
    // @ts-expect-error values are SafeText or numbers, never a raw string
    expect(() => t('en', 'options.season.name', { name: fromData })).not.toThrow();
    expect(t('fr', 'options.season.name')).toBe('saison');
  });
});

describe('locales', () => {
  test.each<[string | undefined, Locale]>([
    ['fr', 'fr'],
    ['de', 'de'],
    ['it', 'it'],
    ['nl', 'nl'],
    ['es-ES', 'es-ES'],
    ['ES-es', 'es-ES'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['es-419', 'en'],
    ['pt-BR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('Discord locale %j is answered in %s', (discord, expected) => {
    expect(resolveLocale(discord)).toBe(expected);
  });
});
