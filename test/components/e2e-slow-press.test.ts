import type { Json, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { results } from '../../commands/results.js';
import { type Command, UserError } from '../../src/core/command.js';
import { waitFor } from '../recaps/harness.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

/**
 * A press whose answer takes longer than the deferral deadline (2 s): the invoker's message is deferred
 * with DEFERRED_UPDATE_MESSAGE (type 6) and then edited in place; a mistake found late goes as a private
 * follow-up and leaves the message alone.
 */
const SLOW_MS = 2_600;
const slowResults: Command = {
  ...results,
  async execute(options, context) {
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    if (options.round === 3) throw new UserError('Round 3 is being corrected; try again later.');
    return results.execute(options, context);
  },
};

let bot: BotUnderTest;
let discord: LocalDiscord;
let channelId: string;

beforeAll(async () => {
  bot = await startBotUnderTest({
    name: 'slow-press',
    commands: [slowResults],
    discord: { heartbeatIntervalMs: 250 },
    restTimeoutMs: 15_000,
  });
  ({ discord, generalId: channelId } = bot);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
});

function nextButton(message: Json): string {
  const rows = (message.components ?? []) as { components: { custom_id: string; label: string }[] }[];
  const next = rows.flatMap((r) => r.components).find((c) => /▶/.test(c.label));
  if (!next) throw new Error('no next button');
  return next.custom_id;
}

test('a slow press is deferred (type 6), then the same message is edited to the next round', async () => {
  const one = await discord
    .injectCommand({ name: 'results', options: { round: 1 }, channelId })
    .final(20_000);
  const press = discord.press({ messageId: String(one.id), customId: nextButton(one), channelId });
  const edited = await press.final(20_000);
  expect(press.callback?.type).toBe(6);
  expect(edited.id).toBe(one.id);
  expect(JSON.stringify(edited.embeds)).not.toBe(JSON.stringify(one.embeds));
  expect(nextButton(edited)).toMatch(/:r=3$/);
}, 40_000);

test('a mistake found after the deferral is a private follow-up; the message stays', async () => {
  const two = await discord
    .injectCommand({ name: 'results', options: { round: 2 }, channelId })
    .final(20_000);
  const before = JSON.stringify(discord.message(String(two.id))?.embeds);
  const press = discord.press({ messageId: String(two.id), customId: nextButton(two), channelId });
  await waitFor(() => press.followUps.length > 0, 'the private follow-up', 20_000);
  expect(press.callback?.type).toBe(6);
  expect(press.followUps.map((m) => [m.content, m.flags])).toEqual([
    ['Round 3 is being corrected; try again later.', 64],
  ]);
  expect(JSON.stringify(discord.message(String(two.id))?.embeds)).toBe(before);
  expect(discord.validationFailures).toEqual([]);
}, 40_000);
