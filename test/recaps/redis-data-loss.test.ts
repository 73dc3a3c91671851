/**
 * A Redis without persistence restarted: it comes back empty — settings, ledger, everything. The bot must
 * say so (an error log, and /setup show), and must never post a recap twice: the ledger that said "sent"
 * is gone, so recaps that fell due before the loss was noticed are not posted again, even for servers whose
 * admins run /setup again at once. Rounds falling due afterwards are posted as usual.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';
import {
  announcementsOf,
  deployTo,
  type LogRecord,
  MINUTE,
  messagePosts,
  type RecapBody,
  replaySettings,
  roundsIn,
  seedSettings,
  setupCommand,
  startBot,
  startDiscord,
  waitFor,
} from './harness.js';

const GUILDS = 5;
const anchor = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(anchor.getTime() + 1_000);
let redis: RedisHandle;
let discord: LocalDiscord;
let runtime: Runtime;
let logs: LogRecord[];

const guildAt = (n: number) => {
  const guild = discord.guilds[n];
  if (!guild) throw new Error(`guild ${n} missing`);
  return guild;
};
const settingsOf = (n: number) => replaySettings(guildAt(n).id, announcementsOf(guildAt(n)), anchor);
const postsOfRound = (round: number) =>
  messagePosts(discord).filter((p) =>
    ((p.body as RecapBody).embeds?.[0]?.title ?? '').startsWith(`Round ${round} recap`),
  );
const lossLogs = () => logs.filter((r) => r.level === 50 && r.msg.startsWith('STORAGE LOST ITS DATA'));

beforeAll(async () => {
  redis = await startRedis();
  discord = await startDiscord({ guilds: GUILDS });
  await deployTo(discord);
  await seedSettings(
    redis.url,
    Array.from({ length: GUILDS }, (_, n) => settingsOf(n)),
  );
  ({ runtime, logs } = await startBot(discord, { storeUrl: redis.url, now: () => clock }));
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  await redis?.stop();
});

test('before the loss: round 1 once per server', async () => {
  await runtime.tickRecaps();
  expect(postsOfRound(1)).toHaveLength(GUILDS);
});

test('Redis restarted empty: the loss is logged as an error and nothing is posted again', async () => {
  await redis.stop();
  await redis.restart();
  // Admins of servers 1–4 notice at once and run /setup again (here from another connection, as another
  // process would): their settings are back, but the ledger saying round 1 was sent is not.
  await seedSettings(
    redis.url,
    [1, 2, 3, 4].map((n) => settingsOf(n)),
  );
  await waitFor(
    async () => {
      await runtime.tickRecaps();
      return lossLogs().length > 0;
    },
    'the bot to notice the loss once its Redis client reconnected',
    20_000,
    200,
  );
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(lossLogs()).toHaveLength(1);
  expect(lossLogs()[0]).toMatchObject({ reason: expect.stringMatching(/no longer holds the marker/) });
  expect(postsOfRound(1)).toHaveLength(GUILDS);
});

test('/setup show says storage lost its data where the settings are gone, not "Recaps are off"', async () => {
  const lost = await setupCommand(discord, guildAt(0), 'show');
  expect(lost.ephemeral).toBe(true);
  expect(lost.text).toMatch(/storage lost its data/);
  expect(lost.text).not.toMatch(/Recaps are off/);
  const back = await setupCommand(discord, guildAt(1), 'show');
  expect(back.text).toMatch(/Recaps go to/);
});

test('after the loss: round 2 is posted once to each server set up again, none to the one not', async () => {
  clock = new Date(anchor.getTime() + 50 * MINUTE);
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(postsOfRound(2)).toHaveLength(4);
  expect(discord.guilds.map((g) => roundsIn(discord, announcementsOf(g)))).toEqual([
    [1],
    [1, 2],
    [1, 2],
    [1, 2],
    [1, 2],
  ]);
});
