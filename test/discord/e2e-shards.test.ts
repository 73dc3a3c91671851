import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalDiscord, shardOf, startLocalDiscord } from '@pitboard/local-discord';
import { Events } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';

/**
 * Gateway mode with the shard count Discord recommends: the bot asks GET /gateway/bot (here 2 shards for
 * 8 guilds), identifies once per shard, and each guild's events (GUILD_CREATE, interactions) arrive on
 * shard (guild_id >> 22) % 2.
 */
const SHARDS = 2;
let discord: LocalDiscord;
let runtime: Runtime;
let scratch: string;
const shardOfInteraction = new Map<string, number | undefined>();

beforeAll(async () => {
  discord = await startLocalDiscord({ guilds: 8, recommendedShards: SHARDS, heartbeatIntervalMs: 250 });
  scratch = mkdtempSync(join(tmpdir(), 'pitboard-shards-'));
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
    PITBOARD_STORE_URL: join(scratch, 'shards.sqlite'),
  });
  await deployCommands({ config, commands }); // global: every guild has them
  runtime = await startRuntime({
    config,
    logger: createLogger({ level: 'silent' }),
    rest: { offset: 0, timeout: 5_000, retries: 1 },
    schedule: false,
    watchData: false,
  });
  runtime.bot.client.on(Events.InteractionCreate, (interaction) => {
    shardOfInteraction.set(interaction.id, interaction.guild?.shardId);
  });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('the bot connects with the recommended shard count: one IDENTIFY per shard', () => {
  expect(runtime.bot.client.ws.shards.size).toBe(SHARDS);
  expect(discord.stats.gateway.identifies).toBe(SHARDS);
  expect(runtime.bot.client.guilds.cache.size).toBe(8);
});

test('every guild lives on shard (guild_id >> 22) % 2, and both shards hold guilds', () => {
  const byShard = new Set<number>();
  for (const guild of runtime.bot.client.guilds.cache.values()) {
    expect(guild.shardId).toBe(shardOf(guild.id, SHARDS));
    byShard.add(guild.shardId);
  }
  expect([...byShard].sort()).toEqual([0, 1]);
});

test('interactions from guilds on either shard arrive on that shard and are answered', async () => {
  for (const guild of discord.guilds) {
    const interaction = discord.injectCommand({
      name: 'driver',
      options: { name: 'Buhk' },
      guildId: guild.id,
    });
    expect(JSON.stringify(await interaction.final(15_000))).toMatch(/81 points/);
    expect(shardOfInteraction.get(interaction.id)).toBe(shardOf(guild.id, SHARDS));
  }
});

test('a guild joined later arrives on its own shard', async () => {
  const created = new Promise<{ id: string; shardId: number }>((resolve) =>
    runtime.bot.client.once(Events.GuildCreate, (guild) => resolve({ id: guild.id, shardId: guild.shardId })),
  );
  const added = discord.addGuild({ name: 'Late' });
  const guild = await created;
  expect(guild).toEqual({ id: added.id, shardId: shardOf(added.id, SHARDS) });
  expect(discord.validationFailures).toEqual([]);
  expect(discord.unexpectedRoutes).toEqual([]);
});
