import type { Logger as CronLogger } from 'node-cron';
import type { PollLogger } from './recap-poller.js';

const SOURCE = { source: 'node-cron' } as const;

/**
 * node-cron's own logger writes coloured text with console.*, which breaks "logs are JSON lines"; this
 * hands every message it would print to ours instead.
 */
export function toCronLogger(logger: PollLogger): CronLogger {
  const describe = (message: string | Error, err?: Error) => ({
    obj: { ...SOURCE, ...(err || message instanceof Error ? { err: String(err ?? message) } : {}) },
    msg: message instanceof Error ? message.message : message,
  });
  return {
    info: (message) => logger.info(SOURCE, message),
    warn: (message) => logger.warn(SOURCE, message),
    error: (message, err) => {
      const { obj, msg } = describe(message, err);
      logger.error(obj, msg);
    },
    // node-cron's debug lines are its internals; ours stay at info and above for the poll logger.
    debug: () => {},
  };
}
