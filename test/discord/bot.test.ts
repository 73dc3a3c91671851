import { Events } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { createBot } from '../../src/discord/bot.js';
import type { Bot } from '../../src/discord/bot-core.js';
import {
  captureLogs,
  defineCommand,
  fakeInteraction,
  flushPromises,
  ManualClock,
  testContext,
} from './fakes.js';

const config = { discord: { token: null, applicationId: null, guildId: null, apiUrl: null } };

function chatInput(commandName: string) {
  return Object.assign(fakeInteraction({ commandName }), {
    isChatInputCommand: () => true,
    isAutocomplete: () => false,
    isRepliable: () => true,
  });
}

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
});

describe('createBot', () => {
  test('start without a token says so', async () => {
    bot = createBot({ config, commands: [], makeContext: testContext, logger: captureLogs().logger });
    await expect(bot.start()).rejects.toThrow(/DISCORD_TOKEN is not set/);
  });

  test('stop waits for in-flight handlers and turns new interactions away meanwhile', async () => {
    let finish: () => void = () => undefined;
    const slow = defineCommand(
      'slow',
      () => new Promise((resolve) => (finish = () => resolve({ data: { content: 'done' } }))),
    );
    const clock = new ManualClock();
    bot = createBot({
      config,
      commands: [slow],
      makeContext: testContext,
      logger: captureLogs().logger,
      clock,
    });
    const first = chatInput('slow');
    bot.client.emit(Events.InteractionCreate, first as never);
    await flushPromises();
    expect(bot.inFlight()).toBe(1);

    let stopped = false;
    const stopping = bot.stop().then(() => (stopped = true));
    const late = chatInput('slow');
    bot.client.emit(Events.InteractionCreate, late as never);
    await flushPromises();
    expect(stopped).toBe(false);
    expect(late.calls).toEqual([
      expect.objectContaining({ method: 'reply', options: expect.objectContaining({ flags: 64 }) }),
    ]);

    finish();
    await stopping;
    expect(first.calls.map((call) => call.method)).toContain('reply');
    expect(bot.inFlight()).toBe(0);
    expect(bot.stats.interactions).toBe(2);
  });

  test('the drain is bounded: a stuck handler does not block stop forever', async () => {
    const clock = new ManualClock();
    const { logger, lines } = captureLogs();
    const stuck = defineCommand('stuck', () => new Promise(() => undefined));
    bot = createBot({
      config,
      commands: [stuck],
      makeContext: testContext,
      logger,
      clock,
      drainTimeoutMs: 5000,
    });
    bot.client.emit(Events.InteractionCreate, chatInput('stuck') as never);
    await flushPromises();
    const stopping = bot.stop();
    await flushPromises();
    clock.fire(5000);
    await stopping;
    expect(lines.find((line) => line.msg === 'stopping with handlers still running')).toMatchObject({
      inFlight: 1,
    });
  });
});
