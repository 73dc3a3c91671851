import type { Logger } from '../logger.js';

/** The part of `process` the lifecycle listens to; tests pass an EventEmitter. */
export interface SignalSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface LifecycleOptions {
  /** Graceful shutdown: stop taking work, drain, destroy the client, close storage. */
  stop: () => Promise<void>;
  logger: Logger;
  /** Where unhandled rejections are counted (the bot's stats). */
  stats?: { unhandledRejections: number };
  source?: SignalSource;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

/**
 * First SIGTERM/SIGINT: graceful stop, then exit 0 (exit 1 if the stop fails). A second signal forces
 * exit 1 at once. Unhandled rejections are logged and counted instead of crashing the process.
 * Returns a function that removes the listeners.
 */
export function installLifecycle({
  stop,
  logger,
  stats,
  source = process,
  exit = (code) => process.exit(code),
  signals = ['SIGTERM', 'SIGINT'],
}: LifecycleOptions): () => void {
  let stopping = false;

  const onSignal = (...args: unknown[]) => {
    const signal = String(args[0] ?? 'signal');
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down gracefully');
    stop().then(
      () => exit(0),
      (err: unknown) => {
        logger.error({ err }, 'graceful shutdown failed');
        exit(1);
      },
    );
  };

  const onUnhandledRejection = (reason: unknown) => {
    if (stats) stats.unhandledRejections += 1;
    logger.error({ err: reason }, 'unhandled promise rejection');
  };

  for (const signal of signals) source.on(signal, onSignal);
  source.on('unhandledRejection', onUnhandledRejection);
  return () => {
    for (const signal of signals) source.off(signal, onSignal);
    source.off('unhandledRejection', onUnhandledRejection);
  };
}
