/**
 * SQLite locked by another connection while a recap fan-out runs: query commands must keep answering.
 * The bot runs in its own process here, so that the local Discord (in this process) keeps real time and
 * enforces the 3 s interaction deadline whatever happens to the bot's event loop.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, expect, test } from 'vitest';
import { type BotProcess, spawnBotProcess } from '../support/bot-process.js';
import { type SqliteLocker, startSqliteLocker } from '../support/sqlite-lock.js';
import {
  announcementsOf,
  answer,
  deployTo,
  messagePosts,
  replaySettings,
  roundsIn,
  seedSettings,
  sleep,
  startDiscord,
  tempDir,
  waitFor,
} from './harness.js';

const GUILDS = 30;
const scratch = tempDir('sqlite-freeze');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord | undefined;
let locker: SqliteLocker | undefined;
const processes: BotProcess[] = [];

afterAll(async () => {
  for (const p of processes) await p.kill('SIGKILL');
  await locker?.close();
  await discord?.close();
  scratch.remove();
});

// Regression test. node-sqlite3 gives every connection a 1000 ms busy timeout whose wait blocks the main
// thread; with 25 deliveries queued on a locked file, the bot's event loop froze for seconds and /standings
// missed Discord's 3 s deadline. The store now turns the busy timeout off and retries SQLITE_BUSY on timers
// (src/store/key-value-store.ts).
test('every /standings sent while a fan-out waits on a locked SQLite file is answered within 3 s', async () => {
  discord = await startDiscord({ guilds: GUILDS });
  const local = discord;
  await deployTo(local);
  const channels = local.guilds.map(announcementsOf);
  await seedSettings(storeUrl, []);
  locker = await startSqliteLocker(storeUrl);
  const bot = spawnBotProcess(local, storeUrl);
  processes.push(bot);
  await bot.ready();

  // Round 1 ends 2.5 s from now; the file is locked from now for 10 s (the locker lets go by itself).
  const anchor = new Date(Date.now() + 2_500);
  await seedSettings(
    storeUrl,
    local.guilds.map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
  await locker.lock(10_000);
  let lockHeld = true;
  const released = locker.released().then(() => {
    lockHeld = false;
  });
  // Users keep asking while the lock is held: one /standings every 400 ms, before and during the fan-out
  // (the first tick after the due time, cron every second, starts it into the locked file).
  const replies: Promise<{ text: string } | { failed: string }>[] = [];
  try {
    while (lockHeld) {
      replies.push(
        answer(local, {
          name: 'standings',
          options: { class: 'pro' },
          guildId: local.guilds[0]?.id ?? null,
        }).then(
          (reply) => ({ text: reply.text }),
          (error: unknown) => ({ failed: String(error) }),
        ),
      );
      await sleep(400);
    }
    const outcomes = await Promise.all(replies);
    expect(replies.length).toBeGreaterThan(10);
    // Each must have been answered within the 3 s deadline, with the table.
    expect(outcomes.flatMap((o) => ('failed' in o ? [o.failed] : []))).toEqual([]);
    for (const o of outcomes) expect('text' in o && o.text).toContain('Pro Cup');
  } finally {
    await released;
    // Whatever the verdict, the recaps still go out exactly once after the lock is gone.
    await waitFor(
      () => channels.every((c) => local.messages(c).length > 0),
      'the recaps after the lock',
      20_000,
    );
    await sleep(2_000);
    expect(channels.map((c) => roundsIn(local, c))).toEqual(channels.map(() => [1]));
    expect(messagePosts(local).filter((p) => p.status === 200).length).toBeGreaterThanOrEqual(GUILDS);
  }
}, 60_000);
