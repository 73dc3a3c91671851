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
 * the result. A rejected `onLate` rejects the whole run; the work's own outcome is then ignored. Work that
 * answers synchronously (a memoised reply) is done before any timer could fire: no timer is set for it.
 */
export async function runWithDeadline<T>(
  work: () => T | Promise<T>,
  ms: number,
  onLate: () => Promise<void>,
  clock: Clock,
): Promise<T> {
  const value = work();
  if (!isThenable(value)) return value;
  const result = Promise.resolve(value);
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

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
