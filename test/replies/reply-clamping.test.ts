/**
 * Discord's limits, enforced by the clamp every reply goes through: the exact cut points of `truncate`,
 * `fitLines`, `clampEmbed`, `clampEmbeds` and `buildReply`. Each case sits on a boundary, so a clamp that is
 * loosened by one, skipped or reordered fails by name (docs/mutation.md).
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  MessageFlags,
} from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { buildReply, sharedReply } from '../../src/core/reply.js';
import {
  clampEmbed,
  clampEmbeds,
  embedLength,
  fitLines,
  LIMITS,
  truncate,
} from '../../src/replies/limits.js';
import { literal, md, type SafeEmbed, safe } from '../../src/replies/safe-text.js';
import type { SeasonModel } from '../../src/season/model.js';

/** Plain letters: safe() leaves them as they are, so every length below is exact. */
const x = (n: number) => safe('x'.repeat(n));

test('the limits are Discord’s documented ones', () => {
  expect(LIMITS).toEqual({
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    author: 256,
    embedsTotal: 6000,
    embeds: 10,
    content: 2000,
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
  });
});

describe('truncate', () => {
  test('text that fits, up to the limit itself, is unchanged', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abc', 4)).toBe('abc');
  });

  test('longer text is cut to the limit, the last character an ellipsis', () => {
    expect(truncate('abcd', 3)).toBe('ab…');
  });

  test('a cut never leaves half of a surrogate pair', () => {
    expect(truncate('ab😀c', 4)).toBe('ab…');
  });

  test('a whole pair before the cut is kept', () => {
    expect(truncate('a😀bc', 4)).toBe('a😀…');
  });
});

describe('fitLines', () => {
  const more = (left: number) => md`+${left}`;
  const lines =
    (...all: string[]) =>
    (i: number) =>
      safe(all[i] as string);

  test('no lines is the empty string', () => {
    expect(fitLines(0, lines(), 10, more)).toBe('');
  });

  test('lines that fit are joined by newlines, the last needing no room for a note', () => {
    expect(fitLines(2, lines('aaaa', 'bbbb'), 9, more)).toBe('aaaa\nbbbb');
  });

  test('lines are cut at a line boundary, keeping room for the note of how many were left out', () => {
    // "aaaa\naaaa" plus "\n+3" is exactly 12: the second line still fits.
    expect(fitLines(5, () => literal('aaaa'), 12, more)).toBe('aaaa\naaaa\n+3');
    expect(fitLines(5, () => literal('aaaa'), 11, more)).toBe('aaaa\n+4');
  });

  test('the room kept is for the note of exactly the lines still to come', () => {
    const long = (left: number) => safe('+'.repeat(left));
    // Each step reserves "\n" plus the note for the lines after it: 1 + 2 + 1 + 1 = 5 at the first line.
    expect(fitLines(3, () => literal('a'), 5, long)).toBe('a\na\na');
    expect(fitLines(3, () => literal('a'), 4, long)).toBe('a\n++');
  });

  test('a first line too long for the limit leaves only the note, itself cut to the limit', () => {
    expect(
      fitLines(
        3,
        () => x(20),
        5,
        (left) => md`${left} more rows`,
      ),
    ).toBe('3 mo…');
  });

  test('only the lines that fit are built', () => {
    const built: number[] = [];
    fitLines(
      1000,
      (i) => {
        built.push(i);
        return literal('aaaa');
      },
      12,
      more,
    );
    // The third line would not leave room for the note "+998".
    expect(built).toEqual([0, 1]);
  });
});

describe('embedLength', () => {
  test('counts title, description, footer, author and every field name and value', () => {
    expect(
      embedLength({
        title: x(1),
        description: x(2),
        footer: { text: x(4) },
        author: { name: x(8) },
        fields: [
          { name: x(16), value: x(32) },
          { name: x(64), value: x(128) },
        ],
        url: x(1000),
      }),
    ).toBe(255);
  });

  test('an empty embed is 0', () => {
    expect(embedLength({})).toBe(0);
  });
});

describe('clampEmbed', () => {
  test('every part is cut to its own limit', () => {
    const clamped = clampEmbed({
      title: x(300),
      description: x(5000),
      footer: { text: x(3000), icon_url: 'https://x' },
      author: { name: x(300), url: 'https://a' },
      fields: Array.from({ length: 30 }, (_, i) => ({
        name: md`${i}${x(300)}`,
        value: x(2000),
        inline: true,
      })),
      color: 7,
    });
    expect(clamped.title).toBe(`${x(255)}…`);
    expect(clamped.description).toBe(`${x(4095)}…`);
    expect(clamped.footer).toEqual({ text: `${x(2047)}…`, icon_url: 'https://x' });
    expect(clamped.author).toEqual({ name: `${x(255)}…`, url: 'https://a' });
    expect(clamped.fields).toHaveLength(25);
    expect(clamped.fields?.[24]).toEqual({ name: `24${x(253)}…`, value: `${x(1023)}…`, inline: true });
    expect(clamped.color).toBe(7);
  });

  test('parts within their limits are unchanged, and absent parts stay absent', () => {
    const embed: SafeEmbed = { title: x(256), fields: [{ name: x(256), value: x(1024) }] };
    expect(clampEmbed(embed)).toEqual(embed);
    expect(Object.keys(clampEmbed({ color: 1 }))).toEqual(['color']);
  });

  test('an empty field name or value becomes a zero-width space, which Discord accepts', () => {
    expect(clampEmbed({ fields: [{ name: literal(''), value: literal('') }] }).fields).toEqual([
      { name: '\u200b', value: '\u200b' },
    ]);
  });

  test('the embed passed in is not changed', () => {
    const embed: SafeEmbed = {
      title: x(300),
      footer: { text: x(3000) },
      fields: [{ name: literal('a'), value: literal('') }],
    };
    const copy = structuredClone(embed);
    clampEmbed(embed);
    expect(embed).toEqual(copy);
  });
});

describe('clampEmbeds', () => {
  const total = (embeds: SafeEmbed[]) => embeds.reduce((n, e) => n + embedLength(e), 0);

  test('at most 10 embeds, each clamped', () => {
    const clamped = clampEmbeds(Array.from({ length: 12 }, (_, i) => ({ title: md`${i}${x(300)}` })));
    expect(clamped).toHaveLength(10);
    expect(clamped[9]?.title).toBe(`9${x(254)}…`);
  });

  test('within 6000 characters nothing is dropped', () => {
    const embeds: SafeEmbed[] = [
      { description: x(3000) },
      { description: x(2000), fields: [{ name: x(200), value: x(800) }] },
    ];
    expect(clampEmbeds(embeds)).toEqual(embeds);
  });

  test('over 6000, fields are dropped from the last embed first, only as many as needed', () => {
    const field = { name: literal('n'), value: x(1000) };
    const clamped = clampEmbeds([
      { description: x(1000), fields: [field] },
      { description: x(2000), fields: [field, field, field] },
    ]);
    expect(clamped[0]?.fields).toHaveLength(1);
    expect(clamped[1]?.fields).toHaveLength(1);
    expect(clamped[1]?.description).toBe(x(2000));
    expect(total(clamped)).toBe(5002);
  });

  test('a field dropped that lands exactly on 6000 is the last one dropped', () => {
    const field = { name: literal('n'), value: x(1000) };
    const clamped = clampEmbeds([
      { description: x(1998), fields: [field] },
      { description: x(2000), fields: [field, field] },
    ]);
    expect(clamped[1]?.fields).toHaveLength(1);
    expect(total(clamped)).toBe(6000);
  });

  test('a dropped field gives back its name and its value', () => {
    const field = { name: x(200), value: x(800) };
    const clamped = clampEmbeds([
      { description: x(2801) },
      { description: x(1000), fields: [field, field, field] },
    ]);
    expect(clamped[1]?.fields).toHaveLength(2);
    expect(total(clamped)).toBe(5801);
  });

  test('once dropping fields lands on exactly 6000, even a one-character description stays', () => {
    const clamped = clampEmbeds([
      { description: x(4096), footer: { text: x(1903) } },
      { description: literal('a'), fields: [{ name: literal('n'), value: x(999) }] },
    ]);
    expect(clamped[1]?.fields).toEqual([]);
    expect(clamped[1]?.description).toBe('a');
    expect(total(clamped)).toBe(6000);
  });

  test('an embed without a description gives up fields only', () => {
    const field = { name: literal('n'), value: x(1000) };
    const clamped = clampEmbeds([{ description: x(4096) }, { fields: [field, field, field] }]);
    expect(clamped[1]?.fields).toHaveLength(1);
    expect(clamped[1] && 'description' in clamped[1]).toBe(false);
    expect(total(clamped)).toBe(5097);
  });

  test('when the fields run out the description is shortened next', () => {
    const clamped = clampEmbeds([
      { description: x(4000) },
      { description: x(4000), fields: [{ name: literal('n'), value: x(1000) }] },
    ]);
    expect(clamped[1]?.fields).toEqual([]);
    expect(clamped[1]?.description).toBe(`${x(1999)}…`);
    expect(total(clamped)).toBe(6000);
  });

  test('then the last description is shortened to land exactly on 6000', () => {
    const clamped = clampEmbeds([{ description: x(4000) }, { description: x(4000) }]);
    expect(clamped[0]?.description).toBe(x(4000));
    expect(clamped[1]?.description).toBe(`${x(1999)}…`);
    expect(total(clamped)).toBe(6000);
  });

  test('a description that would keep one character or less goes, and earlier embeds give up the rest', () => {
    const clamped = clampEmbeds([
      { description: x(4096), footer: { text: x(2048) } },
      { title: literal('t'), description: literal('abc') },
    ]);
    expect(clamped[1]?.description).toBeUndefined();
    expect(clamped[1]?.title).toBe('t');
    expect(clamped[0]?.description).toBe(`${x(3950)}…`);
    expect(total(clamped)).toBe(6000);
  });

  test('a description cut to exactly one character is dropped rather than left as a lone ellipsis', () => {
    const clamped = clampEmbeds([
      { description: x(4096), footer: { text: x(1903) } },
      { description: literal('abc') },
    ]);
    expect(clamped[1]?.description).toBeUndefined();
    expect(clamped[0]?.description).toBe(x(4096));
  });

  test('the embeds passed in are not changed', () => {
    const embeds: SafeEmbed[] = [
      { description: x(4000), fields: [{ name: literal('a'), value: x(1000) }] },
      { description: x(4000) },
    ];
    const copy = structuredClone(embeds);
    clampEmbeds(embeds);
    expect(embeds).toEqual(copy);
  });
});

describe('buildReply', () => {
  test('mentions are never parsed, and nothing else is set for an empty reply', () => {
    expect(buildReply({})).toEqual({ data: { allowed_mentions: { parse: [] } } });
  });

  test('content is cut to 2000 characters', () => {
    expect(buildReply({ content: x(2000) }).data.content).toBe(x(2000));
    expect(buildReply({ content: x(2001) }).data.content).toBe(`${x(1999)}…`);
  });

  test('embeds are clamped; an empty list sends no embeds', () => {
    expect(buildReply({ embeds: [{ title: x(300) }] }).data.embeds).toEqual([{ title: `${x(255)}…` }]);
    expect('embeds' in buildReply({ embeds: [] }).data).toBe(false);
  });

  test('components are sent as given; none, or an empty list, sends no components', () => {
    const row = {
      type: 1,
      components: [{ type: 2, style: 1, custom_id: 'next', label: 'Next' }],
    } as const satisfies APIActionRowComponent<APIComponentInMessageActionRow>;
    expect(buildReply({ content: literal('a'), components: [row] }).data.components).toEqual([row]);
    expect('components' in buildReply({ content: literal('a') }).data).toBe(false);
    expect('components' in buildReply({ content: literal('a'), components: [] }).data).toBe(false);
  });

  test('ephemeral on request only', () => {
    expect(buildReply({ content: literal('a'), ephemeral: true }).data.flags).toBe(MessageFlags.Ephemeral);
    expect('flags' in buildReply({ content: literal('a'), ephemeral: false }).data).toBe(false);
  });

  test('files become numbered attachments, with a description only where one is given', () => {
    const data = new Uint8Array([1]);
    const files = [
      { name: 'a.png', contentType: 'image/png', data, description: 'table' },
      { name: 'b.png', contentType: 'image/png', data },
    ];
    const reply = buildReply({ content: literal('x'), files });
    expect(reply.data.attachments).toEqual([
      { id: '0', filename: 'a.png', description: 'table' },
      { id: '1', filename: 'b.png' },
    ]);
    expect(reply.files).toBe(files);
  });

  test('no files, no attachments', () => {
    const reply = buildReply({ content: literal('x'), files: [] });
    expect(reply).toEqual({ data: { content: 'x', allowed_mentions: { parse: [] } } });
    expect('files' in reply).toBe(false);
  });
});

describe('sharedReply', () => {
  test('builds once per model and key, and serves the same reply after', () => {
    const model = {} as SeasonModel;
    let builds = 0;
    const build = () => {
      builds++;
      return buildReply({ content: md`build ${builds}` });
    };
    const first = sharedReply(model, 'standings', build);
    expect(sharedReply(model, 'standings', build)).toBe(first);
    expect(builds).toBe(1);
    expect(sharedReply(model, 'calendar', build)).not.toBe(first);
    expect(sharedReply({} as SeasonModel, 'standings', build)).not.toBe(first);
    expect(builds).toBe(3);
  });
});
