/**
 * The slash-command floors of the end-to-end section (bench/floor-press.ts with `commands`) do the
 * transport's work and nothing of Pitboard's: discord.js builds the interaction and its REST client posts a
 * callback encoded once, but Pitboard's router never sees the interaction. If it did, the floor would carry
 * Pitboard's own handling and every case's ratio would hide it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { floorCommand } from '../../bench/floor-command.js';
import { answerFloors } from '../../bench/floor-press.js';
import { commands } from '../../commands/index.js';
import { type BotAgainstLocalDiscord, startBotAgainstLocalDiscord } from '../discord/e2e-harness.js';

let h: BotAgainstLocalDiscord;
beforeAll(async () => {
  h = await startBotAgainstLocalDiscord([...commands, floorCommand]);
  answerFloors(h.bot.client, { commands: true });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

let user = 600_000_000_000_000_000n;
const nextUser = () => String(user++);

test('the plain floor answers "ok" without the bot’s router', { timeout: 60_000 }, async () => {
  const routed = h.bot.stats.interactions;
  const floor = h.discord.injectCommand({ name: 'bench-floor', options: {}, userId: nextUser() });
  await floor.final();
  expect(floor.callback?.type).toBe(4);
  expect(floor.callback?.data?.content).toBe('ok');
  expect(h.bot.stats.interactions - routed).toBe(0);
});

test('the options reference carries a string and a boolean and answers the plain "ok" without the router', {
  timeout: 60_000,
}, async () => {
  const routed = h.bot.stats.interactions;
  const floor = h.discord.injectCommand({
    name: 'bench-floor',
    options: { q: 'pro', flag: true },
    userId: nextUser(),
  });
  await floor.final();
  const options = (floor.payload as { data: { options: { name: string; value: unknown }[] } }).data.options;
  expect(options.map((o) => [o.name, o.value])).toEqual([
    ['q', 'pro'],
    ['flag', true],
  ]);
  expect(floor.callback?.data?.content).toBe('ok');
  expect(floor.callback?.data?.embeds).toBeUndefined();
  expect(h.bot.stats.interactions - routed).toBe(0);
});

test('the upload floor uploads exactly the bytes asked, without the bot’s router', {
  timeout: 60_000,
}, async () => {
  const routed = h.bot.stats.interactions;
  const floor = h.discord.injectCommand({
    name: 'bench-floor',
    options: { upload_bytes: 131_073 },
    userId: nextUser(),
  });
  await floor.final();
  const entry = [...h.discord.journal].reverse().find((e) => e.route?.endsWith('/callback'));
  expect(entry?.files.map((f) => f.size)).toEqual([131_073]);
  expect(h.bot.stats.interactions - routed).toBe(0);
});

test('the autocomplete floor answers its one choice without the bot’s router', {
  timeout: 60_000,
}, async () => {
  const routed = h.bot.stats.interactions;
  const floor = h.discord.injectAutocomplete({
    name: 'bench-floor',
    focused: 'q',
    options: { q: 'x' },
    userId: nextUser(),
  });
  await floor.final();
  expect(floor.callback?.type).toBe(8);
  expect(floor.callback?.data).toEqual({ choices: [{ name: 'ok', value: 'ok' }] });
  expect(h.bot.stats.interactions - routed).toBe(0);
});

test('every other command still goes through the router', { timeout: 60_000 }, async () => {
  const routed = h.bot.stats.interactions;
  const driver = h.discord.injectCommand({ name: 'driver', options: { name: 'Buhk' }, userId: nextUser() });
  await driver.final();
  expect(driver.callback?.data?.content ?? driver.callback?.data?.embeds).toBeTruthy();
  expect(h.bot.stats.interactions - routed).toBe(1);
});
