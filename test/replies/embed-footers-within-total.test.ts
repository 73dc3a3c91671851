/**
 * The last text `clampEmbeds` gives up for Discord's 6000-character total: footers, after fields and
 * descriptions. Titles and author names are never cut, and at most 10 × (256 + 256) characters, so footers
 * are always enough. Each case sits on a boundary (see reply-clamping.test.ts for fields and descriptions).
 */
import { describe, expect, test } from 'vitest';
import { clampEmbeds, embedLength, LIMITS } from '../../src/replies/limits.js';
import { literal, type SafeEmbed, safe } from '../../src/replies/safe-text.js';

const x = (n: number) => safe('x'.repeat(n));
const total = (embeds: SafeEmbed[]) => embeds.reduce((n, e) => n + embedLength(e), 0);
/** Title, author and footer each at their own limit: 2560 characters. */
const full = (): SafeEmbed => ({
  title: x(LIMITS.title),
  author: { name: x(LIMITS.author) },
  footer: { text: x(LIMITS.footer), icon_url: 'https://example.com/i.png' },
});

describe('clampEmbeds: footers', () => {
  test('three embeds of full title, author and footer: the last footer is shortened to land on 6000, the others stay whole', () => {
    const clamped = clampEmbeds([full(), full(), full()]);
    expect(clamped[0]).toEqual(full());
    expect(clamped[1]).toEqual(full());
    expect(clamped[2]?.footer).toEqual({ text: `${x(367)}…`, icon_url: 'https://example.com/i.png' });
    expect(clamped[2]?.title).toBe(x(256));
    expect(clamped[2]?.author?.name).toBe(x(256));
    expect(total(clamped)).toBe(6000);
  });

  test('a footer that would keep one character or less goes with its icon, and earlier embeds give up the rest', () => {
    const small: SafeEmbed = { ...full(), footer: { text: x(10), icon_url: 'https://example.com/i.png' } };
    const clamped = clampEmbeds([full(), full(), full(), small]);
    expect(clamped[3]?.footer).toBeUndefined();
    expect(clamped[2]?.footer).toBeUndefined();
    expect(clamped[1]?.footer?.text).toBe(`${x(1903)}…`);
    expect(clamped[0]).toEqual(full());
    expect(total(clamped)).toBe(6000);
  });

  test('once dropping fields lands on exactly 6000, even a one-character footer stays', () => {
    const clamped = clampEmbeds([
      { title: x(256), description: x(4096) },
      {
        footer: { text: literal('f') },
        fields: [
          { name: x(256), value: x(1024) },
          { name: literal('n'), value: x(366) },
          { name: literal('n'), value: literal('y') },
        ],
      },
    ]);
    expect(clamped[1]?.fields).toHaveLength(2);
    expect(clamped[1]?.footer).toEqual({ text: 'f' });
    expect(total(clamped)).toBe(6000);
  });

  test('ten embeds at every per-part limit come out within 6000, every title and author name whole', () => {
    const big: SafeEmbed = {
      ...full(),
      description: x(LIMITS.description),
      fields: Array.from({ length: LIMITS.fields }, () => ({ name: x(256), value: x(1024) })),
    };
    const clamped = clampEmbeds(Array.from({ length: 10 }, () => big));
    expect(total(clamped)).toBeLessThanOrEqual(6000);
    expect(clamped.every((e) => e.title === x(256) && e.author?.name === x(256))).toBe(true);
  });
});
