import { commands } from '../../commands/index.js';
import { ConfigError, readConfig } from '../config.js';
import { createAppContext, describeProblems } from '../core/app-context.js';
import { createLogger } from '../logger.js';
import { createBot } from './bot.js';
import { installLifecycle } from './lifecycle.js';

// `tsx src/discord/main.ts`: load .env, the seasons and the commands, log in, stop gracefully on a signal.
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger({ level: config.logLevel });
const app = createAppContext({ dataDir: config.dataDir, defaultSeason: config.defaultSeason });
if (app.problems.size > 0) {
  logger.warn(
    { problems: describeProblems(app.problems) },
    'some seasons failed to load; serving the others',
  );
}

const bot = createBot({ config, commands, makeContext: app.makeContext, logger });
installLifecycle({ stop: () => bot.stop(), logger, stats: bot.stats });

try {
  await bot.start();
} catch (err) {
  logger.fatal({ err }, 'could not log in');
  await bot.stop();
  process.exit(1);
}
