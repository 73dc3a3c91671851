import type { Logger } from 'pino';
import { describe, expect, test } from 'vitest';
import { createLocalPacer, type PacerClock } from '../../src/http/fleet-pacer.js';
import {
  DISCORD_GLOBAL_PER_SECOND,
  leavesOnTime,
  mostInSpan,
  reserveSlot,
  sendRuleAt,
  shareOf,
} from '../../src/http/send-window.js';

/**
 * A simulated event loop: timers fire in order of when they really fire, which is when they were due
 * unless the loop was stalled then (`wakeAt`). Each timer's continuation runs to its next sleep before
 * the next timer fires, as on one thread.
 */
class StalledLoop implements PacerClock {
  nowMs = 0;
  #timers: { at: number; seq: number; resolve: () => void }[] = [];
  #seq = 0;
  constructor(private readonly wakeAt: (dueMs: number) => number) {}

  nowUs(): number {
    return Math.round(this.nowMs * 1000);
  }

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.#timers.push({
        at: Math.max(this.nowMs, this.wakeAt(this.nowMs + ms)),
        seq: this.#seq++,
        resolve,
      });
    });

  async runUntil(done: () => boolean): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
      this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#timers.shift();
      if (!next) throw new Error('nothing left to run');
      this.nowMs = next.at;
      next.resolve();
    }
  }
}

/** The most sends in any half-open window [t, t + windowMs), as Discord counts them. */
function mostInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[first] ?? 0) <= (sorted[last] ?? 0) - windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** `senders` loops (the recap poller's concurrency) each waiting for the pacer, then sending. */
async function sendThroughPacer(loop: StalledLoop, perSecond: number, total: number, senders = 25) {
  const pacer = createLocalPacer(sendRuleAt(perSecond), loop);
  const sent: number[] = [];
  const sender = async () => {
    while (sent.length < total) {
      await pacer.wait();
      if (sent.length < total) sent.push(loop.nowMs);
    }
  };
  for (let i = 0; i < senders; i++) void sender();
  await loop.runUntil(() => sent.length >= total);
  return sent;
}

// Deterministic noise: 0–7 ms of lateness on every timer.
const jitter = (dueMs: number) => (Math.imul(Math.floor(dueMs * 7919), 2654435761) >>> 0) % 8;

describe('the pacing rule under late wake-ups (simulated clock)', () => {
  const rule = sendRuleAt(47);

  test.each([
    ['a 150 ms stall every 700 ms', 700, 150],
    ['a 400 ms stall every 2 s', 2000, 400],
    ['a 90 ms stall every 333 ms', 333, 90],
    ['a 30 ms stall every 100 ms', 100, 30],
  ])(
    '%s: never more than 48 sends in any 1 s, and only the stalled time is lost',
    async (_name, every, stall) => {
      const loop = new StalledLoop((due) => {
        const inCycle = due % every;
        return (inCycle < stall ? due - inCycle + stall : due) + jitter(due);
      });
      const sent = await sendThroughPacer(loop, 47, 1500);
      expect(mostInSpan(rule, 1_000_000)).toBeLessThan(DISCORD_GLOBAL_PER_SECOND);
      expect(mostInAnyWindow(sent, 1000)).toBeLessThanOrEqual(48);
      const seconds = (Math.max(...sent) - Math.min(...sent)) / 1000;
      expect(seconds).toBeLessThan((1500 / 47 / (1 - stall / every)) * 1.1);
    },
  );

  test('on a quiet loop the sends are evenly spaced at the rate', async () => {
    const loop = new StalledLoop((due) => due);
    const sent = await sendThroughPacer(loop, 47, 300);
    const gaps = sent.slice(1).map((t, i) => t - (sent[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(23);
    expect(mostInAnyWindow(sent, 1000)).toBe(47);
  });

  test('a loop that is always late still sends (after 10 tries), and says so', async () => {
    const loop = new StalledLoop((due) => due + 50);
    const warnings = new Set<string>();
    const logger = { warn: (_obj: object, msg: string) => warnings.add(msg) } as unknown as Logger;
    const pacer = createLocalPacer(sendRuleAt(47), loop, logger);
    let sent = 0;
    for (let i = 0; i < 25; i++) void pacer.wait().then(() => sent++);
    await loop.runUntil(() => sent === 25);
    expect([...warnings]).toEqual([
      'REST request sent late: the process or Redis kept missing its pacing places',
    ]);
  });
});

describe('the rule', () => {
  test('places 1/rate apart, 20 ms of tolerance by default', () => {
    expect(sendRuleAt(47)).toEqual({ intervalUs: 21_277, toleranceUs: 20_000 });
    expect(sendRuleAt(40, 0)).toEqual({ intervalUs: 25_000, toleranceUs: 0 });
  });

  test.each([
    [1, 21_277],
    [2, 42_554],
    [3, 63_831],
  ])('one of %i processes alone keeps places %i µs apart', (processes, intervalUs) => {
    expect(shareOf(sendRuleAt(47), processes)).toEqual({ intervalUs, toleranceUs: 20_000 });
  });

  test.each([
    [47, 48],
    [48, 49],
    [50, 52],
  ])('at %i/s one of Discord’s 1 s windows holds at most %i', (perSecond, most) => {
    expect(mostInSpan(sendRuleAt(perSecond), 1_000_000)).toBe(most);
  });

  test.each([0, -3, Number.NaN])('a rate of %d is refused with a sentence', (rate) => {
    expect(() => sendRuleAt(rate)).toThrow('a send rule needs a positive rate');
  });

  test('places on the timeline follow each other, and an idle timeline starts now', () => {
    const rule = sendRuleAt(50);
    const first = reserveSlot(0, 1_000, rule);
    const second = reserveSlot(first.nextSlotUs, 1_000, rule);
    expect([first.waitUs, second.waitUs]).toEqual([0, 20_000]);
    expect(reserveSlot(second.nextSlotUs, 900_000, rule).waitUs).toBe(0);
  });

  test('lateness counts from when the place was asked for, so a slow answer is late too', () => {
    const rule = sendRuleAt(50);
    expect(leavesOnTime(0, 20_000, 40_000, rule)).toBe(true);
    expect(leavesOnTime(0, 20_000, 40_001, rule)).toBe(false);
    expect(leavesOnTime(0, 0, 21_000, rule)).toBe(false);
  });
});
