import cron, { type ScheduledTask } from 'node-cron';
import type { PollLogger, RecapPoller } from './recap-poller.js';

/**
 * node-cron is only the clock here: it never catches up a missed fire, so each tick asks durable state what
 * is due (the poller). A tick blocked past its slot, or a process that was down, loses nothing: the next
 * tick finds the same due recaps.
 */
export function createRecapScheduler(poller: RecapPoller, logger: PollLogger, expression = '*/20 * * * * *') {
  let task: ScheduledTask | null = null;
  let running: Promise<unknown> | null = null;
  const run = async () => {
    const work = poller
      .tick()
      .catch((error: unknown) => logger.error({ err: String(error) }, 'recap tick failed'));
    running = work;
    await work;
    running = null;
  };
  return {
    start() {
      if (task) return;
      task = cron.schedule(expression, run, { name: 'recap-poll', timezone: 'UTC', noOverlap: true });
    },
    /** Stop ticking and wait for a tick in progress. */
    async stop() {
      await task?.destroy();
      task = null;
      await running;
    },
    /** Run one tick now (start-up, hot reload). */
    runNow: run,
  };
}
