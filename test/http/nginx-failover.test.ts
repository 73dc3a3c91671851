import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MESSAGES_ROUTE, waitFor } from '../recaps/harness.js';
import type { BotProcess } from '../support/bot-process.js';
import { type HttpFleet, startHttpFleet } from '../support/http-fleet.js';
import { type NginxHandle, startNginx } from '../support/nginx.js';

/**
 * A real load balancer: nginx in front of two bot processes (HTTP mode, one worker each) sharing one
 * Redis. One process is SIGKILLed in the middle of steady traffic: only the interactions it was working on
 * fail (nginx sends everything after to the survivor, retrying refused connections), and the recap poller
 * moves to the survivor within its lease.
 */
const LEASE_SECONDS = 3;
let fleet: HttpFleet;
let discord: LocalDiscord;
let nginx: NginxHandle;
const bots: BotProcess[] = [];

beforeAll(async () => {
  fleet = await startHttpFleet(2);
  discord = fleet.discord;
  for (const port of fleet.ports)
    bots.push(
      fleet.spawn(port, { PITBOARD_WORKERS: '1', PITBOARD_RECAP_LEASE_SECONDS: String(LEASE_SECONDS) }),
    );
  await Promise.all(bots.map((bot) => bot.ready()));
  nginx = await startNginx(fleet.ports);
  await discord.setInteractionsEndpoint(`${nginx.url}/interactions`);
}, 90_000);

afterAll(async () => {
  await nginx?.stop();
  await fleet?.close();
});

interface Outcome {
  dispatchedAt: number;
  ok: boolean;
  error?: string;
}

test('one process killed mid-traffic: only its in-flight interactions fail; the poller moves over', async () => {
  await fleet.setup('announcements', { channel: fleet.announcementsId });
  // Steady traffic from 6 users at once; the recap holder is killed while it runs.
  const outcomes: Outcome[] = [];
  let running = true;
  const user = async () => {
    while (running) {
      const interaction = discord.injectCommand({ name: 'driver', options: { name: 'Buhk' } });
      const outcome = await interaction.final(15_000).then(
        (reply) => ({ ok: JSON.stringify(reply).includes('81 points') }),
        (error: Error) => ({ ok: false, error: error.message }),
      );
      outcomes.push({ dispatchedAt: interaction.dispatchedAt, ...outcome });
    }
  };
  const users = Array.from({ length: 6 }, user);
  await waitFor(() => outcomes.length >= 30, 'traffic before the kill', 30_000);
  // Round 1 ended 25 s ago at replay speed: due at once; round 2 (49 days later) falls due ~17 s from
  // now, after the kill below.
  const start = new Date(Date.now() - 25_000).toISOString();
  await fleet.setup('replay', { start, speed: 100_000 });
  const recapPosts = () =>
    discord.journal.filter((e) => e.method === 'POST' && e.route === MESSAGES_ROUTE && e.status === 200);
  await waitFor(
    () => recapPosts().length === 1 && bots.some((bot) => bot.logged('recap sent').length > 0),
    'the round 1 recap',
    30_000,
  );
  const holder = bots.find((bot) => bot.logged('recap sent').length > 0);
  const survivor = bots.find((bot) => bot !== holder);
  if (!holder || !survivor) throw new Error('no process posted the round 1 recap');

  const answeredBy = bots.map((bot) => bot.logged('interaction answered').length);
  expect(answeredBy.every((n) => n > 0)).toBe(true);
  holder.child.kill('SIGKILL');
  await holder.exited;
  // Requests sent until the process was seen dead may have reached it: those are its in-flight ones.
  const diedAt = Date.now();
  await waitFor(
    () => outcomes.filter((o) => o.dispatchedAt > diedAt).length >= 30,
    'traffic after the kill',
    30_000,
  );
  running = false;
  await Promise.all(users);

  const failed = outcomes.filter((o) => !o.ok);
  expect(failed.filter((o) => o.dispatchedAt > diedAt)).toEqual([]);
  // Each user has one request in flight at a time: one may be on the process when it dies, and on a busy
  // machine one more may be sent to it (and queued in its socket backlog) before its death is observed.
  expect(failed.length).toBeLessThanOrEqual(2 * users.length);
  expect(outcomes.filter((o) => o.dispatchedAt > diedAt).length).toBeGreaterThanOrEqual(30);

  // Round 2 falls due after the kill: the survivor takes the lapsed lease and posts it, once.
  await waitFor(
    () => survivor.logged('recap sent').length > 0,
    'the round 2 recap from the survivor',
    45_000,
  );
  expect(recapPosts()).toHaveLength(2);
  expect(survivor.logged('recap sent')).toHaveLength(1);
  expect(survivor.logged('recap sent')[0]).toMatchObject({ round: 2 });
  expect(discord.validationFailures).toEqual([]);
  expect(discord.stats.byStatus.get(429) ?? 0).toBe(0);
}, 120_000);
