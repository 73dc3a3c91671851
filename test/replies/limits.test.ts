/** The clamp every reply goes through (src/replies/limits.ts), checked by the independent limits check. */
import { describe, expect, test } from 'vitest';
import { clampEmbeds, embedLength, truncate } from '../../src/replies/limits.js';
import { literal, type SafeEmbed, safe } from '../../src/replies/safe-text.js';
import { messageLimitProblems } from '../commands/discord-limits.js';

const x = (n: number) => safe('x'.repeat(n));
const body = (embeds: SafeEmbed[]) => ({ type: 4, data: { allowed_mentions: { parse: [] }, embeds } });

describe('clampEmbeds', () => {
  test('each part is cut to its own limit', () => {
    const [embed] = clampEmbeds([
      {
        title: x(300),
        description: x(5000),
        fields: Array.from({ length: 30 }, () => ({ name: x(300), value: x(2000) })),
        footer: { text: x(3000) },
      },
    ]);
    expect(embed?.title).toHaveLength(256);
    expect(embed?.fields).toBeDefined();
    expect(messageLimitProblems(body([embed as SafeEmbed]))).toEqual([]);
  });

  test('several embeds together stay within 6,000 characters: fields go first, then descriptions shrink', () => {
    const withFields: SafeEmbed = {
      description: x(3000),
      fields: Array.from({ length: 5 }, () => ({ name: literal('n'), value: x(500) })),
    };
    const clamped = clampEmbeds([{ description: x(2500) }, withFields]);
    expect(clamped.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(clamped[0]?.description).toHaveLength(2500);
    expect(clamped[1]?.fields?.length).toBe(0);
    expect(messageLimitProblems(body(clamped))).toEqual([]);
  });

  test('titles, footers and author names count toward 6,000 too: footers give way, last embed first', () => {
    // Each embed is 256 + 2048 + 256 = 2,560 characters: 7,680 for three, before any footer was cut.
    const full = (): SafeEmbed => ({
      title: x(256),
      author: { name: x(256) },
      footer: { text: x(2048), icon_url: 'https://i' },
    });
    const clamped = clampEmbeds([full(), full(), full()]);
    expect(clamped.reduce((n, e) => n + embedLength(e), 0)).toBe(6000);
    expect(clamped[2]?.footer).toEqual({ text: `${x(367)}…`, icon_url: 'https://i' });
    expect(clamped[0]?.footer?.text).toBe(x(2048));
    expect(clamped[1]?.footer?.text).toBe(x(2048));
    for (const embed of clamped) {
      expect(embed.title).toBe(x(256));
      expect(embed.author?.name).toBe(x(256));
    }
    expect(messageLimitProblems(body(clamped))).toEqual([]);
  });

  test('a last embed gives up its description, then its footer, before an earlier embed gives up anything', () => {
    const clamped = clampEmbeds([
      { description: x(4000), footer: { text: x(1000) } },
      { title: x(10), description: x(1000), footer: { text: x(2000) } },
    ]);
    // 8,010: the last description goes (7,010), then its footer keeps 2,000 − 1,010 characters.
    expect(clamped[1]?.description).toBeUndefined();
    expect(clamped[1]?.footer?.text).toBe(`${x(989)}…`);
    expect(clamped[1]?.title).toBe(x(10));
    expect(clamped[0]).toEqual({ description: x(4000), footer: { text: x(1000) } });
    expect(clamped.reduce((n, e) => n + embedLength(e), 0)).toBe(6000);
  });

  test('a footer that would keep one character or less goes; two characters stay', () => {
    const first: SafeEmbed = { description: x(4096), footer: { text: x(1893) } };
    // 5,989 + 10 + 3 = 6,002: "abc" would keep 1 character.
    const dropped = clampEmbeds([first, { title: x(10), footer: { text: literal('abc') } }]);
    expect(dropped[1]?.footer).toBeUndefined();
    expect(dropped[0]).toEqual(first);
    // 5,989 + 9 + 3 = 6,001: "abc" keeps 2 characters.
    const kept = clampEmbeds([first, { title: x(9), footer: { text: literal('abc') } }]);
    expect(kept[1]?.footer?.text).toBe('a…');
  });

  test('ten embeds with every part at its limit come to at most 6,000, titles and author names whole', () => {
    const clamped = clampEmbeds(
      Array.from({ length: 10 }, () => ({
        title: x(300),
        description: x(5000),
        author: { name: x(300) },
        footer: { text: x(3000) },
        fields: Array.from({ length: 25 }, () => ({ name: x(256), value: x(1024) })),
      })),
    );
    expect(clamped.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    for (const embed of clamped) {
      expect(embed.title).toHaveLength(256);
      expect(embed.author?.name).toHaveLength(256);
    }
    expect(messageLimitProblems(body(clamped))).toEqual([]);
  });

  test('more than ten embeds keep the first ten; empty field parts become a zero-width space', () => {
    const clamped = clampEmbeds(
      Array.from({ length: 12 }, (_, i) => ({
        title: safe(`${i}`),
        fields: [{ name: literal(''), value: literal('') }],
      })),
    );
    expect(clamped).toHaveLength(10);
    expect(clamped[0]?.fields?.[0]).toEqual({ name: '\u200b', value: '\u200b' });
    expect(messageLimitProblems(body(clamped))).toEqual([]);
  });

  test('truncate never splits a surrogate pair', () => {
    expect(truncate(`a${'😀'.repeat(3)}`, 3)).toBe('a…');
  });
});
