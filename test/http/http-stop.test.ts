import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { afterEach, expect, test } from 'vitest';
import { buildReply } from '../../src/core/reply.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createHttpBot, type HttpBot } from '../../src/http/http-bot.js';
import { literal } from '../../src/replies/safe-text.js';
import { captureLogs, defineCommand, testContext } from '../discord/fakes.js';

/** A graceful stop in HTTP mode: interactions already taken are finished (edits included), then it closes. */
let discord: LocalDiscord | null = null;
let bot: HttpBot | null = null;

afterEach(async () => {
  await bot?.stop();
  await discord?.close();
  bot = null;
  discord = null;
});

test('stop() waits for a deferred interaction to be edited, then refuses new connections', async () => {
  discord = await startLocalDiscord();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const slow = defineCommand('slow', async () => {
    started();
    await gate;
    return buildReply({ content: literal('done') });
  });
  const config = {
    discord: {
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: discord.guilds[0]?.id ?? null,
      apiUrl: discord.restUrl,
    },
  };
  await deployCommands({ config, commands: [slow] });
  bot = createHttpBot({
    config,
    commands: [slow],
    makeContext: testContext,
    logger: captureLogs().logger,
    deferAfterMs: 50,
    rest: { offset: 0, timeout: 5_000, retries: 1 },
    http: { publicKey: discord.publicKey, host: '127.0.0.1', port: 0, path: '/interactions' },
  });
  await bot.start();
  await discord.setInteractionsEndpoint(bot.url);

  const interaction = discord.injectCommand({ name: 'slow' });
  await running;
  expect((await interaction.response(10_000)).type).toBe(5);
  let stopped = false;
  const stopping = bot.stop().then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(interaction.edits.map((m) => m.content)).toEqual(['done']);
  await expect(discord.injectCommand({ name: 'slow' }).final(5_000)).rejects.toThrow(/did not answer/);
  expect(bot.stats.faults).toBe(0);
});
