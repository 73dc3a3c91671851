import type { Client, RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Command, CommandContext, Invoker, Reply } from '../core/command.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import type { Logger } from '../logger.js';
import { createDiscordClient } from './client.js';
import { type Clock, systemClock } from './clock.js';
import { drainInFlight } from './drain.js';
import type { InteractionHandlerDeps } from './interaction-handler.js';
import { indexCommands } from './router.js';

export interface BotOptions {
  config: Pick<Config, 'discord'>;
  commands: readonly Command[];
  makeContext: (invoker: Invoker) => CommandContext;
  logger: Logger;
  /** Timer source for the defer deadline and the drain bound. */
  clock?: Clock;
  /** A handler still running after this long is deferred (Discord's limit is 3 s). Default 2000. */
  deferAfterMs?: number;
  /** How long stop() waits for in-flight handlers before destroying the client anyway. Default 10 s. */
  drainTimeoutMs?: number;
  rest?: Partial<RESTOptions>;
}

export interface BotStats {
  interactions: number;
  /** Counted by the lifecycle's `unhandledRejection` listener; tests assert it stays 0. */
  unhandledRejections: number;
  /** Unexpected handler errors (not user errors). */
  faults: number;
}

export interface Bot {
  client: Client;
  /** Logs in; resolves once the client is ready (every guild received). */
  start(): Promise<void>;
  /** Stops taking work, lets in-flight handlers finish (bounded), destroys the client. Idempotent. */
  stop(): Promise<void>;
  inFlight(): number;
  stats: BotStats;
}

/** The answer to an interaction that arrives while the bot is stopping, in the user's language. */
export function restartingNotice(interaction: { readonly locale?: string | null }): Reply {
  return buildReply({ content: t(replyLocale(interaction), 'replies.errors.restarting'), ephemeral: true });
}

export interface BotCore {
  client: Client;
  stats: BotStats;
  deps: InteractionHandlerDeps;
  /** True from the first stop() on: new interactions are turned away. */
  readonly stopping: boolean;
  inFlight(): number;
  /** Counts an interaction and keeps its handling in flight until it settles; an escaped error is a fault. */
  track(work: Promise<void>, logContext?: object): Promise<void>;
  /**
   * Once: stops taking work, runs `closeIntake` (given the drain bound) alongside the drain of in-flight
   * handlers, then destroys the client. Later calls return the same promise.
   */
  stop(closeIntake?: (drainTimeoutMs: number) => Promise<void>): Promise<void>;
}

/** What the gateway and HTTP bots share: option defaults, the REST client, handler deps, in-flight work, stop. */
export function createBotCore(options: BotOptions): BotCore {
  const { config, logger, clock = systemClock, deferAfterMs = 2000, drainTimeoutMs = 10_000 } = options;
  const client = createDiscordClient({
    apiUrl: config.discord.apiUrl,
    ...(options.rest && { rest: options.rest }),
  });
  const stats: BotStats = { interactions: 0, unhandledRejections: 0, faults: 0 };
  const inFlight = new Set<Promise<void>>();
  const deps: InteractionHandlerDeps = {
    commands: indexCommands(options.commands),
    makeContext: options.makeContext,
    logger,
    clock,
    deferAfterMs,
    onFault: () => {
      stats.faults += 1;
    },
  };
  let stopping: Promise<void> | null = null;

  return {
    client,
    stats,
    deps,
    get stopping() {
      return stopping !== null;
    },
    inFlight: () => inFlight.size,
    track(work, logContext = {}) {
      stats.interactions += 1;
      const tracked: Promise<void> = work
        .catch((err: unknown) => {
          stats.faults += 1;
          logger.error({ err, ...logContext }, 'interaction handling escaped its error boundary');
        })
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return tracked;
    },
    stop(closeIntake) {
      stopping ??= (async () => {
        logger.info({ inFlight: inFlight.size }, 'stopping: draining in-flight interactions');
        const closed = closeIntake?.(drainTimeoutMs);
        await drainInFlight(inFlight, { clock, timeoutMs: drainTimeoutMs, logger });
        await closed;
        await client.destroy();
        logger.info({ interactions: stats.interactions, faults: stats.faults }, 'bot stopped');
      })();
      return stopping;
    },
  };
}
