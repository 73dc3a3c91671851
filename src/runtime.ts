import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import { commands } from '../commands/index.js';
import { createDiscordPoster } from './announce/discord-poster.js';
import { createLivePostClient } from './announce/live-standings-discord.js';
import { createLiveStandingsJob, withLiveStandings } from './announce/live-standings-job.js';
import { createRecapPoller, type RecapPoller, reportDataLoss } from './announce/recap-poller.js';
import { createRecapScheduler } from './announce/scheduler.js';
import type { Config } from './config.js';
import { type AppContext, createAppContext, describeProblems } from './core/app-context.js';
import type { BotServices, Command, Invoker } from './core/command.js';
import { createBot } from './discord/bot.js';
import type { Bot } from './discord/bot-core.js';
import { checkChannel } from './discord/channel-check.js';
import { checkChannelOverRest } from './http/channel-check-rest.js';
import { createFleetPacer, pacedRequest } from './http/fleet-pacer.js';
import { createHttpBot, type HttpBot } from './http/http-bot.js';
import type { Logger } from './logger.js';
import { watchSeasons } from './season/watch.js';
import { createResilientStore } from './store/resilient-store.js';
import { SettingsStore } from './store/settings-store.js';

export interface Runtime {
  app: AppContext;
  bot: Bot;
  poller: RecapPoller;
  /** HTTP mode: the Interactions Endpoint URL the bot listens on; null in gateway mode. */
  interactionsUrl: string | null;
  /** Run one recap tick now (tests, sandbox). */
  tickRecaps(): Promise<void>;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  rest?: Partial<RESTOptions>;
  /** The injected clock (tests); real time otherwise. */
  now?: () => Date;
  /** Skip the cron schedule (tests drive ticks themselves). */
  schedule?: boolean;
  watchData?: boolean;
  /** The slash commands served; the product's (commands/index.ts) unless given (benchmarks add a floor). */
  commands?: readonly Command[];
  /** Least time between two edits of one living standings post (default 10 s; tests use 0). */
  liveEditIntervalMs?: number;
}

/**
 * The whole bot process: seasons (hot-reloaded), storage, the Discord client, the recap scheduler.
 * `stop()` is the graceful order: stop the scheduler and the watcher, drain and destroy the client, close
 * storage.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const pinned = config.pinnedNow;
  const now = options.now ?? (pinned ? () => pinned : () => new Date());
  const app = createAppContext({ dataDir: config.dataDir, defaultSeason: config.defaultSeason, now });
  if (app.problems.size > 0)
    logger.warn(
      { problems: describeProblems(app.problems) },
      'some seasons failed to load; serving the others',
    );

  const store = createResilientStore({ url: config.recaps.storeUrl });
  if (!(await store.ready()))
    logger.error({ store: store.kind }, 'storage unavailable at start-up; recaps and /setup wait for it');
  let bot: Bot | null = null;
  let httpBot: HttpBot | null = null;
  // One settings store for /setup and the poller: its epoch marker is what notices a loss of stored data.
  const settings = new SettingsStore(store, {
    clock: now,
    onDataLoss: (loss) => reportDataLoss(logger, loss),
  });
  const services: BotServices = {
    settings,
    store,
    catchUpHours: config.recaps.catchUpHours,
    checkChannel: (guildId, channelId) =>
      httpBot?.userId
        ? checkChannelOverRest(httpBot.client.rest, httpBot.userId, guildId, channelId)
        : bot
          ? checkChannel(bot.client, guildId, channelId)
          : Promise.resolve({ ok: false, problem: 'not connected' }),
  };
  // Processes sharing Redis may be a fleet: their bot-token REST calls share Discord's global limit.
  const pacer =
    store.kind === 'redis'
      ? await createFleetPacer({
          redisUrl: config.recaps.storeUrl,
          fleetProcesses: config.workers ?? 1,
          logger,
        })
      : null;
  const rest = pacer
    ? {
        ...options.rest,
        makeRequest: pacedRequest(pacer, options.rest?.makeRequest ?? DefaultRestOptions.makeRequest),
      }
    : options.rest;
  const botOptions = {
    config,
    commands: options.commands ?? commands,
    makeContext: (invoker: Invoker) => ({ ...app.makeContext(invoker), services }),
    logger,
    ...(rest ? { rest } : {}),
  };
  if (config.mode === 'http') {
    const publicKey = config.http?.publicKey;
    if (!config.http || !publicKey) throw new Error('DISCORD_PUBLIC_KEY is not set: HTTP mode needs it');
    bot = httpBot = createHttpBot({ ...botOptions, http: { ...config.http, publicKey } });
  } else {
    bot = createBot(botOptions);
  }
  await bot.start();

  const poller = createRecapPoller({
    store,
    settings,
    catalog: app.catalog,
    poster: createDiscordPoster(bot.client.rest),
    now,
    logger,
    catchUpHours: config.recaps.catchUpHours,
    ...(config.recaps.leaseMs !== undefined && { leaseMs: config.recaps.leaseMs }),
  });
  const live = createLiveStandingsJob({
    store,
    catalog: app.catalog,
    client: createLivePostClient(bot.client.rest),
    now,
    logger,
    ...(options.liveEditIntervalMs !== undefined && { minEditIntervalMs: options.liveEditIntervalMs }),
  });
  const scheduler = createRecapScheduler(
    withLiveStandings(poller, live, logger),
    logger,
    config.recaps.schedule,
  );
  services.refreshLiveStandings = () => void scheduler.runNow();
  if (options.schedule !== false) {
    scheduler.start();
    void scheduler.runNow();
  }
  const watcher =
    options.watchData === false
      ? null
      : watchSeasons({
          directory: config.dataDir,
          catalog: app.catalog,
          logger,
          // Newly published results make rounds due at once, not at the next tick.
          onReload: () => {
            void scheduler.runNow();
          },
        });

  let stopping: Promise<void> | null = null;
  const running = bot;
  return {
    app,
    bot: running,
    poller,
    interactionsUrl: httpBot?.url ?? null,
    tickRecaps: () => scheduler.runNow(),
    stop: () => {
      stopping ??= (async () => {
        watcher?.close();
        await scheduler.stop();
        await poller.release();
        await running.stop();
        await pacer?.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
