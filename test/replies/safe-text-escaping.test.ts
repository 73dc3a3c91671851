/**
 * Exactly what `safe` turns data and user text into: each markdown marker escaped, mention syntax broken,
 * direction overrides removed, and ordinary text returned as it was. Pins every rule one case at a time so
 * a loosened pattern shows up by name (docs/mutation.md).
 */
import { describe, expect, test } from 'vitest';
import { quoteInput, safe } from '../../src/replies/text.js';

const ZWSP = '\u200b';

describe('safe', () => {
  test.each([
    ['Spa-Francorchamps', 'a name with nothing to escape'],
    ['Round 12. Spa', 'a number and a dot mid-line'],
    ['a > b - c + d', 'quote and list markers mid-line'],
    ['#tag', 'a hash without a space is no heading'],
    ['#### four', 'four hashes are no heading in Discord'],
    ['-x', 'a dash without a space is no list item'],
    ['1.5 litres', 'a decimal at the start is no numbered item'],
    ['a < b', 'a lone angle bracket'],
    ['', 'the empty string'],
  ])('%j is unchanged (%s)', (text) => {
    expect(safe(text)).toBe(text);
  });

  test.each([
    ['\\', '\\\\'],
    ['*', '\\*'],
    ['_', '\\_'],
    ['~', '\\~'],
    ['`', '\\`'],
    ['|', '\\|'],
    ['[', '\\['],
    [']', '\\]'],
  ])('inline marker %j is escaped everywhere in the line', (marker, escaped) => {
    expect(safe(`a${marker}b${marker}`)).toBe(`a${escaped}b${escaped}`);
  });

  test('a whole markdown title is escaped marker by marker', () => {
    expect(safe('__Spa__ ~~24h~~ **GT3** ||x|| [l](u) `c`')).toBe(
      '\\_\\_Spa\\_\\_ \\~\\~24h\\~\\~ \\*\\*GT3\\*\\* \\|\\|x\\|\\| \\[l\\](u) \\`c\\`',
    );
  });

  test.each([
    ['> quote', '\\> quote'],
    ['>>> block', '\\>>> block'],
    ['# heading', '\\# heading'],
    ['## heading', '\\## heading'],
    ['### heading', '\\### heading'],
    ['-# subtext', '\\-# subtext'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['12. item', '12\\. item'],
    ['  - indented', '  \\- indented'],
    ['\t> tabbed', '\t\\> tabbed'],
  ])('line marker %j becomes %j', (text, escaped) => {
    expect(safe(text)).toBe(escaped);
  });

  test('line markers are escaped on every line, not only the first', () => {
    expect(safe('Spa\n> quote\n# heading\n3. third')).toBe('Spa\n\\> quote\n\\# heading\n3\\. third');
  });

  test('a line marker alone on a later line makes the text need work', () => {
    expect(safe('ok\n- item')).toBe('ok\n\\- item');
  });

  test.each([
    ['@everyone', `@${ZWSP}everyone`],
    ['@here', `@${ZWSP}here`],
    ['mail a@b', `mail a@${ZWSP}b`],
    ['<@123>', `<${ZWSP}@${ZWSP}123>`],
    ['<@&456>', `<${ZWSP}@${ZWSP}&456>`],
    ['<#789>', `<${ZWSP}#789>`],
    ['<:pit:1>', `<${ZWSP}:pit:1>`],
    ['</driver:1>', `<${ZWSP}/driver:1>`],
    ['<t:1700000000>', `<${ZWSP}t:1700000000>`],
    ['<x> <b', '<x> <b'],
  ])('mention syntax %j cannot resolve', (text, broken) => {
    expect(safe(text)).toBe(broken);
  });

  test.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'direction control U+%s is removed',
    (control) => {
      expect(safe(`a${control}b${control}`)).toBe('ab');
    },
  );

  test.each(['\u2029', '\u202f', '\u2065', '\u206a', '\u200f'])(
    'neighbouring code point %j is kept',
    (ch) => {
      expect(safe(`*${ch}`)).toBe(`\\*${ch}`);
    },
  );
});

describe('quoteInput', () => {
  test('quotes the text with curly quotes, escaped', () => {
    expect(quoteInput('**x**')).toBe('“\\*\\*x\\*\\*”');
  });

  test('runs of whitespace become one space and the ends are trimmed', () => {
    expect(quoteInput('  a \n\t b  ')).toBe('“a b”');
  });

  test('is cut to 60 characters by default, before escaping', () => {
    const quoted = quoteInput('x'.repeat(100));
    expect(quoted).toBe(`“${'x'.repeat(59)}…”`);
  });

  test('takes another length', () => {
    expect(quoteInput('abcdef', 4)).toBe('“abc…”');
  });
});
