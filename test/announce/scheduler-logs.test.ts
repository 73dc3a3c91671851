/**
 * Logs are JSON lines: node-cron's own coloured `[NODE-CRON] [WARN]` console lines must never appear; what
 * it reports (a tick missed because the event loop was blocked, a tick skipped because the last one still
 * runs) reaches our logger instead. Real cron, every second.
 */
import { afterEach, expect, test, vi } from 'vitest';
import type { PollLogger, RecapPoller } from '../../src/announce/recap-poller.js';
import { createRecapScheduler } from '../../src/announce/scheduler.js';

interface Logged {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string;
}

function capturingLogger(): { logger: PollLogger; logged: Logged[] } {
  const logged: Logged[] = [];
  const at = (level: Logged['level']) => (obj: object, msg: string) => logged.push({ level, obj, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, logged };
}

function pollerTaking(ms: number): { poller: RecapPoller; ticks: () => number } {
  let ticks = 0;
  const poller = {
    tick: async () => {
      ticks++;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  } as unknown as RecapPoller;
  return { poller, ticks: () => ticks };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function consoleSpies() {
  return (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => {}),
  );
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  vi.restoreAllMocks();
});

test('a tick missed while the event loop was blocked is one line of our log, not a console line', async () => {
  const spies = consoleSpies();
  const { logger, logged } = capturingLogger();
  const { poller, ticks } = pollerTaking(0);
  const scheduler = createRecapScheduler(poller, logger, '* * * * * *');
  stops.push(() => scheduler.stop());
  scheduler.start();
  await waitFor(() => ticks() > 0, 'the first cron tick');
  const end = Date.now() + 2_500;
  while (Date.now() < end) {
    // Blocked across at least two cron fires.
  }
  await waitFor(() => logged.some((l) => l.msg.includes('tick missed')), 'the missed tick to be logged');
  expect(logged.find((l) => l.msg.includes('tick missed'))?.level).toBe('warn');
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
}, 30_000);

test("node-cron's own messages (a fire skipped while the last tick runs) go to our logger", async () => {
  const spies = consoleSpies();
  const { logger, logged } = capturingLogger();
  const { poller } = pollerTaking(1_600);
  const scheduler = createRecapScheduler(poller, logger, '* * * * * *');
  stops.push(() => scheduler.stop());
  scheduler.start();
  await waitFor(
    () => logged.some((l) => (l.obj as { source?: string }).source === 'node-cron'),
    'a node-cron message in our log',
  );
  expect(logged.find((l) => (l.obj as { source?: string }).source === 'node-cron')?.msg).toMatch(/overlap/);
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
}, 30_000);
