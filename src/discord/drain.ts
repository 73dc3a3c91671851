import type { Clock } from './clock.js';

interface DrainLogger {
  warn(object: object, message: string): void;
}

/**
 * Waits for the handlers still running (a graceful stop), including any that start meanwhile, for at most
 * `timeoutMs`; past it, logs how many were left and returns. Shared by the gateway and HTTP bots.
 */
export async function drainInFlight(
  inFlight: ReadonlySet<Promise<void>>,
  { clock, timeoutMs, logger }: { clock: Clock; timeoutMs: number; logger: DrainLogger },
): Promise<void> {
  let handle: unknown;
  const timedOut = new Promise<'timeout'>((resolve) => {
    handle = clock.setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    while (inFlight.size > 0) {
      const outcome = await Promise.race([Promise.allSettled([...inFlight]), timedOut]);
      if (outcome === 'timeout') {
        logger.warn(
          { inFlight: inFlight.size, drainTimeoutMs: timeoutMs },
          'stopping with handlers still running',
        );
        return;
      }
    }
  } finally {
    clock.clearTimeout(handle);
  }
}
