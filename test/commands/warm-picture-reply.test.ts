/**
 * A picture reply answered before (its shared reply built) is served again without awaiting the picture
 * cache: the handler settles at once, so no deadline timer is set and nothing else runs per request.
 */
import { expect, test } from 'vitest';
import { calendar } from '../../commands/calendar.js';
import { standings } from '../../commands/standings.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { Command, OptionValues } from '../../src/core/command.js';
import { type Clock, runWithDeadline } from '../../src/discord/clock.js';

const app = createAppContext();

test.each([
  ['/standings pro', standings as Command, { class: 'pro' }],
  ['/calendar', calendar as Command, {}],
] as const)(
  '%s: the second answer is the first, with no timer set',
  { timeout: 60_000 },
  async (_l, command, options) => {
    const context = app.makeContext();
    const first = await command.execute(options as OptionValues, context);
    expect(first.files?.length).toBe(1);
    let timers = 0;
    const clock: Clock = { setTimeout: () => ++timers, clearTimeout: () => undefined };
    const again = await runWithDeadline(
      () => command.execute(options as OptionValues, context),
      2000,
      async () => undefined,
      clock,
    );
    expect(again).toBe(first);
    expect(timers).toBe(0);
  },
);

/**
 * Warm answers are returned as they are, not wrapped in a promise: an already-settled promise still costs the
 * adapter a race and several microtask turns per request (runWithDeadline cannot see that it settled).
 */
test.each([
  ['/standings pro text:true', standings as Command, { class: 'pro', text: true }],
  ['/standings pro', standings as Command, { class: 'pro' }],
  ['/calendar text:true', calendar as Command, { text: true }],
  ['/calendar', calendar as Command, {}],
] as const)(
  '%s: a warm answer is the shared reply itself, not a promise',
  { timeout: 60_000 },
  async (_l, command, options) => {
    const context = app.makeContext();
    const first = await command.execute(options as OptionValues, context);
    const again = command.execute(options as OptionValues, context);
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toBe(first);
  },
);
