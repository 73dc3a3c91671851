/**
 * /setup called in the test process (so mutation testing can see it): who may run it, what each
 * subcommand stores and answers, and one clear sentence for every refusal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hasManageGuild, parseReplayStart, setup } from '../../commands/setup.js';
import { type AppContext, createAppContext } from '../../src/core/app-context.js';
import { type CommandContext, type OptionValues, UserError } from '../../src/core/command.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
let dir: string;
let app: AppContext;
let harness: SetupHarness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-answers-'));
  app = createAppContext({ now: () => NOW });
  harness = await setupHarness(app, dir);
});
afterEach(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(options: OptionValues, context: CommandContext = harness.context()) {
  const reply = await setup.execute(options, context);
  return { text: String(reply.data.content ?? JSON.stringify(reply.data.embeds ?? [])), reply };
}

async function refusal(options: OptionValues, context: CommandContext = harness.context()): Promise<string> {
  const error = await Promise.resolve()
    .then(() => setup.execute(options, context))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

describe('who may run /setup', () => {
  test.each([
    ['0', false],
    [null, false],
    ['abc', false],
    ['32', true], // Manage Server
    ['8', true], // Administrator
    ['40', true],
    ['16', false],
  ])('permissions %j → %s', (permissions, allowed) => {
    expect(hasManageGuild(permissions)).toBe(allowed);
  });

  test('without Manage Server: refused in words, nothing stored', async () => {
    const context = { ...harness.context(), invoker: { ...harness.context().invoker, permissions: '0' } };
    expect(await refusal({ subcommand: 'announcements', channel: CHANNEL_ID }, context)).toBe(
      'Only members with the Manage Server permission can change Pitboard’s settings.',
    );
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test('outside a server, and without storage: refused in words', async () => {
    const base = harness.context();
    expect(
      await refusal({ subcommand: 'show' }, { ...base, invoker: { ...base.invoker, guildId: null } }),
    ).toBe('/setup works inside a server, where recaps can be posted.');
    const { services: _none, ...offline } = base;
    expect(await refusal({ subcommand: 'show' }, offline)).toMatch(
      /^Settings need the bot running with storage/,
    );
  });

  test('an unknown subcommand names the ones there are', async () => {
    expect(await refusal({ subcommand: 'nope' })).toBe(
      'Use /setup announcements, /setup show, /setup off or /setup replay.',
    );
  });
});

describe('/setup announcements', () => {
  test('stores the channel, role and delay and says what will happen', async () => {
    const { text, reply } = await run({
      subcommand: 'announcements',
      channel: CHANNEL_ID,
      role: '400000000000000001',
      spoiler_delay: 6,
    });
    const stored = await harness.services.settings.get(GUILD_ID);
    expect(stored).toMatchObject({
      channelId: CHANNEL_ID,
      mentionRoleId: '400000000000000001',
      spoilerDelayHours: 6,
      seasonId: null,
      broken: null,
      updatedAt: NOW.toISOString(),
      updatedBy: '300000000000000001',
    });
    expect(text).toContain(`will be posted in <#${CHANNEL_ID}> after each round, 6 h after it ends.`);
    expect(text).toContain('Each recap mentions <@&400000000000000001> (and nobody else).');
    expect(text).toContain('Rounds that ended in the last 24 hours are posted now; older ones are not.');
    expect(reply.data.flags).toBeDefined();
  });

  test('no role, no delay: mentions nobody, posts right after the round', async () => {
    const { text } = await run({ subcommand: 'announcements', channel: CHANNEL_ID });
    expect(text).toContain(`will be posted in <#${CHANNEL_ID}> after each round.`);
    expect(text).toContain('Recaps mention nobody.');
    expect((await harness.services.settings.get(GUILD_ID))?.spoilerDelayHours).toBe(0);
  });

  test.each([
    [
      { channel: 'general' },
      'Pick a text channel for the recaps, e.g. /setup announcements channel:#announcements.',
    ],
    [{}, 'Pick a text channel for the recaps, e.g. /setup announcements channel:#announcements.'],
    [{ channel: CHANNEL_ID, role: 'fans' }, 'role must be a role of this server, e.g. role:@Fans.'],
    [{ channel: CHANNEL_ID, spoiler_delay: 169 }, 'spoiler_delay is a whole number of hours from 0 to 168.'],
    [{ channel: CHANNEL_ID, spoiler_delay: -1 }, 'spoiler_delay is a whole number of hours from 0 to 168.'],
    [{ channel: CHANNEL_ID, spoiler_delay: 1.5 }, 'spoiler_delay is a whole number of hours from 0 to 168.'],
  ])('%j is refused in one sentence and nothing is stored', async (options, message) => {
    expect(await refusal({ subcommand: 'announcements', ...options })).toBe(message);
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test('168 hours is the longest delay accepted', async () => {
    await run({ subcommand: 'announcements', channel: CHANNEL_ID, spoiler_delay: 168 });
    expect((await harness.services.settings.get(GUILD_ID))?.spoilerDelayHours).toBe(168);
  });

  test('a channel the bot cannot post in is refused with the reason, nothing stored', async () => {
    harness.services.checkChannel = async () => ({ ok: false, problem: 'missing Send Messages' });
    expect(await refusal({ subcommand: 'announcements', channel: CHANNEL_ID })).toBe(
      `I can’t post in <#${CHANNEL_ID}>: missing Send Messages. Fix that and run /setup announcements again; nothing was changed.`,
    );
    harness.services.checkChannel = async () => ({ ok: false, problem: null });
    expect(await refusal({ subcommand: 'announcements', channel: CHANNEL_ID })).toContain(': no access.');
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test('unreadable stored settings are replaced by a new /setup announcements', async () => {
    await harness.services.store.set(`settings:${GUILD_ID}`, { nonsense: true });
    await run({ subcommand: 'announcements', channel: CHANNEL_ID });
    expect((await harness.services.settings.get(GUILD_ID))?.channelId).toBe(CHANNEL_ID);
  });
});

describe('/setup show and /setup off', () => {
  test('show before any setup says recaps are off', async () => {
    const { text } = await run({ subcommand: 'show' });
    expect(text).toContain('Recaps are off for this server.');
  });

  test('show after setup lists channel, mention and delay', async () => {
    await run({ subcommand: 'announcements', channel: CHANNEL_ID, spoiler_delay: 2 });
    const { text } = await run({ subcommand: 'show' });
    expect(text).toContain(`Recaps go to <#${CHANNEL_ID}>.`);
    expect(text).toContain('Mention: nobody · spoiler delay: 2 h');
    expect(text).toContain('Replay: off (real dates).');
    expect(text).toContain('Last recap: none yet.');
  });

  test('show with unreadable settings says so in one sentence', async () => {
    await harness.services.store.set(`settings:${GUILD_ID}`, { nonsense: true });
    expect(await refusal({ subcommand: 'show' })).toMatch(/^This server’s stored settings cannot be read/);
  });

  test('off turns recaps off once; a second off says they already were', async () => {
    await run({ subcommand: 'announcements', channel: CHANNEL_ID });
    expect((await run({ subcommand: 'off' })).text).toBe(
      'Recaps and living tables are off. Nothing more will be posted or edited; messages already posted stay as they are.',
    );
    expect((await harness.services.settings.get(GUILD_ID))?.channelId).toBeNull();
    expect((await run({ subcommand: 'off' })).text).toBe('Recaps and living tables were already off.');
  });
});

describe('/setup replay', () => {
  test('a start and speed are stored with a new run each time, and the schedule is shown', async () => {
    const first = await run({ subcommand: 'replay', start: 'in 5m', speed: 7 });
    const stored = await harness.services.settings.get(GUILD_ID);
    expect(stored?.replay).toMatchObject({ anchor: '2026-03-01T12:05:00.000Z', speed: 7 });
    expect(first.text).toMatch(/^Replaying \*\*.+\*\* at 7× speed:\nR1 /);
    expect(first.text).toContain('Set a channel with /setup announcements to receive the recaps.');
    const run1 = stored?.replay?.run;
    await run({ subcommand: 'replay', start: 'now' });
    const again = await harness.services.settings.get(GUILD_ID);
    expect(again?.replay).toMatchObject({ anchor: NOW.toISOString(), speed: 1 });
    expect(again?.replay?.run).not.toBe(run1);
  });

  test('off clears the replay', async () => {
    await run({ subcommand: 'replay', start: 'now' });
    expect((await run({ subcommand: 'replay', start: 'OFF' })).text).toBe(
      'Replay is off: dates and recaps follow the real calendar.',
    );
    expect((await harness.services.settings.get(GUILD_ID))?.replay).toBeNull();
  });

  test.each([
    [{ start: 'soonish' }, '“soonish” is not a time. Use 2026-12-01, 2026-12-01T18:00Z, "in 5m" or "off".'],
    [{ start: 'now', speed: 0 }, 'speed is a number from 1 to 100000.'],
    [{ start: 'now', speed: 100_001 }, 'speed is a number from 1 to 100000.'],
  ])('%j is refused in one sentence', async (options, message) => {
    expect(await refusal({ subcommand: 'replay', ...options })).toBe(message);
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test.each([
    ['in 30s', 30_000],
    ['in 5m', 300_000],
    ['IN 2H', 7_200_000],
    [' in 1 d ', 86_400_000],
  ])('parseReplayStart(%j) is now + %i ms', (text, ms) => {
    expect(parseReplayStart(text, NOW)).toEqual({ ok: true, date: new Date(NOW.getTime() + ms) });
  });

  test('a date without a time is 18:00 UTC that day', () => {
    expect(parseReplayStart('2026-12-01', NOW)).toMatchObject({
      ok: true,
      date: new Date('2026-12-01T18:00:00.000Z'),
    });
  });
});
