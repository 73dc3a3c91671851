/**
 * The same exactly-once behaviour with the Redis store (PITBOARD_STORE_URL=redis://…): ten servers, rounds
 * falling due, repeated ticks, a restart of the bot on the same Redis, and two bot processes ticking at
 * once against one Redis (the deployment Redis is for).
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';
import {
  announcementsOf,
  MINUTE,
  messagePosts,
  type RecapBody,
  readLedger,
  replaySettings,
  roundsIn,
  seedSettings,
  startBot,
  startDiscord,
  trafficProblems,
  withStore,
} from './harness.js';

const GUILDS = 10;
const anchor = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(anchor.getTime() - MINUTE);
let redis: RedisHandle;
let discord: LocalDiscord;
const runtimes: Runtime[] = [];
let channels: string[];

beforeAll(async () => {
  redis = await startRedis();
  discord = await startDiscord({ guilds: GUILDS });
  channels = discord.guilds.map(announcementsOf);
  await seedSettings(
    redis.url,
    discord.guilds.map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
});

afterAll(async () => {
  for (const r of runtimes) await r.stop();
  await discord?.close();
  await redis?.stop();
});

async function start(): Promise<Runtime> {
  const { runtime } = await startBot(discord, { storeUrl: redis.url, now: () => clock });
  runtimes.push(runtime);
  return runtime;
}

describe(`${GUILDS} servers on Redis`, () => {
  test('round 1: one recap per server; repeated ticks add nothing', async () => {
    const runtime = await start();
    await runtime.tickRecaps();
    expect(messagePosts(discord)).toHaveLength(0);
    clock = new Date(anchor.getTime() + 1_000);
    await runtime.tickRecaps();
    await runtime.tickRecaps();
    await runtime.tickRecaps();
    expect(channels.map((c) => roundsIn(discord, c))).toEqual(channels.map(() => [1]));
    expect(messagePosts(discord)).toHaveLength(GUILDS);
  });

  test('a restarted bot on the same Redis posts nothing again', async () => {
    await runtimes.pop()?.stop();
    const runtime = await start();
    await runtime.tickRecaps();
    await runtime.tickRecaps();
    expect(messagePosts(discord)).toHaveLength(GUILDS);
  });

  test('two bots ticking at once on one Redis: round 2 still arrives once per server', async () => {
    const second = await start();
    const [first] = runtimes;
    if (!first) throw new Error('first runtime missing');
    clock = new Date(anchor.getTime() + 50 * MINUTE);
    await Promise.all([first.tickRecaps(), second.tickRecaps(), first.tickRecaps(), second.tickRecaps()]);
    expect(channels.map((c) => roundsIn(discord, c))).toEqual(channels.map(() => [1, 2]));
    // The two pollers elect one through a Redis lease: each round-2 recap is POSTed once, by one of them.
    // (Were both to post, the shared nonce would still make Discord answer the second with the first.)
    for (const channelId of channels) {
      const round2 = messagePosts(discord, channelId)
        .filter((p) => p.status === 200)
        .filter((p) => ((p.body as RecapBody).embeds?.[0]?.title ?? '').startsWith('Round 2 recap'));
      expect(round2).toHaveLength(1);
    }
    await withStore(redis.url, async (store) => {
      for (const round of [1, 2]) {
        const ledger = await readLedger(
          store,
          discord.guilds.map((g) => g.id),
          round,
        );
        discord.guilds.forEach((g, n) => {
          const message = discord.messages(channels[n] as string)[round - 1];
          expect(ledger.get(g.id)).toMatchObject({ state: 'sent', messageId: message?.id });
        });
      }
    });
    expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
  });
});
