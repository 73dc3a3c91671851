import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { standings } from '../../commands/standings.js';
import type { Command } from '../../src/core/command.js';
import type { Runtime } from '../../src/runtime.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

/**
 * HTTP mode end to end: the local Discord signs each interaction and POSTs it to the bot's endpoint; the
 * HTTP response is the initial callback, validated as Discord validates callbacks. No gateway connection.
 */
let bot: BotUnderTest;
let discord: LocalDiscord;
let runtime: Runtime;
let generalId: string;

// /standings with `mayBeSlow`: always deferred first, then the picture goes as an edit of @original.
const deferredStandings: Command = {
  ...standings,
  mayBeSlow: true,
  definition: { ...standings.definition, name: 'standings-deferred' },
};

beforeAll(async () => {
  bot = await startBotUnderTest({
    name: 'http-e2e',
    commands: [...commands, deferredStandings],
    http: true,
    restTimeoutMs: 5_000,
  });
  ({ discord, runtime, generalId } = bot);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
});

type Message = {
  content?: string;
  flags?: number;
  embeds?: { image?: { url?: string } }[];
  attachments?: { filename: string; size: number }[];
  allowed_mentions?: { parse?: unknown[] };
};

const inject = (...args: Parameters<BotUnderTest['inject']>) => bot.inject(...args);

async function ask(...args: Parameters<typeof inject>): Promise<Message> {
  return (await inject(...args).final(15_000)) as Message;
}

const text = (m: Message) => JSON.stringify(m);

describe('the endpoint passes Discord’s checks', () => {
  test('setting the URL sent a signed PING (PONG) and invalid signatures (401 each)', () => {
    expect(discord.endpointProbes.map((p) => [p.kind, p.status, p.ok])).toEqual([
      ['ping', 200, true],
      ['wrong-key', 401, true],
      ['tampered-body', 401, true],
      ['no-signature', 401, true],
      ['stale-timestamp', 401, true],
    ]);
  });

  test('probes mid-traffic are refused while signed interactions are answered', async () => {
    const pending = inject('driver', { name: 'Buhk' });
    const probes = await discord.probeInteractionsEndpoint();
    expect(probes.every((p) => p.ok)).toBe(true);
    expect(text((await pending.final(15_000)) as Message)).toMatch(/81 points/);
  });

  test('an endpoint that checks another application’s key cannot be set', async () => {
    const careless = await startLocalDiscord();
    try {
      // Another application's key: the bot's endpoint refuses this Discord's PING, so the URL is refused.
      await expect(careless.setInteractionsEndpoint(runtime.interactionsUrl)).rejects.toThrow(
        /could not be verified: ping answered 401/,
      );
    } finally {
      await careless.close();
    }
  });
});

describe('every command over HTTP, answered inline', () => {
  test.each([
    ['standings', { class: 'pro' }, /Maximilian Buhk.*\*\*81\*\*/],
    ['standings', { class: 'gentlemen', text: true }, /Beaub/],
    ['driver', { name: 'Buhk' }, /81 points/],
    ['results', { round: 4 }, /HTP Motorsport/],
    ['lineup', { car: 71 }, /Pro-Am Cup/],
    ['lineup', { team: 'htp-motorsport' }, /Götz/],
    ['calendar', { text: true }, /Nürburgring/],
    ['scoring', {}, /1000 km Paul Ricard points/],
    ['recap', { round: 5 }, /champion/],
  ] as const)('/%s %j', async (name, options, expected) => {
    const reply = await ask(name, options);
    expect(text(reply)).toMatch(expected);
    expect(reply.allowed_mentions?.parse ?? []).toEqual([]);
    expect((reply.flags ?? 0) & 64).toBe(0);
  });

  test('a picture goes inline as multipart once rendered', async () => {
    await ask('standings', { class: 'pro-am' }); // the first render may be deferred on a busy machine
    const interaction = inject('standings', { class: 'pro-am' });
    const reply = (await interaction.final(15_000)) as Message;
    expect(interaction.callback?.type).toBe(4);
    expect(interaction.callback?.files.map((f) => f.filename)).toEqual(['standings-pro-am.png']);
    expect(reply.embeds?.[0]?.image?.url).toMatch(/standings-pro-am\.png/);
  });

  test('a slow picture is deferred inline (type 5), then edited in through the webhook', async () => {
    const interaction = inject('standings-deferred', { class: 'pro' });
    const reply = (await interaction.final(15_000)) as Message;
    expect(interaction.callback?.type).toBe(5);
    expect(interaction.edits).toHaveLength(1);
    expect(reply.attachments?.map((a) => a.filename)).toEqual(['standings-pro.png']);
    expect(reply.attachments?.[0]?.size).toBeGreaterThan(10_000);
  });

  test('a mistake after a public deferral ends as a private follow-up; the placeholder is removed', async () => {
    const interaction = inject('standings-deferred', { class: 'pro', season: 'no-such-season' });
    await interaction.response(15_000);
    await expect.poll(() => interaction.followUps.length, { timeout: 15_000 }).toBe(1);
    const followUp = interaction.followUps[0] as Message;
    expect((followUp.flags ?? 0) & 64).toBe(64);
    await expect.poll(() => interaction.original, { timeout: 15_000 }).toBeUndefined();
  });

  test('hide:true answers privately; a mistake privately with a suggestion', async () => {
    expect(((await ask('driver', { name: 'Buhk', hide: true })).flags ?? 0) & 64).toBe(64);
    const mistake = await ask('driver', { name: 'Bukh' });
    expect((mistake.flags ?? 0) & 64).toBe(64);
    expect(text(mistake)).toMatch(/Did you mean: Maximilian Buhk/);
  });

  test('autocomplete answers inline', async () => {
    const interaction = discord.injectAutocomplete({
      name: 'driver',
      options: { name: 'bu' },
      focused: 'name',
      channelId: generalId,
    });
    const answer = (await interaction.final()) as { choices: { value: string }[] };
    expect(answer.choices.map((c) => c.value)).toContain('maximilian-buhk');
  });

  test('/setup checks the channel over REST (no gateway cache) and stores the setting', async () => {
    const announcements = discord.guilds[0]?.channels.find((c) => c.name === 'announcements');
    if (!announcements) throw new Error('no announcements channel');
    discord.setChannelAccess(announcements.id, { botCanEmbed: false });
    expect(text(await ask('setup', { channel: announcements.id }, 'announcements'))).toMatch(
      /missing Embed Links/,
    );
    discord.setChannelAccess(announcements.id, { botCanEmbed: true });
    expect(text(await ask('setup', { channel: announcements.id }, 'announcements'))).toMatch(
      /will be posted in/,
    );
    expect(text(await ask('setup', {}, 'show'))).toMatch(/Recaps go to/);
  });

  test('no gateway session; everything validated; no unexpected routes or faults', () => {
    expect(discord.stats.gateway.identifies).toBe(0);
    expect(discord.stats.http.byStatus.get(200)).toBeGreaterThan(10);
    expect(discord.validationFailures).toEqual([]);
    expect(discord.unexpectedRoutes).toEqual([]);
    expect(runtime.bot.stats.unhandledRejections).toBe(0);
    expect(runtime.bot.stats.faults).toBe(0);
  });
});
