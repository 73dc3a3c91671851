/**
 * The bot as a process of its own, for tests that kill it: configuration from the environment exactly as
 * `npm start` reads it (DISCORD_TOKEN, DISCORD_API_URL, PITBOARD_STORE_URL, PITBOARD_RECAP_SCHEDULE, …),
 * the production runtime and lifecycle, JSON log lines on stdout.
 *
 *   node --import tsx test/support/recap-bot-process.ts
 *
 * Test-only knobs: PITBOARD_TEST_REST_TIMEOUT_MS (default 15000) and PITBOARD_TEST_REST_RETRIES (default 3)
 * tune discord.js's REST client. The line `{"msg":"recap bot process ready"}` marks a connected bot.
 */
import { loadConfig } from '../../src/config.js';
import { installLifecycle } from '../../src/discord/lifecycle.js';
import { createLogger } from '../../src/logger.js';
import { startRuntime } from '../../src/runtime.js';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel });
const runtime = await startRuntime({
  config,
  logger,
  rest: {
    offset: 0,
    timeout: Number(process.env.PITBOARD_TEST_REST_TIMEOUT_MS ?? 15_000),
    retries: Number(process.env.PITBOARD_TEST_REST_RETRIES ?? 3),
  },
  watchData: false,
});
installLifecycle({ stop: () => runtime.stop(), logger, stats: runtime.bot.stats });
logger.info({ pid: process.pid, guilds: runtime.bot.client.guilds.cache.size }, 'recap bot process ready');
