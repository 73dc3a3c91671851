import { describe, expect, test } from 'vitest';
import { type Clock, runWithDeadline } from '../../src/discord/clock.js';

/** A clock that never fires by itself: the test fires what it set, and counts it. */
function manualClock() {
  const pending = new Map<number, () => void>();
  let next = 0;
  let set = 0;
  const clock: Clock = {
    setTimeout(callback) {
      set++;
      pending.set(++next, callback);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    clock,
    timersSet: () => set,
    pending: () => pending.size,
    fireAll() {
      for (const [id, callback] of [...pending]) {
        pending.delete(id);
        callback();
      }
    },
  };
}

describe('runWithDeadline', () => {
  test('work that answers synchronously is returned without setting a timer or deferring', async () => {
    const c = manualClock();
    let late = 0;
    const value = runWithDeadline(
      () => 'reply',
      2000,
      async () => void late++,
      c.clock,
    );
    expect(value).toBe('reply');
    expect(c.timersSet()).toBe(0);
    expect(late).toBe(0);
  });

  test('work that throws synchronously rejects, without a timer', async () => {
    const c = manualClock();
    await expect(
      runWithDeadline(
        () => {
          throw new Error('boom');
        },
        2000,
        async () => undefined,
        c.clock,
      ),
    ).rejects.toThrow('boom');
    expect(c.timersSet()).toBe(0);
  });

  test('asynchronous work still late at the deadline is deferred once, then answered; the timer is cleared', async () => {
    const c = manualClock();
    let finish!: (value: string) => void;
    let late = 0;
    const run = runWithDeadline(
      () => new Promise<string>((resolve) => (finish = resolve)),
      2000,
      async () => void late++,
      c.clock,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(c.timersSet()).toBe(1);
    c.fireAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(late).toBe(1);
    finish('slow reply');
    expect(await run).toBe('slow reply');
    expect(c.pending()).toBe(0);
  });

  test('asynchronous work settled before the deadline is not deferred and leaves no timer behind', async () => {
    const c = manualClock();
    let late = 0;
    expect(
      await runWithDeadline(
        async () => 'quick',
        2000,
        async () => void late++,
        c.clock,
      ),
    ).toBe('quick');
    expect(late).toBe(0);
    expect(c.pending()).toBe(0);
  });

  test('an async handler that answered before its first await sets no timer at all', async () => {
    const c = manualClock();
    const run = runWithDeadline(
      async () => 'memo hit',
      2000,
      async () => undefined,
      c.clock,
    );
    expect(await run).toBe('memo hit');
    expect(c.timersSet()).toBe(0);
  });

  test('a handler whose promise already failed rejects without a timer', async () => {
    const c = manualClock();
    await expect(
      runWithDeadline(
        async () => {
          throw new Error('user mistake');
        },
        2000,
        async () => undefined,
        c.clock,
      ),
    ).rejects.toThrow('user mistake');
    expect(c.timersSet()).toBe(0);
  });

  test('work that settles after its first await still gets its deadline timer', async () => {
    const c = manualClock();
    const run = runWithDeadline(
      async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return 'picture';
      },
      2000,
      async () => undefined,
      c.clock,
    );
    expect(await run).toBe('picture');
    expect(c.timersSet()).toBe(1);
    expect(c.pending()).toBe(0);
  });
});
