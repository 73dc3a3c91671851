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
