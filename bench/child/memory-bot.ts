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
import { rssSplit } from './rss-split.js';

type Request = { type: 'measure'; gc: boolean } | { type: 'stop' };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

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

const send = (message: unknown) => process.send?.(message);
const measure = (gc: boolean) => {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    ...rssSplit(),
    guilds: runtime.bot.client.guilds.cache.size,
    channels: runtime.bot.client.channels.cache.size,
    users: runtime.bot.client.users.cache.size,
    interactions: runtime.bot.stats.interactions,
    faults: runtime.bot.stats.faults,
  };
};
process.on('message', (request: Request) => {
  if (request.type === 'measure') send({ type: 'measured', memory: measure(request.gc) });
  else if (request.type === 'stop')
    void runtime.stop().then(() => {
      send({ type: 'stopped' });
      process.disconnect();
    });
});
send({ type: 'ready' });
