/**
 * Two bot processes sharing one Redis, admins of 50 servers running /setup announcements at the same time:
 * every server must end up in the index the poller walks (a read-modify-write of one index value dropped
 * about half of them). Each process is connected to its own local Discord, as two deployments of the bot
 * sharing one Redis would be, so both receive commands at once.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SettingsStore } from '../../src/store/settings-store.js';
import { type BotProcess, spawnBotProcess } from '../support/bot-process.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';
import { announcementsOf, deployTo, setupCommand, startDiscord, withStore } from './harness.js';

const PER_PROCESS = 25;
let redis: RedisHandle;
const discords: LocalDiscord[] = [];
const bots: BotProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  discords.push(await startDiscord({ guilds: PER_PROCESS }));
  // Ids of its own, so that the two Discords' servers are 50 distinct servers.
  discords.push(
    await startDiscord({
      guilds: Array.from({ length: PER_PROCESS }, (_, n) => ({
        id: String(400_000_000_000_000_000n + BigInt(n)),
      })),
    }),
  );
  for (const discord of discords) await deployTo(discord);
  for (const discord of discords) bots.push(spawnBotProcess(discord, redis.url));
  await Promise.all(bots.map((bot) => bot.ready({ timeoutMs: 60_000 })));
}, 90_000);

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.kill('SIGTERM')));
  for (const discord of discords) await discord.close();
  await redis?.stop();
});

test('50 servers set up at once through two processes: every one is indexed', async () => {
  const answers = await Promise.all(
    discords.flatMap((discord) =>
      discord.guilds.map((guild) =>
        setupCommand(discord, guild, 'announcements', { channel: announcementsOf(guild) }),
      ),
    ),
  );
  expect(answers.filter((a) => !a.text.includes('will be posted in')).map((a) => a.text)).toEqual([]);
  const expected = discords.flatMap((d) => d.guilds.map((g) => g.id));
  const indexed = await withStore(redis.url, (store) => new SettingsStore(store).guildIds());
  expect([...indexed].sort()).toEqual([...expected].sort());
  expect(bots.flatMap((bot) => bot.logs.filter((r) => r.level >= 50))).toEqual([]);
}, 90_000);
