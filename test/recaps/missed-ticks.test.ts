/**
 * node-cron never catches up a missed fire. The recap poll asks durable state what is due, so neither an
 * event loop blocked across a tick nor a process that was down across a due time loses a recap — and
 * neither posts one twice. Real clock, real cron (every second).
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, afterEach, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import {
  announcementsOf,
  messagePosts,
  readLedger,
  replaySettings,
  roundsIn,
  seedSettings,
  sleep,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
  waitFor,
  withStore,
} from './harness.js';

const EVERY_SECOND = '* * * * * *';
const scratch = tempDir('missed-ticks');
let discord: LocalDiscord | undefined;
const runtimes: Runtime[] = [];

afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop();
  await discord?.close();
  discord = undefined;
});
afterAll(() => scratch.remove());

function busyWait(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // The event loop is blocked: no timer, no cron fire, no socket read.
  }
}

test('event loop blocked across the due time and the cron fires: posted on the next tick, once', async () => {
  discord = await startDiscord({ guilds: 1 });
  const local = discord;
  const guild = local.guilds[0];
  if (!guild) throw new Error('guild missing');
  const channelId = announcementsOf(guild);
  const storeUrl = `${scratch.dir}/blocked.sqlite`;
  const started = await startBot(local, { storeUrl, schedule: true, cron: EVERY_SECOND });
  runtimes.push(started.runtime);
  // The bot is running; now round 1 is set to end 1.5 s from here, and the loop is blocked from here
  // until well past it (and past at least one cron fire).
  const anchor = new Date(Date.now() + 1_500);
  await seedSettings(storeUrl, [replaySettings(guild.id, channelId, anchor)]);
  const dueIn = anchor.getTime() - Date.now();
  expect(dueIn).toBeGreaterThan(0);
  expect(local.messages(channelId)).toHaveLength(0);

  const blockedAt = Date.now();
  busyWait(Math.max(1_500, dueIn + 1_100));
  const unblockedAt = Date.now();
  await waitFor(() => local.messages(channelId).length > 0, 'the recap after the blocked loop', 5_000);
  // Several more ticks run and find nothing to do.
  const ticks = countTicks(started.runtime);
  await sleep(2_500);
  expect(ticks.count).toBeGreaterThanOrEqual(2);
  expect(roundsIn(local, channelId)).toEqual([1]);
  expect(messagePosts(local, channelId)).toHaveLength(1);
  const posted = messagePosts(local, channelId)[0]?.time ?? 0;
  expect(posted).toBeGreaterThanOrEqual(unblockedAt);
  expect(unblockedAt - blockedAt).toBeGreaterThanOrEqual(1_500);
  expect(trafficProblems(local)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
});

test('the process down across the due time: posted on the first tick after the restart, once', async () => {
  discord = await startDiscord({ guilds: 2 });
  const local = discord;
  const channels = local.guilds.map(announcementsOf);
  const storeUrl = `${scratch.dir}/down.sqlite`;
  const first = await startBot(local, { storeUrl, schedule: true, cron: EVERY_SECOND });
  // Round 1 ends 3 s from now; the bot stops well before that, stays down past it, then comes back.
  const anchor = new Date(Date.now() + 3_000);
  await seedSettings(
    storeUrl,
    local.guilds.map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
  await sleep(300);
  await first.runtime.stop();
  expect(Date.now()).toBeLessThan(anchor.getTime());
  expect(messagePosts(local)).toHaveLength(0);
  await waitFor(() => Date.now() > anchor.getTime() + 1_500, 'the due time to pass while down', 5_000);

  const downUntil = Date.now();
  const second = await startBot(local, { storeUrl, schedule: true, cron: EVERY_SECOND });
  runtimes.push(second.runtime);
  await waitFor(() => channels.every((c) => local.messages(c).length > 0), 'the recaps after restart', 5_000);
  const ticks = countTicks(second.runtime);
  await sleep(2_500);
  expect(ticks.count).toBeGreaterThanOrEqual(2);
  expect(channels.map((c) => roundsIn(local, c))).toEqual([[1], [1]]);
  expect(messagePosts(local)).toHaveLength(2);
  expect(messagePosts(local).every((p) => p.time >= downUntil)).toBe(true);
  await withStore(storeUrl, async (store) => {
    const ledger = await readLedger(
      store,
      local.guilds.map((g) => g.id),
      1,
    );
    expect([...ledger.values()].map((e) => [e?.state, e?.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });
  expect(trafficProblems(local)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
});

/** Counts the poller's ticks (the scheduler looks `tick` up on the same object at every fire). */
function countTicks(runtime: Runtime): { count: number } {
  const counter = { count: 0 };
  const tick = runtime.poller.tick;
  runtime.poller.tick = () => {
    counter.count++;
    return tick();
  };
  return counter;
}
