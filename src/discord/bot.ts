import { once } from 'node:events';
import { type Client, Events, type Interaction, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Command, CommandContext, Invoker, Reply } from '../core/command.js';
import { buildReply } from '../core/reply.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { type Logger, redactUrlTokens } from '../logger.js';
import { createDiscordClient } from './client.js';
import { type Clock, systemClock } from './clock.js';
import { drainInFlight } from './drain.js';
import type { InteractionHandlerDeps } from './interaction-handler.js';
import { InteractionResponder, respondWithChoices } from './responder.js';
import { indexCommands, routeInteraction } from './router.js';

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

export function createBot(options: BotOptions): Bot {
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

  const track = (work: Promise<void>) => {
    const tracked = work
      .catch((err: unknown) => {
        stats.faults += 1;
        logger.error({ err }, 'interaction handling escaped its error boundary');
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  client.on(Events.InteractionCreate, (interaction) => {
    stats.interactions += 1;
    track(stopping ? turnAway(interaction, logger) : routeInteraction(interaction, deps));
  });
  watchClient(client, logger);

  const drain = () => drainInFlight(inFlight, { clock, timeoutMs: drainTimeoutMs, logger });

  return {
    client,
    stats,
    inFlight: () => inFlight.size,
    async start() {
      const { token } = config.discord;
      if (!token) throw new Error('DISCORD_TOKEN is not set: the bot cannot log in without it');
      const abort = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: abort.signal });
      try {
        await client.login(token);
        await ready;
      } catch (err) {
        abort.abort();
        await ready.catch(() => undefined);
        throw err;
      }
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, commands: deps.commands.size },
        'bot ready',
      );
    },
    stop() {
      stopping ??= (async () => {
        logger.info({ inFlight: inFlight.size }, 'stopping: draining in-flight interactions');
        await drain();
        await client.destroy();
        logger.info({ interactions: stats.interactions, faults: stats.faults }, 'bot stopped');
      })();
      return stopping;
    },
  };
}

/** While stopping, new interactions get a quick "try again" instead of Discord's "did not respond". */
async function turnAway(interaction: Interaction, logger: Logger): Promise<void> {
  if (interaction.isAutocomplete()) {
    await respondWithChoices(interaction, []).catch(() => undefined);
  } else if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu()) {
    await new InteractionResponder(interaction, logger)
      .send(restartingNotice(interaction))
      .catch(() => undefined);
  }
}

function watchClient(client: Client, logger: Logger): void {
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.debug({ shardId }, 'gateway reconnecting'));
  client.on(Events.Invalidated, () => logger.error('gateway session invalidated'));
  // Request URLs of interaction callbacks and webhooks carry the interaction token: log the bucket route.
  client.rest.on('rateLimited', ({ route, method, global, scope, timeToReset, limit }) =>
    logger.warn({ route, method, global, scope, timeToReset, limit }, 'rate limited'),
  );
  client.rest.on('response', (request, response) => {
    if (response.status !== 429) return;
    const { headers } = response;
    logger.warn(
      {
        route: redactUrlTokens(request.route),
        method: request.method,
        retryAfter: headers.get('retry-after'),
        scope: headers.get('x-ratelimit-scope'),
        global: headers.has('x-ratelimit-global'),
      },
      'rate limited',
    );
  });
  client.rest.on('invalidRequestWarning', ({ count, remainingTime }) =>
    logger.warn(
      { count, remainingTime },
      'many invalid requests (401/403/429): the IP ban threshold is 10,000 per 10 min',
    ),
  );
}
