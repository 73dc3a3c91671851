import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { createKeyValueStore } from '../../src/store/key-value-store.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

/**
 * The real bot process (runtime: storage, scheduler, real command modules) and the real discord.js client
 * against the local Discord: every command, autocomplete, hide, user mistakes, the picture upload, and a
 * dropped connection in the middle.
 */
let bot: BotUnderTest;
let discord: LocalDiscord;
let runtime: Runtime;
let generalId: string;

beforeAll(async () => {
  bot = await startBotUnderTest({
    name: 'e2e',
    discord: { heartbeatIntervalMs: 250 },
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
  embeds?: {
    title?: string;
    description?: string;
    image?: { url?: string };
    fields?: { name: string; value: string }[];
  }[];
  attachments?: { filename: string; size: number }[];
  allowed_mentions?: { parse?: unknown[] };
};

async function ask(...args: Parameters<BotUnderTest['inject']>): Promise<Message> {
  return (await bot.inject(...args).final(15_000)) as Message;
}

const text = (m: Message) => JSON.stringify(m);

describe('every command through the real client', () => {
  test.each([
    ['standings', { class: 'pro' }, /Maximilian Buhk.*\*\*81\*\*/],
    ['standings', { class: 'gentlemen', text: true }, /Beaub/],
    ['driver', { name: 'Buhk' }, /81 points/],
    ['driver', { name: 'maximilian-buhk' }, /81 points/],
    ['results', { round: 4 }, /HTP Motorsport/],
    ['lineup', { car: 71 }, /Pro-Am Cup/],
    ['lineup', { team: 'htp-motorsport' }, /Götz/],
    ['calendar', { text: true }, /Nürburgring/],
    ['scoring', {}, /1000 km Paul Ricard points/],
    ['recap', { round: 5 }, /champion/],
    ['title', { class: 'pro' }, /Decided.*Maximilian Buhk champion with 81 points/],
    ['compare', { a: 'Buhk', b: 'Ortelli' }, /Pro Cup P1, 81 points/],
  ] as const)('/%s %j', async (name, options, expected) => {
    const reply = await ask(name, options);
    expect(text(reply)).toMatch(expected);
    expect(reply.allowed_mentions?.parse ?? []).toEqual([]);
    expect((reply.flags ?? 0) & 64).toBe(0);
  });

  test('/standings pro uploads the matrix picture and the embed shows it', async () => {
    const reply = await ask('standings', { class: 'pro' });
    expect(reply.attachments?.map((a) => a.filename)).toEqual(['standings-pro.png']);
    expect(reply.attachments?.[0]?.size).toBeGreaterThan(10_000);
    expect(reply.embeds?.[0]?.image?.url).toMatch(/standings-pro\.png/);
  });

  test('hide:true answers privately', async () => {
    const reply = await ask('driver', { name: 'Buhk', hide: true });
    expect((reply.flags ?? 0) & 64).toBe(64);
  });

  test.each([
    ['results', { round: 9 }, /There is no round 9/],
    ['driver', { name: 'Bukh' }, /Did you mean: Maximilian Buhk/],
    ['lineup', { car: 9999 }, /No car #9999/],
  ] as const)(
    'a mistake (/%s %j) is answered privately with a suggestion',
    async (name, options, expected) => {
      const reply = await ask(name, options);
      expect((reply.flags ?? 0) & 64).toBe(64);
      expect(text(reply)).toMatch(expected);
    },
  );

  test('autocomplete answers from memory', async () => {
    const interaction = discord.injectAutocomplete({
      name: 'driver',
      options: { name: 'bu' },
      focused: 'name',
      channelId: generalId,
    });
    const answer = (await interaction.final()) as { choices: { name: string; value: string }[] };
    expect(answer.choices.map((c) => c.value)).toContain('maximilian-buhk');
  });

  test('/setup show and announcements work with storage', async () => {
    expect(text(await ask('setup', {}, 'show'))).toMatch(/Recaps are off/);
    const announcements = discord.guilds[0]?.channels.find((c) => c.name === 'announcements');
    const reply = await ask('setup', { channel: announcements?.id ?? '' }, 'announcements');
    expect(text(reply)).toMatch(/will be posted in/);
    expect(text(await ask('setup', {}, 'show'))).toMatch(/Recaps go to/);
  });

  test('a dropped connection resumes mid-session and interactions keep working', async () => {
    discord.faults.dropHeartbeatAcks(1);
    await discord.waitForGateway('resume', 10_000);
    expect(text(await ask('driver', { name: 'Catsburg' }))).toMatch(/Nicky Catsburg/);
  });

  test('everything the bot sent passed Discord validation; no unexpected routes; no unhandled rejections', () => {
    expect(discord.validationFailures).toEqual([]);
    expect(discord.unexpectedRoutes).toEqual([]);
    expect(runtime.bot.stats.unhandledRejections).toBe(0);
    expect(runtime.bot.stats.faults).toBe(0);
  });
});

describe('a corrupt stored setting', () => {
  test('/setup show says it cannot be read; /setup announcements writes fresh settings', async () => {
    const guildId = discord.guilds[0]?.id as string;
    const announcements = discord.guilds[0]?.channels.find((c) => c.name === 'announcements');
    const store = await createKeyValueStore({ url: bot.storeUrl });
    await store.set(`settings:${guildId}`, { guildId, channelId: 'not-a-channel' });
    await store.close();
    const shown = await ask('setup', {}, 'show');
    expect((shown.flags ?? 0) & 64).toBe(64);
    expect(text(shown)).toMatch(/stored settings cannot be read/);
    expect(text(await ask('setup', { channel: announcements?.id ?? '' }, 'announcements'))).toMatch(
      /will be posted in/,
    );
    expect(text(await ask('setup', {}, 'show'))).toMatch(/Recaps go to/);
  });
});
