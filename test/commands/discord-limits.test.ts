import { describe, expect, test } from 'vitest';
import {
  autocompleteLimitProblems,
  chars,
  hasLoneSurrogate,
  liveMaskedLinks,
  mentionLeaks,
  messageLimitProblems,
  nonJsonValues,
} from './discord-limits.js';

// The independent limits check must be able to fail: every documented limit, one character over.
const message = (data: Record<string, unknown>) => ({
  type: 4,
  data: { allowed_mentions: { parse: [] }, ...data },
});
const x = (n: number) => 'x'.repeat(n);

describe('independent message limits', () => {
  test.each([
    ['content of 2001 characters', { content: x(2001) }, /content: 2001/],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 'a' })) }, /embeds: 11 > 10/],
    ['a title of 257', { embeds: [{ title: x(257) }] }, /title: 257/],
    ['a description of 4097', { embeds: [{ description: x(4097) }] }, /description: 4097/],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'a', value: 'b' })) }] },
      /fields: 26/,
    ],
    ['a field name of 257', { embeds: [{ fields: [{ name: x(257), value: 'v' }] }] }, /name: 257/],
    ['a field value of 1025', { embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }, /value: 1025/],
    ['an empty field value', { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, /value: empty/],
    ['a whitespace-only field name', { embeds: [{ fields: [{ name: '  ', value: 'v' }] }] }, /name: blank/],
    ['a footer of 2049', { embeds: [{ footer: { text: x(2049) } }] }, /footer.text: 2049/],
    ['an author of 257', { embeds: [{ author: { name: x(257) } }] }, /author.name: 257/],
    [
      '6001 characters over two embeds',
      { embeds: [{ description: x(4000) }, { description: x(2001) }] },
      /6001 characters in all/,
    ],
    ['nothing to show', {}, /empty message/],
    ['a flag a bot may not set', { content: 'a', flags: 2 }, /flags: 2/],
    ['a NaN colour', { embeds: [{ title: 'a', color: Number.NaN }] }, /color: NaN/],
  ])('rejects %s', (_label, data, problem) => {
    expect(messageLimitProblems(message(data)).join('\n')).toMatch(problem);
  });

  test('accepts a body exactly at the limits, counting characters rather than UTF-16 units', () => {
    const body = message({
      content: '😀'.repeat(2000),
      embeds: [
        {
          title: x(256),
          description: x(3000),
          fields: [{ name: x(256), value: x(1024) }],
          footer: { text: x(1464) },
        },
      ],
      flags: 64,
    });
    expect(chars('😀'.repeat(2000))).toBe(2000);
    expect(messageLimitProblems(body)).toEqual([]);
  });
});

describe('independent autocomplete limits', () => {
  const answer = (choices: unknown[]) => ({ type: 8, data: { choices } });
  test.each([
    [
      '26 choices',
      Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })),
      'string',
      /26 > 25/,
    ],
    ['a name of 101', [{ name: x(101), value: 'v' }], 'string', /name: 101/],
    ['an empty name', [{ name: '', value: 'v' }], 'string', /name: empty/],
    ['a blank name', [{ name: ' ', value: 'v' }], undefined, /name: blank/],
    ['a value of 101', [{ name: 'n', value: x(101) }], undefined, /value: 101/],
    ['a number for a string option', [{ name: 'n', value: 1 }], 'string', /not a string/],
    ['a text value for an integer option', [{ name: 'n', value: '1' }], 'integer', /not an integer/],
    ['a fractional value for an integer option', [{ name: 'n', value: 1.5 }], 'integer', /not an integer/],
    ['a fractional value, type unknown', [{ name: 'n', value: 1.5 }], undefined, /not an integer/],
  ] as const)('rejects %s', (_label, choices, valueType, problem) => {
    expect(autocompleteLimitProblems(answer([...choices]), valueType).join('\n')).toMatch(problem);
  });

  test('accepts 25 choices at the limits', () => {
    const choices = Array.from({ length: 25 }, (_, i) => ({
      name: `${i}`.padEnd(100, 'n'),
      value: `${i}`.padEnd(100, 'v'),
    }));
    expect(autocompleteLimitProblems(answer(choices))).toEqual([]);
  });
});

describe('rendered-text checks', () => {
  test('finds every mention form and ignores the escaped ones', () => {
    expect(mentionLeaks('hi @everyone and @here, <@123> <@!4> <@&5> <#6> </driver:7>')).toEqual([
      '@everyone',
      '@here',
      '<@123>',
      '<@!4>',
      '<@&5>',
      '<#6>',
      '</driver:7>',
    ]);
    expect(mentionLeaks('@\u200beveryone <\u200b@\u200b123> <t:1365940800:D> a@b.c')).toEqual([]);
  });

  test('tells lone surrogates from pairs', () => {
    expect(hasLoneSurrogate('😀 ok')).toBe(false);
    expect(hasLoneSurrogate('cut \ud83d')).toBe(true);
    expect(hasLoneSurrogate('\ude00 start')).toBe(true);
  });

  test('finds the masked links Discord would render, reading escapes left to right', () => {
    expect(liveMaskedLinks('see [a](http://x) and [b](http://x "t")')).toEqual([
      '[a](http://x)',
      '[b](http://x "t")',
    ]);
    // Escaped brackets are text; an escaped backslash is a literal backslash, so the bracket after it is live.
    expect(liveMaskedLinks('\\[a\\](http://x) \\[b](http://x)')).toEqual([]);
    expect(liveMaskedLinks('\\\\[a](http://x)')).toEqual(['[a](http://x)']);
    expect(liveMaskedLinks('\\\\[a\\\\](http://x)')).toEqual(['[a\\\\](http://x)']);
    expect(liveMaskedLinks('[a] (http://x) [no link] `code`')).toEqual([]);
  });

  test('finds values JSON cannot carry', () => {
    expect(
      nonJsonValues({ a: [1, undefined], b: Number.POSITIVE_INFINITY, c: () => 1, d: undefined }),
    ).toEqual(['body.a[1]: undefined', 'body.b: Infinity', 'body.c: function']);
  });
});
