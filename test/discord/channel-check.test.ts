/**
 * /setup's channel check, through the real discord.js client logged in to the local Discord: what the bot
 * answers for every way a channel can be unfit for recaps, read from the gateway's caches and permissions.
 */

import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { ChannelType, Events } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkChannel } from '../../src/discord/channel-check.js';
import { createDiscordClient } from '../../src/discord/client.js';

let discord: LocalDiscord;
let client: ReturnType<typeof createDiscordClient>;
let guildId: string;
const channels = new Map<string, string>();

beforeAll(async () => {
  discord = await startLocalDiscord({
    heartbeatIntervalMs: 250,
    guilds: [
      {
        channels: [
          'general',
          { name: 'news', type: 5 },
          { name: 'hidden', botCanView: false },
          { name: 'read-only', botCanSend: false },
          { name: 'no-embeds', botCanEmbed: false },
          { name: 'muted', botCanSend: false, botCanEmbed: false },
          { name: 'deleted', exists: false },
        ],
      },
      { channels: ['elsewhere'] },
    ],
  });
  for (const guild of discord.guilds) for (const c of guild.channels) channels.set(c.name, c.id);
  guildId = discord.guilds[0]?.id as string;
  client = createDiscordClient({ apiUrl: discord.restUrl, rest: { offset: 0, timeout: 2000, retries: 1 } });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(discord.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await discord?.close();
});

const check = (name: string, guild = guildId) => checkChannel(client, guild, channels.get(name) as string);

test.each(['general', 'news'])(
  'a text or announcement channel the bot can post embeds in (%s) is fine',
  async (name) => {
    expect(await check(name)).toEqual({ ok: true, problem: null });
  },
);

test.each([
  ['hidden', 'I am missing View Channel', ['viewChannel']],
  ['read-only', 'I am missing Send Messages', ['sendMessages']],
  ['no-embeds', 'I am missing Embed Links', ['embedLinks']],
  ['muted', 'I am missing Send Messages, Embed Links', ['sendMessages', 'embedLinks']],
])('%s: the missing permissions are named, in order', async (name, problem, permissions) => {
  expect(await check(name)).toEqual({ ok: false, problem, reason: { kind: 'missing', permissions } });
});

test('a channel of another server is refused as not in this server', async () => {
  expect(await check('elsewhere')).toEqual({
    ok: false,
    problem: 'that channel is not in this server, or I cannot see it',
    reason: { kind: 'elsewhere' },
  });
});

test('a channel Discord does not know is refused the same way, after asking Discord', async () => {
  expect(await check('deleted')).toEqual({
    ok: false,
    problem: 'that channel is not in this server, or I cannot see it',
    reason: { kind: 'elsewhere' },
  });
  expect(await checkChannel(client, guildId, '999999999999999999')).toMatchObject({ ok: false });
});

test('a channel missing from the cache is fetched from Discord', async () => {
  const id = channels.get('general') as string;
  const cached = client.channels.cache.get(id);
  client.channels.cache.delete(id);
  try {
    expect(await checkChannel(client, guildId, id)).toEqual({ ok: true, problem: null });
  } finally {
    if (cached && !client.channels.cache.has(id)) client.channels.cache.set(id, cached);
  }
});

/** Channels the local Discord does not serve (only text and announcement), added the way a gateway event adds them. */
function addToCache(data: Record<string, unknown>) {
  const guild = client.guilds.cache.get(guildId);
  (client.channels as unknown as { _add(d: unknown, g: unknown): unknown })._add(
    { guild_id: guildId, ...data },
    guild,
  );
}

test.each([
  ['a thread', { id: '880000000000000001', type: ChannelType.PublicThread, name: 'thread', parent_id: '1' }],
  ['a category', { id: '880000000000000002', type: ChannelType.GuildCategory, name: 'category' }],
])('%s is refused: recaps need a text or announcement channel', async (_, data) => {
  addToCache({ ...data, thread_metadata: { archived: false, auto_archive_duration: 60, locked: false } });
  expect(await checkChannel(client, guildId, data.id)).toEqual({
    ok: false,
    problem: 'recaps need a text or announcement channel',
    reason: { kind: 'notText' },
  });
});

test('without its own member in the cache the bot says it cannot work out its permissions', async () => {
  const guild = client.guilds.cache.get(guildId);
  const me = guild?.members.cache.get(client.user?.id as string);
  expect(me).toBeDefined();
  guild?.members.cache.delete(me?.id as string);
  try {
    expect(await check('general')).toEqual({
      ok: false,
      problem: 'I cannot work out my permissions there',
      reason: { kind: 'permissionsUnknown' },
    });
  } finally {
    if (me) guild?.members.cache.set(me.id, me);
  }
});
