/**
 * Every text of a season, hostile at once. The bundled season's files are read and every human-readable
 * string in them (names, aliases, teams, circuits, events, notes, evidence, table titles, labels, the
 * source…) gets markdown, mention, spoiler and link payloads appended; ids, codes, dates and round lists
 * stay as they are, so the season still loads. Then every command answers, and every string a person reads
 * must show the payload as written: nothing rendered as markup, nobody pinged, mentions never parsed.
 * The types make this hold by construction (src/replies/safe-text.ts); this test is the backstop.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { type AppContext, createAppContext, DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { standingsMatrixInput, winnersGridInput } from '../../src/replies/pictures.js';
import {
  type Answer,
  ask,
  BIDI_OVERRIDES,
  complete,
  expectValidCompletion,
  expectValidReply,
  liveMaskedLinks,
  MID_SEASON,
  mentionLeaks,
  optionType,
  renderedStrings,
} from './discord-limits.js';
import { CHANNEL_ID, type SetupHarness, setupHarness } from './setup-context.js';

const SEASON = '2013-blancpain-endurance-series';
/** Markup that must never render, as pieces that each must show literally. */
const MARKUP = ['__Spa__', '~~24h~~', '||sp||', '**b**', '`c`', '[l](http://x)'] as const;
const MENTIONS = ['@everyone', '<@123>', '<#456>'] as const;
const PAYLOAD = [...MARKUP, ...MENTIONS].join(' ');

/** Values that are not prose: ids and references, codes, dates, enums, round lists, file paths. */
const NOT_TEXT = new Set([
  'id',
  'class',
  'team',
  'person',
  'table',
  'stage',
  'format',
  'date',
  'ends_at',
  'iso',
  'written',
  'rounds',
  'unknown',
  'country_as_written',
  'cells',
  'file',
  'results_label',
]);

function hostile(value: unknown, key: string | null): unknown {
  // "rounds" is a round list in an entry and the list of rounds in the calendar: only leaves are skipped.
  const leaf = typeof value !== 'object' || value === null || key === 'cells' || key === 'written';
  if (key !== null && NOT_TEXT.has(key) && leaf) return value;
  if (typeof value === 'string') return `${value} ${PAYLOAD}`;
  if (Array.isArray(value)) return value.map((v) => hostile(v, key === 'aliases' ? null : key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, k)]));
  return value;
}

/** The text as Discord shows it: escapes read, the zero-width spaces that break mentions invisible. */
function displayed(text: string): string {
  return text.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\u200b/g, '');
}

function unsafeParts(answer: Answer): string[] {
  const out: string[] = [];
  for (const s of renderedStrings(answer.reply.data)) {
    const at = JSON.stringify(s.slice(0, 160));
    for (const piece of MARKUP) if (s.includes(piece)) out.push(`live ${piece} in ${at}`);
    // The only mention syntax allowed is our own link to the channel /setup was given (a link, not a ping).
    for (const m of mentionLeaks(s)) if (m !== `<#${CHANNEL_ID}>`) out.push(`mention ${m} in ${at}`);
    for (const link of liveMaskedLinks(s)) out.push(`masked link ${link} in ${at}`);
    if (BIDI_OVERRIDES.test(s)) out.push(`direction override in ${at}`);
  }
  return out;
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

let dir: string;
let app: AppContext;
let setup: SetupHarness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-hostile-season-'));
  const folder = join(dir, SEASON);
  cpSync(join(DEFAULT_DATA_DIR, SEASON), folder, { recursive: true });
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml'))) {
    const file = join(folder, name);
    writeFileSync(file, stringify(hostile(parse(readFileSync(file, 'utf8')), null)));
  }
  app = createAppContext({ dataDir: dir, now: () => MID_SEASON });
  setup = await setupHarness(app, dir);
});
afterAll(async () => {
  await setup?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function model() {
  const loaded = app.catalog.get(SEASON);
  if (!loaded) throw new Error(`the hostile season did not load: ${JSON.stringify([...app.problems])}`);
  return loaded;
}

async function expectSafeAnswer(
  command: string,
  options: OptionValues,
  context = app.makeContext(),
): Promise<Answer> {
  const answer = await ask(command, options, context);
  expectValidReply(answer);
  expect(unsafeParts(answer)).toEqual([]);
  // The footer names the source, which is data too: every reply shows the payload as written somewhere.
  expect(displayed(answer.text)).toContain(PAYLOAD);
  return answer;
}

describe('a season whose every text is hostile', () => {
  test('loads, with every text changed', () => {
    expect([...app.problems]).toEqual([]);
    expect(model().name).toBe(`2013 Blancpain Endurance Series ${PAYLOAD}`);
    expect(model().people.get('maximilian-buhk')?.name).toBe(`Maximilian Buhk ${PAYLOAD}`);
    expect(model().rounds[3]?.short_name).toBe(`Spa-Francorchamps ${PAYLOAD}`);
  });

  test.each<[string, string, OptionValues]>([
    ['/standings pro', 'standings', { class: 'pro', text: true }],
    ['/standings pro-am', 'standings', { class: 'pro-am', text: true }],
    ['/standings gentlemen', 'standings', { class: 'gentlemen', text: true }],
    ['/calendar', 'calendar', { text: true }],
    ['/scoring', 'scoring', {}],
    ['/driver everyone (pick-list)', 'driver', { name: 'everyone' }],
    ['/driver htp (matches a team)', 'driver', { name: 'htp motorsport' }],
    ['/lineup team:motorsport (ambiguous)', 'lineup', { team: 'motorsport' }],
    ['/lineup car:9999 (never entered)', 'lineup', { car: 9999 }],
    ['/lineup team:qqqq (no such team)', 'lineup', { team: 'qqqq' }],
    ['/standings lmp1 (no such class)', 'standings', { class: 'lmp1' }],
    ['/results 99 (no such round)', 'results', { round: 99 }],
    ['/driver x (too loose a match)', 'driver', { name: 'x' }],
  ])('%s', async (_line, command, options) => {
    await expectSafeAnswer(command, options);
  });

  test('/results and /recap of every round: titles and field names show the data as written', async () => {
    for (const round of model().rounds) {
      for (const command of ['results', 'recap']) {
        const answer = await expectSafeAnswer(command, { round: round.round });
        const embed = answer.reply.data.embeds?.[0];
        expect(displayed(embed?.title ?? '')).toContain(PAYLOAD);
        for (const field of embed?.fields ?? [])
          if (/winner|champion/.test(field.name)) expect(displayed(field.name)).toContain(PAYLOAD);
      }
    }
  });

  test('/standings and /scoring titles, /calendar "Next:" line show the data as written', async () => {
    const standings = await expectSafeAnswer('standings', { class: 'pro', text: true });
    expect(displayed(standings.reply.data.embeds?.[0]?.title ?? '')).toContain(`Pro Cup ${PAYLOAD}`);
    const scoring = await expectSafeAnswer('scoring', {});
    expect(displayed(scoring.reply.data.embeds?.[0]?.title ?? '')).toContain(PAYLOAD);
    for (const field of scoring.reply.data.embeds?.[0]?.fields ?? [])
      expect(displayed(field.name)).toContain(PAYLOAD);
    const calendar = await expectSafeAnswer('calendar', { text: true });
    const next = (calendar.reply.data.embeds?.[0]?.description ?? '')
      .split('\n')
      .find((l) => l.startsWith('Next:'));
    expect(displayed(next ?? '')).toContain(`Spa-Francorchamps ${PAYLOAD}`);
  });

  test('/setup announcements, show and replay name the season and rounds as written', async () => {
    const context = setup.context();
    await expectSafeAnswer('setup', { subcommand: 'announcements', channel: CHANNEL_ID }, context);
    await expectSafeAnswer('setup', { subcommand: 'replay', start: '2026-12-01' }, context);
    const show = await expectSafeAnswer('setup', { subcommand: 'show' }, context);
    expect(show.text).toContain(`<#${CHANNEL_ID}>`);
  });

  test('/driver for every person', async () => {
    for (const person of model().people.values()) await expectSafeAnswer('driver', { name: person.id });
  });

  test('/lineup for every team and every car', async () => {
    for (const team of model().teams.values()) await expectSafeAnswer('lineup', { team: team.id });
    const cars = new Set(model().entries.map((e) => e.car));
    for (const car of cars) await expectSafeAnswer('lineup', { car });
  });

  test('pictures are plain text, not markdown: names drawn as written, never escaped', () => {
    const season = model();
    const table = season.standings.get('pro');
    if (!table) throw new Error('no pro table');
    const inputs = [
      standingsMatrixInput(season, table, 'en'),
      winnersGridInput(season, season.rounds.length, 'en'),
    ] as const;
    for (const input of inputs) {
      const drawn = allStrings(input);
      expect(drawn.some((t) => t.includes(`Pro Cup ${PAYLOAD}`))).toBe(true);
      expect(drawn.filter((t) => /\\|\u200b/.test(t))).toEqual([]);
    }
  });

  test.each<[string, string, { name: string; value: string }]>([
    ['/driver name:', 'driver', { name: 'name', value: '' }],
    ['/driver name:max', 'driver', { name: 'name', value: 'max' }],
    ['/lineup team:', 'lineup', { name: 'team', value: '' }],
    ['/results round:', 'results', { name: 'round', value: '' }],
    ['/recap round:spa', 'recap', { name: 'round', value: 'spa' }],
    ['/standings season:', 'standings', { name: 'season', value: '' }],
  ])(
    'autocomplete %s: choices are plain text, shown as written, never escaped',
    (_line, command, focused) => {
      const completion = complete(command, focused, {}, app.makeContext());
      expectValidCompletion(completion, optionType(command, focused.name));
      expect(completion.choices.length).toBeGreaterThan(0);
      for (const choice of completion.choices) {
        // Choice names are not markdown: an escape would show its backslash, a zero-width space nothing good.
        expect(choice.name).not.toMatch(/\\|\u200b/);
        if (!choice.name.endsWith('…')) expect(choice.name).toContain(PAYLOAD.slice(0, 20));
      }
    },
  );
});
