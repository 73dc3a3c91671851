import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { installLifecycle } from '../../src/discord/lifecycle.js';
import { type BotAgainstLocalDiscord, startBotAgainstLocalDiscord } from './e2e-harness.js';
import { captureLogs } from './fakes.js';

const commands: Command[] = [
  {
    definition: { name: 'lap', description: 'Takes a moment' },
    execute: async () => {
      await sleep(800);
      return { data: { content: 'lap done', allowed_mentions: { parse: [] } } };
    },
  },
];

let env: BotAgainstLocalDiscord;
beforeAll(async () => {
  env = await startBotAgainstLocalDiscord(commands);
});
afterAll(async () => {
  await env?.close();
});

test('SIGTERM while replies are in flight lets them finish, then exits 0', async () => {
  const signals = new EventEmitter();
  const exits: number[] = [];
  installLifecycle({
    stop: () => env.bot.stop(),
    logger: captureLogs().logger,
    stats: env.bot.stats,
    source: signals,
    exit: (code) => exits.push(code),
  });
  const interactions = Array.from({ length: 5 }, () => env.discord.injectCommand({ name: 'lap' }));
  await expect.poll(() => env.bot.inFlight(), { timeout: 2000, interval: 10 }).toBe(5);

  signals.emit('SIGTERM', 'SIGTERM');
  const late = env.discord.injectCommand({ name: 'lap' });
  const finals = await Promise.all(interactions.map((interaction) => interaction.final()));
  expect(finals.map((message) => message.content)).toEqual(Array(5).fill('lap done'));

  await expect.poll(() => exits, { timeout: 5000 }).toEqual([0]);
  expect(env.bot.inFlight()).toBe(0);
  expect(env.bot.client.isReady()).toBe(false);
  expect((await late.final()).content).toMatch(/restarting/);
  expect(env.bot.stats.unhandledRejections).toBe(0);
  expect(env.discord.validationFailures).toEqual([]);
});
