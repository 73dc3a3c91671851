import { isThenable } from '../core/thenable.js';
/** The timer source for deadlines; tests inject a fake one instead of waiting for real time. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Runs `work`; if it has not settled after `ms`, calls `onLate` once (and waits for it) before waiting for
 * the result. A rejected `onLate` rejects the whole run; the work's own outcome is then ignored; work that
 * throws rejects. Work that
 * answers synchronously (a memoised reply) is returned as is, and work whose promise has already settled
 * (an async handler that answered before its first await) is answered after one microtask: neither sets a
 * timer, which every interaction would otherwise create and clear.
 */
export function runWithDeadline<T>(
  work: () => T | Promise<T>,
  ms: number,
  onLate: () => Promise<void>,
  clock: Clock,
): T | Promise<T> {
  let value: T | Promise<T>;
  try {
    value = work();
  } catch (error) {
    return Promise.reject(error);
  }
  if (!isThenable(value)) return value;
  const result = Promise.resolve(value);
  // A promise already settled wins the race against one already resolved: it was queued first.
  return Promise.race([result, NOT_YET]).then((first) =>
    first === NOT_YET_VALUE ? withDeadline(result, ms, onLate, clock) : (first as T),
  );
}

const NOT_YET_VALUE: unique symbol = Symbol('not settled yet');
const NOT_YET = Promise.resolve(NOT_YET_VALUE);

async function withDeadline<T>(
  result: Promise<T>,
  ms: number,
  onLate: () => Promise<void>,
  clock: Clock,
): Promise<T> {
  let handle: unknown;
  const deadline = new Promise<'late'>((resolve) => {
    handle = clock.setTimeout(() => resolve('late'), ms);
  });
  try {
    const settled = result.then(
      () => 'settled' as const,
      () => 'settled' as const,
    );
    if ((await Promise.race([settled, deadline])) === 'late') await onLate();
    return await result;
  } finally {
    clock.clearTimeout(handle);
  }
}
