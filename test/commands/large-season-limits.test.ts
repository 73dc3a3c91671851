/**
 * Discord's limits hold on generated large seasons, not only on the bundled one: a 50-round calendar is
 * longer than one embed description, a big class table longer than the 6,000 characters of a message, and a
 * 120-round replay schedule longer than 2,000 characters of content. So removing the embed clamp or the
 * content cut (src/replies/limits.ts, src/core/reply.ts) turns these red. Every reply is checked by the
 * local Discord's validator (discord-api-spec zod + documented limits) and by the independent check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seasonIdFor, writeSeasonFolder } from '../../bench/generate-season.js';
import { type AppContext, createAppContext } from '../../src/core/app-context.js';
import type { CommandContext, OptionValues } from '../../src/core/command.js';
import {
  ask,
  complete,
  completionProblems,
  expectValidCompletion,
  expectValidReply,
  optionType,
  replyProblems,
} from './discord-limits.js';
import { GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const WIDE = { rounds: 50, cars: 300, people: 1_000 };
const LONG = { rounds: 120, cars: 100, people: 200 };
const WIDE_ID = seasonIdFor(WIDE);
const LONG_ID = seasonIdFor(LONG);
/** Generated seasons run one round a week through 2019: mid-year, some rounds are done and one is next. */
const NOW = new Date('2019-06-15T12:00:00Z');

let dir: string;
let app: AppContext;
let setup: SetupHarness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-large-'));
  writeSeasonFolder(join(dir, 'seasons'), WIDE);
  writeSeasonFolder(join(dir, 'seasons'), LONG);
  app = createAppContext({ dataDir: join(dir, 'seasons'), defaultSeason: WIDE_ID, now: () => NOW });
  setup = await setupHarness(app, dir);
}, 60_000);
afterAll(async () => {
  await setup?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function context(): CommandContext {
  return app.makeContext();
}

const wide = (options: OptionValues): OptionValues => ({ ...options, season: WIDE_ID });

describe('generated large seasons: every reply is one Discord accepts', () => {
  test('both seasons load without problems', () => {
    expect([...app.problems]).toEqual([]);
    expect(app.catalog.get(WIDE_ID)?.rounds).toHaveLength(WIDE.rounds);
    expect(app.catalog.get(LONG_ID)?.rounds).toHaveLength(LONG.rounds);
  });

  test.each<[string, string, OptionValues]>([
    ['/calendar text:true (50 rounds)', 'calendar', wide({ text: true })],
    ['/calendar text:true (120 rounds)', 'calendar', { text: true, season: LONG_ID }],
    ['/standings pro text:true', 'standings', wide({ class: 'pro', text: true })],
    ['/standings pro-am text:true', 'standings', wide({ class: 'pro-am', text: true })],
    ['/standings gentlemen text:true', 'standings', wide({ class: 'gentlemen', text: true })],
    ['/results 1', 'results', wide({ round: 1 })],
    ['/results 4 (three stages)', 'results', wide({ round: 4 })],
    ['/results 50', 'results', wide({ round: 50 })],
    ['/recap 4', 'recap', wide({ round: 4 })],
    ['/recap 50 (final: champions)', 'recap', wide({ round: 50 })],
    ['/recap 120 (final)', 'recap', { round: 120, season: LONG_ID }],
    ['/scoring', 'scoring', wide({})],
    ['/driver Buhk', 'driver', wide({ name: 'Buhk' })],
    ['/driver Jones (pick-list)', 'driver', wide({ name: 'Jones' })],
    ['/driver Müller', 'driver', wide({ name: 'Müller' })],
    ['/driver nobody', 'driver', wide({ name: 'Qqqqq Zzzzz' })],
    ['/lineup car:84', 'lineup', wide({ car: 84 })],
    ['/lineup team:HTP', 'lineup', wide({ team: 'HTP Motorsport' })],
    ['/lineup team:Racing (ambiguous)', 'lineup', wide({ team: 'Racing' })],
    ['/lineup car:9999 (never entered)', 'lineup', wide({ car: 9999 })],
  ])('%s', async (_line, command, options) => {
    const answer = await ask(command, options, context());
    expectValidReply(answer);
  });

  test('the 50-round calendar needed the clamp: its text is longer than one description', async () => {
    const answer = await ask('calendar', wide({ text: true }), context());
    expectValidReply(answer);
    const description = answer.reply.data.embeds?.[0]?.description ?? '';
    expect(description.length).toBeGreaterThan(3_000);
    expect(description.endsWith('…')).toBe(true);
  });

  test('/setup replay on a 120-round season: a schedule longer than 2,000 characters is cut to fit', async () => {
    await setup.services.settings.save({
      guildId: GUILD_ID,
      channelId: null,
      mentionRoleId: null,
      spoilerDelayHours: 0,
      replay: null,
      broken: null,
      seasonId: LONG_ID,
      updatedAt: NOW.toISOString(),
      updatedBy: null,
    });
    const answer = await ask('setup', { subcommand: 'replay', start: '2026-12-01' }, setup.context());
    expect(replyProblems(answer.reply)).toEqual([]);
    expect(answer.failure).toBeNull();
    expect(answer.reply.data.content?.length).toBe(2_000);
  });

  test.each<[string, string, { name: string; value: string }, OptionValues]>([
    ['/driver name:', 'driver', { name: 'name', value: '' }, wide({})],
    ['/driver name:mü', 'driver', { name: 'name', value: 'mü' }, wide({})],
    ['/lineup team:', 'lineup', { name: 'team', value: '' }, wide({})],
    ['/results round:', 'results', { name: 'round', value: '' }, { season: LONG_ID }],
    ['/recap round:spa', 'recap', { name: 'round', value: 'spa' }, { season: LONG_ID }],
  ])('autocomplete %s', (_line, command, focused, options) => {
    const completion = complete(command, focused, options, context());
    expectValidCompletion(completion, optionType(command, focused.name));
    expect(completionProblems(completion)).toEqual([]);
  });
});
