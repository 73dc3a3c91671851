/**
 * Property tests over option values for every command and option: whatever a user (or a broken client)
 * sends, the answer is a valid Discord reply, never an unexpected failure, and user text echoed back never
 * becomes a mention, a direction override or live markdown. Seeded: a failure prints its seed and path.
 */
import type { APIApplicationCommandOption, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';
import { answerLine } from '../../src/cli/run-cli.js';
import { type OptionValue, UserError } from '../../src/core/command.js';
import { quoteInput, safe } from '../../src/replies/text.js';
import {
  ask,
  autocompleteLimitProblems,
  BIDI_OVERRIDES,
  bundledApp,
  callbackBodyProblems,
  complete,
  completionProblems,
  hasLoneSurrogate,
  liveMaskedLinks,
  mentionLeaks,
  renderedStrings,
  replyProblems,
} from './discord-limits.js';

const SEED = 20130414;
const RUNS = 300;
const SEASON_ID = '2013-blancpain-endurance-series';

const PIECES = [
  '',
  ' ',
  '\n',
  '\t',
  '\u202e',
  '\u200f',
  '\u2066',
  '\u200b',
  '\ufeff',
  '@everyone',
  '@here',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '</driver:1>',
  '**x**',
  '`',
  '```',
  '> quote',
  '# heading',
  '[link](http://x)',
  '||spoiler||',
  '\\',
  '"',
  '😀',
  '👨‍👩‍👧',
  '🇩🇪',
  '\ud800',
  '\udfff',
  'true',
  'false',
  'yes',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Ü',
  'ß',
  'İ',
  '__proto__',
  'constructor',
  'Buhk',
  'Jones',
  'htp',
  'Racing',
  'spa',
  'pro',
  SEASON_ID,
];

/** Text a user could type or paste, biased towards the hostile. */
const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PIECES), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(' ')), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 280, maxLength: 320 }), weight: 1 },
  { arbitrary: fc.constant('x'.repeat(300)), weight: 1 },
);

const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -10, max: 100 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    5,
    6,
    84,
    71,
    42,
    9999,
    10_000,
    2 ** 53,
    -(2 ** 53),
    1e21,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);

/** A value for an option: mostly of its declared type, sometimes any type (a CLI or a broken client). */
function valueFor(option: APIApplicationCommandOption): fc.Arbitrary<OptionValue> {
  const anything = fc.oneof(text, number, fc.boolean(), fc.constantFrom('true', 'false', 'maybe'));
  const typed =
    option.type === T.Integer || option.type === T.Number
      ? number
      : option.type === T.Boolean
        ? fc.boolean()
        : 'choices' in option && option.choices?.length
          ? fc.oneof(fc.constantFrom(...option.choices.map((c) => String(c.value))), text)
          : text;
  return fc.oneof({ arbitrary: typed, weight: 3 }, { arbitrary: anything, weight: 1 });
}

function optionsFor(declared: readonly APIApplicationCommandOption[]) {
  const model: Record<string, fc.Arbitrary<OptionValue>> = {};
  for (const option of declared) model[option.name] = valueFor(option);
  return fc.record(model, { requiredKeys: [] });
}

function strings(options: Record<string, unknown>): string[] {
  return Object.values(options).filter((v): v is string => typeof v === 'string');
}

/** What every rendered string of a reply must not contain, whatever was typed. */
function unsafeEcho(rendered: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of rendered) {
    out.push(
      ...mentionLeaks(s).map((m) => `mention ${JSON.stringify(m)} in ${JSON.stringify(s.slice(0, 120))}`),
    );
    if (BIDI_OVERRIDES.test(s)) out.push(`direction override in ${JSON.stringify(s.slice(0, 120))}`);
    if (s.includes('**x**')) out.push(`live bold in ${JSON.stringify(s.slice(0, 120))}`);
    for (const link of liveMaskedLinks(s)) out.push(`live masked link ${JSON.stringify(link)}`);
    if (s.includes('||spoiler||')) out.push(`live spoiler in ${JSON.stringify(s.slice(0, 120))}`);
  }
  return out;
}

/** Text Discord could deliver: no lone surrogates (those only come from a broken client or the CLI). */
function wellFormed(values: readonly string[]): boolean {
  return values.every((v) => !hasLoneSurrogate(v));
}

const settings = { numRuns: RUNS, seed: SEED };

describe('runCommand over random options', () => {
  test.each(commands.map((c) => [c.definition.name, c] as const))('/%s', async (name, command) => {
    const context = bundledApp().makeContext();
    await fc.assert(
      fc.asyncProperty(optionsFor(command.definition.options ?? []), async (options) => {
        const answer = await ask(name, options, context);
        expect(answer.failure).toBeNull();
        expect(replyProblems(answer.reply)).toEqual([]);
        expect(answer.reply.data.allowed_mentions).toEqual({ parse: [] });
        const rendered = renderedStrings(answer.reply.data);
        expect(unsafeEcho(rendered)).toEqual([]);
        if (wellFormed(strings(options))) expect(rendered.filter(hasLoneSurrogate)).toEqual([]);
      }),
      settings,
    );
  });
});

describe('runAutocomplete over random typing', () => {
  const cases = commands.flatMap((c) =>
    (c.definition.options ?? []).map(
      (o) => [`/${c.definition.name} ${o.name}`, c.definition.name, o] as const,
    ),
  );
  test.each(cases)('%s', (_label, name, option) => {
    const others = optionsFor(commands.find((c) => c.definition.name === name)?.definition.options ?? []);
    fc.assert(
      fc.property(text, others, (typed, options) => {
        const completion = complete(name, { name: option.name, value: typed }, options);
        expect(completion.failure).toBeNull();
        expect(completionProblems(completion, option.type)).toEqual([]);
        if (!('autocomplete' in option && option.autocomplete)) expect(completion.choices).toEqual([]);
      }),
      settings,
    );
  });
});

describe('raw CLI lines', () => {
  const names = commands.map((c) => c.definition.name);
  const optionNames = [...new Set(commands.flatMap((c) => (c.definition.options ?? []).map((o) => o.name)))];
  const token = fc.oneof(
    text.map((t) => t.replace(/\s+/g, ' ')),
    fc.tuple(fc.constantFrom(...optionNames, 'nope', 'NAME'), text).map(([k, v]) => `${k}:${v}`),
    fc.tuple(fc.constantFrom(...optionNames), text).map(([k, v]) => `${k}:"${v.replace(/"/g, '\\"')}"`),
  );
  const line = fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.array(token, { maxLength: 5 }))
        .map(([n, t]) => `/${n} ${t.join(' ')}`),
      weight: 4,
    },
    { arbitrary: text, weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 1 },
  );

  test('parseCommandLine either parses or throws a UserError, nothing else', () => {
    fc.assert(
      fc.property(line, (l) => {
        try {
          const parsed = parseCommandLine(l, commands);
          expect(names).toContain(parsed.command.definition.name);
          const declared = (parsed.command.definition.options ?? []).map((o) => o.name);
          for (const key of Object.keys(parsed.options)) expect(declared).toContain(key);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      settings,
    );
  });

  test('ask --json answers every line with one valid interaction callback body', async () => {
    const context = bundledApp().makeContext();
    await fc.assert(
      fc.asyncProperty(line, async (l) => {
        const { output, failure } = await answerLine(l, { mode: 'ask', json: true, outDir: null }, context);
        expect(failure).toBeNull();
        expect(output).not.toContain('\n');
        const body = JSON.parse(output);
        expect(callbackBodyProblems(body)).toEqual([]);
        expect(body.data.allowed_mentions).toEqual({ parse: [] });
        const rendered = renderedStrings(body.data);
        expect(unsafeEcho(rendered)).toEqual([]);
        if (!hasLoneSurrogate(l)) expect(rendered.filter(hasLoneSurrogate)).toEqual([]);
      }),
      settings,
    );
  });

  test('ask in text mode and complete in both modes never throw', async () => {
    const context = bundledApp().makeContext();
    await fc.assert(
      fc.asyncProperty(line, async (l) => {
        const text = await answerLine(l, { mode: 'ask', json: false, outDir: null }, context);
        expect(text.failure).toBeNull();
        expect(text.output.length).toBeGreaterThan(0);
        const json = await answerLine(l, { mode: 'complete', json: true, outDir: null }, context);
        expect(json.failure).toBeNull();
        expect(autocompleteLimitProblems(JSON.parse(json.output))).toEqual([]);
        const plain = await answerLine(l, { mode: 'complete', json: false, outDir: null }, context);
        expect(plain.output.length).toBeGreaterThan(0);
      }),
      { ...settings, numRuns: 150 },
    );
  });
});

/** One CLI line answered as `ask --json` would: the callback body's data, checked against Discord. */
async function answerJson(line: string): Promise<APIInteractionResponseCallbackData> {
  const context = bundledApp().makeContext();
  const { output, failure } = await answerLine(line, { mode: 'ask', json: true, outDir: null }, context);
  expect(failure).toBeNull();
  const body = JSON.parse(output);
  expect(callbackBodyProblems(body)).toEqual([]);
  return body.data;
}

/** U+1D400 MATHEMATICAL BOLD CAPITAL A: a letter (so it may be a command or option name) of two UTF-16 units. */
const WIDE_LETTER = '\u{1d400}';

describe('product bugs these properties found, now fixed (each case failed against the old code)', () => {
  describe('parse-command-line.ts quotes what it echoes with quoteInput', () => {
    // Every option of /standings is filled, so the last word has nowhere to go and is echoed.
    test.each([
      '<#789>',
      '@everyone',
      '<@&456>',
      '</driver:1>',
      '**x**',
      '||spoiler||',
      '[link](http://x)',
      '\u202eevil',
    ])('an unplaceable word %j is echoed made safe', async (word) => {
      const data = await answerJson(`/standings pro season:x hide:true ${word}`);
      expect(data.content).toMatch(/^\/standings does not know what to do with “.+”\./);
      expect(unsafeEcho(renderedStrings(data))).toEqual([]);
    });

    test('an unknown option key is echoed markdown-escaped', async () => {
      const data = await answerJson('/driver __nick__:Buhk');
      expect(data.content).toMatch(/^\/driver has no option “\\_\\_nick\\_\\_”\./);
    });

    test('an unknown command name is echoed markdown-escaped', async () => {
      const data = await answerJson('/__x__ pro');
      expect(data.content).toMatch(/^There is no command \/“\\_\\_x\\_\\_”\./);
    });

    // The old code cut at 40 UTF-16 units; one prefix or the other puts that cut inside a pair.
    test.each([
      ['an unknown command', `/${WIDE_LETTER.repeat(30)}`],
      ['an unknown command', `/a${WIDE_LETTER.repeat(30)}`],
      ['an unknown option', `/driver ${WIDE_LETTER.repeat(32)}:x`],
      ['an unknown option', `/driver a${WIDE_LETTER.repeat(31)}:x`],
      ['an unplaceable word', `/standings pro season:x hide:true ${'😀'.repeat(30)}`],
      ['an unplaceable word', `/standings pro season:x hide:true a${'😀'.repeat(30)}`],
    ])('%s too long to echo whole is cut between characters (%s)', async (_what, line) => {
      const data = await answerJson(line);
      expect(data.content).toMatch(/…”/);
      expect(hasLoneSurrogate(data.content ?? '')).toBe(false);
    });
  });

  describe('quoteInput and the /driver pick-list title cut between characters', () => {
    test('quoteInput never leaves half of a surrogate pair, whatever the text and the length', () => {
      expect(hasLoneSurrogate(quoteInput('😀'.repeat(40)))).toBe(false);
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 120 }),
          fc.integer({ min: 2, max: 100 }),
          (typed, max) => {
            const quoted = quoteInput(typed, max);
            expect(hasLoneSurrogate(quoted)).toBe(false);
            expect(quoted.startsWith('“') && quoted.endsWith('”')).toBe(true);
          },
        ),
        settings,
      );
    });

    test.each(['max ', 'max  '])('the pick-list title for %j + 50 emoji', async (prefix) => {
      const answer = await ask('driver', { name: `${prefix}${'😀'.repeat(50)}` });
      const title = answer.reply.data.embeds?.[0]?.title ?? '';
      expect(title).toMatch(/^3 people match “max 😀+…”$/u);
      expect(hasLoneSurrogate(title)).toBe(false);
    });
  });

  test('safe() escapes every masked link of a line, not only the first', async () => {
    expect(liveMaskedLinks(safe('[a](http://x) and [b](http://x)'))).toEqual([]);
    const answer = await ask('driver', { name: '[a](http://x) [b](http://x)' });
    expect(answer.text).toContain('\\[b\\](http://x)');
    expect(renderedStrings(answer.reply.data).flatMap(liveMaskedLinks)).toEqual([]);
  });
});

describe('safe() over hostile text', () => {
  test('safe(): a backslash typed before [ or ] does not leave a live masked link', () => {
    expect(liveMaskedLinks(safe('\\[a\\](http://x)'))).toEqual([]);
  });

  test('no mention, direction override or live markdown survives safe()', () => {
    fc.assert(
      fc.property(text, (t) => {
        const shown = safe(t);
        const problems = unsafeEcho([shown]);
        expect(problems).toEqual([]);
        if (!hasLoneSurrogate(t)) expect(hasLoneSurrogate(shown)).toBe(false);
      }),
      { ...settings, numRuns: 2000 },
    );
  });
});
