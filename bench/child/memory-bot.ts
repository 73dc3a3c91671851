/**
 * Memory probe, run in a fresh process by bench/memory.ts: the real runtime (startRuntime: seasons, SQLite
 * storage, the discord.js client) logged in to a local Discord that lives in the parent process, so this
 * process holds only the bot. The parent asks for measurements over IPC.
 *
 * Also the bot of the end-to-end section (bench/e2e.ts), with BENCH_FLOOR=1: the product's commands plus
 * the floor command, in a process of its own run as `npm start` runs, timed from the parent.
 *
 * Environment: BENCH_TOKEN, BENCH_APPLICATION_ID, BENCH_API_URL, BENCH_STORE, BENCH_FLOOR.
 */
import { commands } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import { createLogger } from '../../src/logger.js';
import { startRuntime } from '../../src/runtime.js';
import { floorCommand } from '../floor-command.js';
import { env, serveProbe } from './probe-protocol.js';

const config: Config = {
  nodeEnv: 'production',
  discord: {
    token: env('BENCH_TOKEN'),
    applicationId: env('BENCH_APPLICATION_ID'),
    guildId: null,
    apiUrl: env('BENCH_API_URL'),
  },
  logLevel: 'warn',
  dataDir: DEFAULT_DATA_DIR,
  defaultSeason: null,
  recaps: { storeUrl: env('BENCH_STORE'), catchUpHours: 48, schedule: '*/20 * * * * *' },
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const runtime = await startRuntime({
  config,
  logger,
  ...(process.env.BENCH_FLOOR === '1' ? { commands: [...commands, floorCommand] } : {}),
  rest: { offset: 0 },
  schedule: false,
  watchData: false,
});

serveProbe({
  client: runtime.bot.client,
  counts: () => ({ interactions: runtime.bot.stats.interactions, faults: runtime.bot.stats.faults }),
  stop: () => runtime.stop(),
});
