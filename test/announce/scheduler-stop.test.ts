/**
 * Stopping waits for the tick in progress and drops the ticks queued behind it (a reload's `runNow`, a cron
 * fire): with a store that does not answer, each queued tick would wait out its own timeout before exit.
 */
import { expect, test } from 'vitest';
import type { PollLogger, RecapPoller } from '../../src/announce/recap-poller.js';
import { createRecapScheduler } from '../../src/announce/scheduler.js';

const silent: PollLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The first tick waits for `release`; later ones return at once. */
function heldPoller() {
  let ticks = 0;
  let release: () => void = () => {};
  const poller = {
    tick: () => {
      ticks++;
      if (ticks > 1) return Promise.resolve();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  } as unknown as RecapPoller;
  return { poller, ticks: () => ticks, release: () => release() };
}

test('stop waits for the tick in progress and runs none of the ticks queued behind it', async () => {
  const held = heldPoller();
  const scheduler = createRecapScheduler(held.poller, silent);
  void scheduler.runNow();
  void scheduler.runNow();
  void scheduler.runNow();
  await new Promise((resolve) => setImmediate(resolve));
  expect(held.ticks()).toBe(1);

  let stopped = false;
  const stopping = scheduler.stop().then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(false);
  held.release();
  await stopping;
  expect(held.ticks()).toBe(1);
});

test('ticks queued before stop still run when nothing stops', async () => {
  const held = heldPoller();
  const scheduler = createRecapScheduler(held.poller, silent);
  void scheduler.runNow();
  const second = scheduler.runNow();
  await new Promise((resolve) => setImmediate(resolve));
  held.release();
  await second;
  expect(held.ticks()).toBe(2);
});

test('a scheduler started again after stop ticks again', async () => {
  const held = heldPoller();
  const scheduler = createRecapScheduler(held.poller, silent, '0 0 1 1 *');
  scheduler.start();
  await scheduler.stop();
  scheduler.start();
  const ran = scheduler.runNow();
  await new Promise((resolve) => setImmediate(resolve));
  expect(held.ticks()).toBe(1);
  held.release();
  await ran;
  await scheduler.stop();
});
