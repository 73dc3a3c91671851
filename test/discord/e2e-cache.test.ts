import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { type BotAgainstLocalDiscord, startBotAgainstLocalDiscord } from './e2e-harness.js';

const INTERACTIONS = 10_000;
// Waves small enough to be answered inside Discord's 3 s deadline on a loaded machine; what matters
// here is 10,000 distinct users, not a burst.
const BATCH = 50;
const FIRST_USER = 300_000_000_000_000_000n;

const commands: Command[] = [
  {
    definition: { name: 'ping', description: 'Answers at once' },
    execute: (_options, context) => ({
      data: { content: `pong <@${context.invoker.userId}>`, allowed_mentions: { parse: [] } },
    }),
  },
];

let env: BotAgainstLocalDiscord;
beforeAll(async () => {
  env = await startBotAgainstLocalDiscord(commands);
});
afterAll(async () => {
  await env?.close();
});

test(`after ${INTERACTIONS.toLocaleString('en')} interactions from distinct users only the bot is cached`, async () => {
  for (let start = 0; start < INTERACTIONS; start += BATCH) {
    const batch = Array.from({ length: BATCH }, (_, offset) =>
      env.discord
        .injectCommand({ name: 'ping', userId: String(FIRST_USER + BigInt(start + offset)) })
        .final(),
    );
    await Promise.all(batch);
  }
  const { client } = env.bot;
  const botId = client.user?.id;
  expect(env.bot.stats.interactions).toBe(INTERACTIONS);
  expect([...client.users.cache.keys()].filter((id) => id !== botId)).toEqual([]);
  expect(client.users.cache.size).toBeLessThanOrEqual(1);
  expect(client.users.cache.has(botId ?? '')).toBe(true);
  for (const guild of client.guilds.cache.values()) {
    expect([...guild.members.cache.keys()].filter((id) => id !== botId)).toEqual([]);
    expect(guild.members.cache.size).toBeLessThanOrEqual(1);
  }
  expect(env.bot.stats.faults).toBe(0);
  expect(env.discord.validationFailures).toEqual([]);
}, 180_000); // about 3 s idle; 10,000 round trips through the local Discord on a loaded two-core machine
