import cluster from 'node:cluster';
import { ConfigError, readConfig } from './config.js';
import { installLifecycle } from './discord/lifecycle.js';
import { superviseWorkers } from './http/workers.js';
import { createLogger } from './logger.js';
import { startRuntime } from './runtime.js';
import { runSandbox } from './sandbox/sandbox.js';
import { SeasonsUnavailableError } from './season/unavailable-seasons.js';

/** No season to serve is the operator's mistake: the report, every problem in it, and exit 1 — no stack. */
function exitIfNoSeason(error: unknown): void {
  if (!(error instanceof SeasonsUnavailableError)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

// `npm start`: with DISCORD_TOKEN, the bot on Discord; without one, the sandbox (a local Discord + a prompt).
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

if (!config.discord.token) {
  try {
    process.exitCode = await runSandbox({ config, stdin: process.stdin, stdout: process.stdout });
  } catch (error) {
    exitIfNoSeason(error);
    throw error;
  }
} else if (config.mode === 'http' && (config.workers ?? 1) > 1 && cluster.isPrimary) {
  // HTTP mode on several cores: this process only supervises; each worker runs the branch below.
  const logger = createLogger({ level: config.logLevel, base: { role: 'primary' } });
  process.exitCode = await superviseWorkers({ workers: config.workers ?? 1, logger });
} else {
  const logger = createLogger({
    level: config.logLevel,
    ...(cluster.isWorker && { base: { worker: cluster.worker?.id, pid: process.pid } }),
  });
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime({ config, logger });
  } catch (err) {
    exitIfNoSeason(err);
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  }
  installLifecycle({ stop: () => runtime.stop(), logger, stats: runtime.bot.stats });
  logger.info({ guilds: runtime.bot.client.guilds.cache.size }, 'Pitboard is running');
}
