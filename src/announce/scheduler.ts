import cron, { type ScheduledTask } from 'node-cron';
import { toCronLogger } from './cron-logger.js';
import type { PollLogger, RecapPoller } from './recap-poller.js';

/**
 * node-cron is only the clock here: it never catches up a missed fire, so each tick asks durable state what
 * is due (the poller). A tick blocked past its slot, or a process that was down, loses nothing: the next
 * tick finds the same due recaps. Ticks never overlap: cron ticks and `runNow` (start-up, data reload)
 * queue behind each other. Once `stop` begins, queued ticks are dropped: only the tick in progress is
 * waited for, so shutdown never waits out a second tick against a store that is not answering.
 */
export function createRecapScheduler(poller: RecapPoller, logger: PollLogger, expression = '*/20 * * * * *') {
  let task: ScheduledTask | null = null;
  let chain: Promise<void> = Promise.resolve();
  let stopping = false;
  const run = (): Promise<void> => {
    chain = chain.then(async () => {
      if (stopping) return;
      try {
        await poller.tick();
      } catch (error) {
        logger.error({ err: String(error) }, 'recap tick failed');
      }
    });
    return chain;
  };
  return {
    start() {
      if (task) return;
      stopping = false;
      task = cron.schedule(expression, run, {
        name: 'recap-poll',
        timezone: 'UTC',
        noOverlap: true,
        logger: toCronLogger(logger),
      });
      task.on('execution:missed', ({ date }) => {
        logger.warn(
          { at: date.toISOString() },
          'recap poll tick missed (event loop busy); the next tick catches up',
        );
      });
    },
    /** Stop ticking and wait for the tick in progress. */
    async stop() {
      stopping = true;
      await task?.destroy();
      task = null;
      await chain;
    },
    runNow: run,
  };
}
