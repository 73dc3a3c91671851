/**
 * A button press is judged end to end against the press floor (bench/floor-press.ts): the same transport
 * work — a payload of the same size, carrying the same kind of message — answered "ok" before any of
 * Pitboard's press path runs. If the floor's payload were smaller, or Pitboard's router handled it, the
 * budget would judge something else than the press's own cost.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { floorCommand } from '../../bench/floor-command.js';
import { answerFloors, floorPressId } from '../../bench/floor-press.js';
import { pressTargets } from '../../bench/press-targets.js';
import { commands } from '../../commands/index.js';
import { type BotAgainstLocalDiscord, startBotAgainstLocalDiscord } from '../discord/e2e-harness.js';

let h: BotAgainstLocalDiscord;
beforeAll(async () => {
  h = await startBotAgainstLocalDiscord([...commands, floorCommand]);
  answerFloors(h.bot.client);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

test('a floor press id has exactly the length asked', () => {
  for (const length of [12, 25, 100]) expect(floorPressId(length)).toHaveLength(length);
  expect(() => floorPressId(101)).toThrow(/100|101/);
});

test.each(pressTargets().map((t) => [t.label, t] as const))(
  '%s: the floor press carries as many bytes and answers "ok" without the bot’s router',
  { timeout: 60_000 },
  async (_label, target) => {
    const routed = h.bot.stats.interactions;
    const press = target.inject(h.discord, '500000000000000001');
    const floor = target.base.inject(h.discord, '500000000000000002');
    await Promise.all([press.final(), floor.final()]);

    const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    expect(size(floor.payload.message)).toBe(size(press.payload.message));
    expect(size(floor.payload.data)).toBe(size(press.payload.data));
    expect(floor.type).toBe(press.type);

    expect(floor.callback?.type).toBe(4);
    expect(floor.callback?.data).toMatchObject({ content: 'ok', flags: 64 });
    expect(press.callback?.type).toBe(4);
    expect(press.callback?.data?.content).not.toBe('ok');
    expect(h.bot.stats.interactions - routed).toBe(1);
  },
);
