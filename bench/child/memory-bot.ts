/**
 * Memory probe, run in a fresh process by bench/memory.ts: the real runtime (startRuntime: seasons, SQLite
 * storage, the discord.js client) logged in to a local Discord that lives in the parent process, so this
 * process holds only the bot. The parent asks for measurements over IPC.
 *
 * Also the bot of the end-to-end section (bench/e2e.ts), with BENCH_FLOOR=1: the product's commands plus
 * the floor command, in a process of its own run as `npm start` runs, timed from the parent.
 *
 * With BENCH_MODE=http (and BENCH_PUBLIC_KEY, the local Discord's key) it runs HTTP mode: an endpoint on a
 * free loopback port whose URL goes to the parent with 'ready'; no gateway connection.
 *
 * Environment: BENCH_TOKEN, BENCH_APPLICATION_ID, BENCH_API_URL, BENCH_STORE, BENCH_FLOOR,
 * BENCH_FLOOR_BEFORE_ROUTER, BENCH_MODE, BENCH_PUBLIC_KEY.
 */
import { commands } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { DEFAULT_DATA_DIR } from '../../src/core/app-context.js';
import { createLogger } from '../../src/logger.js';
import { startRuntime } from '../../src/runtime.js';
import { floorCommand } from '../floor-command.js';
import { answerFloors } from '../floor-press.js';
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
  ...(process.env.BENCH_MODE === 'http' && {
    mode: 'http' as const,
    http: { publicKey: env('BENCH_PUBLIC_KEY'), host: '127.0.0.1', port: 0, path: '/interactions' },
  }),
};
// HTTP mode warns for each invalid-signature probe the local Discord sends on purpose: expected here.
const logger = createLogger({
  level: process.env.BENCH_MODE === 'http' ? 'error' : 'warn',
  destination: process.stderr,
});
const runtime = await startRuntime({
  config,
  logger,
  ...(process.env.BENCH_FLOOR === '1' ? { commands: [...commands, floorCommand] } : {}),
  rest: { offset: 0 },
  schedule: false,
  watchData: false,
});

// The floors (bench/floor-press.ts) are answered before the bot's router: presses on the floor's buttons,
// and with BENCH_FLOOR_BEFORE_ROUTER=1 (the end-to-end section) the floor command too.
if (process.env.BENCH_FLOOR === '1')
  answerFloors(runtime.bot.client, { commands: process.env.BENCH_FLOOR_BEFORE_ROUTER === '1' });

serveProbe({
  client: runtime.bot.client,
  counts: () => ({ interactions: runtime.bot.stats.interactions, faults: runtime.bot.stats.faults }),
  stop: () => runtime.stop(),
  ready: { interactionsUrl: runtime.interactionsUrl },
});
