/**
 * The bot process SIGKILLed in the middle of a fan-out to 40 servers, then started again on the same SQLite
 * file: every server ends with exactly one recap. The kill lands in the worst window on purpose: three
 * POSTs were stored by Discord but their answers never reached the bot (ledger still `pending`).
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, expect, test } from 'vitest';
import { type BotProcess, spawnBotProcess } from '../support/bot-process.js';
import {
  announcementsOf,
  MESSAGES_ROUTE,
  messagePosts,
  type RecapBody,
  readLedger,
  replaySettings,
  roundsIn,
  seedSettings,
  startDiscord,
  tempDir,
  trafficProblems,
  waitFor,
  withStore,
} from './harness.js';

const GUILDS = 40;
const scratch = tempDir('crash-fan-out');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord | undefined;
const processes: BotProcess[] = [];

afterAll(async () => {
  for (const p of processes) await p.kill('SIGKILL');
  await discord?.close();
  scratch.remove();
});

test('SIGKILL mid-fan-out, restart: exactly one recap per server', async () => {
  // 8 requests per second for the whole bot: the fan-out takes about 5 s, so the kill lands mid-way.
  discord = await startDiscord({ guilds: GUILDS, rateLimits: { globalPerSecond: 8 } });
  const local = discord;
  const channels = local.guilds.map(announcementsOf);
  const guildIds = local.guilds.map((g) => g.id);
  // Round 1 ended 10 s ago (real clock: the child has its own).
  const anchor = new Date(Date.now() - 10_000);
  await seedSettings(
    storeUrl,
    local.guilds.map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
  // The first three recap POSTs are processed (the message is stored) but their answers never arrive.
  const lost = local.faults.loseResponse(MESSAGES_ROUTE, { method: 'POST', mode: 'hang', times: 3 });
  const stored = () => channels.filter((c) => local.messages(c).length > 0).length;

  const first = spawnBotProcess(local, storeUrl);
  processes.push(first);
  await waitFor(() => lost.hits === 3 && stored() >= 16, 'three lost answers and 16 recaps', 20_000);
  const killed = await first.kill('SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  const atKill = stored();
  expect(atKill).toBeLessThan(GUILDS);

  const hung = messagePosts(local).filter((e) => e.fault === 'lose-response');
  expect(hung).toHaveLength(3);
  const hungChannels = hung.map((e) => e.path.split('/')[2] as string);
  // What the dead process left behind: `pending` where Discord already has the message, `sent` only with
  // the id Discord answered, and servers not reached at all.
  await withStore(storeUrl, async (store) => {
    const ledger = await readLedger(store, guildIds, 1);
    let sent = 0;
    channels.forEach((channelId, n) => {
      const entry = ledger.get(guildIds[n] as string) ?? null;
      const messages = local.messages(channelId);
      if (hungChannels.includes(channelId)) {
        expect(entry?.state).toBe('pending');
        expect(messages).toHaveLength(1);
      }
      if (entry?.state === 'sent') {
        sent++;
        expect(entry.messageId).toBe(messages[0]?.id);
        expect(messages).toHaveLength(1);
      }
      if (messages.length === 0) expect(entry?.state ?? 'none').not.toBe('sent');
    });
    expect(sent).toBeGreaterThan(0);
  });

  const second = spawnBotProcess(local, storeUrl);
  processes.push(second);
  await second.ready();
  // Done when Discord has answered 200 to a recap POST for every channel (the lost ones included).
  await waitFor(
    () => channels.every((c) => messagePosts(local, c).some((e) => e.status === 200)),
    'every server answered after the restart',
    30_000,
  );
  // Let a few more 1-second ticks run: they must find nothing to do.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect((await second.kill('SIGTERM')).code).toBe(0);

  expect(channels.map((c) => roundsIn(local, c))).toEqual(channels.map(() => [1]));
  // The lost-answer recaps were sent again after the restart, with the same nonce: Discord returned the
  // message it already had instead of creating a second one.
  for (const channelId of hungChannels) {
    const posts = messagePosts(local, channelId).filter((e) => e.status !== 429);
    expect(posts).toHaveLength(2);
    const [lost, retried] = posts.map((e) => e.body as RecapBody);
    expect(retried?.nonce).toBe(lost?.nonce);
    expect(JSON.parse(posts[1]?.responseText ?? '{}').id).toBe(local.messages(channelId)[0]?.id);
  }
  await withStore(storeUrl, async (store) => {
    const ledger = await readLedger(store, guildIds, 1);
    channels.forEach((channelId, n) => {
      expect(ledger.get(guildIds[n] as string)).toMatchObject({
        state: 'sent',
        messageId: local.messages(channelId)[0]?.id,
      });
    });
  });
  expect(trafficProblems(local)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
  expect(second.logs.filter((r) => r.level >= 50)).toEqual([]);
}, 60_000);
