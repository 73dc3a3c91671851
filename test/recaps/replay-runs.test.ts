/**
 * Each `/setup replay` is its own run of recaps: a second replay posts round 1 again (the first run's
 * ledger entries and Discord's nonce dedupe must not swallow it), while within one run a recap still
 * arrives once — over repeated ticks and across a restart of the bot.
 */

import type { GuildInfo, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import {
  announcementsOf,
  deployTo,
  MINUTE,
  messagePosts,
  type RecapBody,
  roundsIn,
  setupCommand,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
} from './harness.js';

const scratch = tempDir('replay-runs');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
const firstStart = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(firstStart.getTime() - MINUTE);
let discord: LocalDiscord;
let guild: GuildInfo;
let runtime: Runtime;

const start = async () => {
  ({ runtime } = await startBot(discord, { storeUrl, now: () => clock }));
};
const channel = () => announcementsOf(guild);
const replayFrom = async (at: Date) => {
  const reply = await setupCommand(discord, guild, 'replay', { start: at.toISOString(), speed: 1440 });
  expect(reply.text).toMatch(/Replaying/);
};

beforeAll(async () => {
  discord = await startDiscord({ guilds: 1 });
  await deployTo(discord);
  guild = discord.guilds[0] as GuildInfo;
  await start();
  const on = await setupCommand(discord, guild, 'announcements', { channel: channel() });
  expect(on.text).toMatch(/will be posted in/);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

test('first replay: round 1 once, however often the poller ticks', async () => {
  await replayFrom(firstStart);
  clock = new Date(firstStart.getTime() + 1_000);
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(roundsIn(discord, channel())).toEqual([1]);
});

test('a second replay posts round 1 again, with a nonce of its own; once', async () => {
  const secondStart = new Date(clock.getTime() + 10 * MINUTE);
  await replayFrom(secondStart);
  clock = new Date(secondStart.getTime() + 1_000);
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(roundsIn(discord, channel())).toEqual([1, 1]);
  const nonces = messagePosts(discord, channel()).map((p) => (p.body as RecapBody).nonce);
  expect(new Set(nonces).size).toBe(2);
});

test('a restarted bot does not post the current run’s recap again', async () => {
  await runtime.stop();
  await start();
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(roundsIn(discord, channel())).toEqual([1, 1]);
  expect(messagePosts(discord, channel())).toHaveLength(2);
});

test('a third replay with the very same start is a run of its own too', async () => {
  await replayFrom(new Date(clock.getTime() - 1_000));
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(roundsIn(discord, channel())).toEqual([1, 1, 1]);
  expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
});
