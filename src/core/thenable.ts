/** Whether a handler's result is still pending (a promise or any thenable) rather than a settled value. */
export function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
