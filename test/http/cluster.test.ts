import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MESSAGES_ROUTE, waitFor } from '../recaps/harness.js';
import { type BotProcess, health } from '../support/bot-process.js';
import { type HttpFleet, startHttpFleet } from '../support/http-fleet.js';

/**
 * `npm start` in HTTP mode with PITBOARD_WORKERS=2: one primary and two node:cluster workers sharing one
 * port and one Redis. Both answer; exactly one polls recaps; a killed worker is replaced; SIGTERM stops
 * the lot cleanly.
 */
let fleet: HttpFleet;
let discord: LocalDiscord;
let main: BotProcess;
let port: number;

beforeAll(async () => {
  fleet = await startHttpFleet(1);
  discord = fleet.discord;
  port = fleet.ports[0] as number;
  main = fleet.spawn(port, { PITBOARD_WORKERS: '2' });
  await main.ready({ count: 2 });
  await discord.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
}, 90_000);

afterAll(async () => {
  await fleet?.close();
});

async function workerPids(): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 12; i++) pids.add(Number((await health(port)).body.pid));
  return pids;
}

test('two workers share the port and both answer interactions', async () => {
  const pids = await workerPids();
  expect(pids.size).toBe(2);
  expect(pids.has(main.child.pid as number)).toBe(false);
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      discord.injectCommand({ name: 'driver', options: { name: 'Buhk' } }).final(15_000),
    ),
  );
  expect(answers.every((a) => JSON.stringify(a).includes('81 points'))).toBe(true);
});

test('one recap per server: only the lease holder posts', async () => {
  await fleet.setup('announcements', { channel: fleet.announcementsId });
  await fleet.setup('replay', { start: 'in 1s', speed: 1 });
  const posts = () =>
    discord.journal.filter((e) => e.method === 'POST' && e.route === MESSAGES_ROUTE && e.status === 200);
  await waitFor(() => posts().length >= 1, 'the round 1 recap', 30_000);
  // Several ticks of both workers later, still one POST: the other worker never polled.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(posts()).toHaveLength(1);
  expect(main.logged('recap sent')).toHaveLength(1);
}, 60_000);

test('a killed worker is replaced; the survivor answers meanwhile', async () => {
  const [victim] = await workerPids();
  process.kill(victim as number, 'SIGKILL');
  // A connection the primary hands to the dead worker before it has seen the death fails with it (in flight
  // on that worker); every request sent once the primary has seen it is answered, by the survivor meanwhile.
  const afterDeath: boolean[] = [];
  const deadline = Date.now() + 30_000;
  while (afterDeath.length < 4 && Date.now() < deadline) {
    const deathSeen = main.logged('worker died; restarting').length > 0;
    const answer = await discord
      .injectCommand({ name: 'driver', options: { name: 'Buhk' } })
      .final(15_000)
      .catch(() => null);
    if (deathSeen) afterDeath.push(answer !== null && JSON.stringify(answer).includes('81 points'));
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(afterDeath).toEqual([true, true, true, true]);
  await waitFor(
    async () => {
      // While the replacement starts, a health check may time out or be refused: not yet, not a failure.
      const pids = await workerPids().catch(() => null);
      return pids !== null && !pids.has(victim as number) && pids.size === 2;
    },
    'a replacement worker',
    30_000,
    500,
  );
  expect(main.logged('worker died; restarting')).toHaveLength(1);
}, 60_000);

test('SIGTERM on the primary stops every worker gracefully and exits 0', async () => {
  main.child.kill('SIGTERM');
  expect(await main.exited).toEqual({ code: 0, signal: null });
  expect(main.logged('bot stopped').length).toBeGreaterThanOrEqual(2);
  expect(discord.validationFailures).toEqual([]);
  expect(discord.stats.byStatus.get(429) ?? 0).toBe(0);
}, 60_000);
