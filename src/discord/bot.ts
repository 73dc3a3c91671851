import { once } from 'node:events';
import { type Client, Events, type Interaction } from 'discord.js';
import { type Logger, redactUrlTokens } from '../logger.js';
import { type Bot, type BotOptions, createBotCore, restartingNotice } from './bot-core.js';
import { InteractionResponder, respondWithChoices } from './responder.js';
import { routeInteraction } from './router.js';

export function createBot(options: BotOptions): Bot {
  const { config, logger } = options;
  const core = createBotCore(options);
  const { client, deps } = core;

  client.on(Events.InteractionCreate, (interaction) => {
    void core.track(core.stopping ? turnAway(interaction, logger) : routeInteraction(interaction, deps));
  });
  watchClient(client, logger);

  return {
    client,
    stats: core.stats,
    inFlight: core.inFlight,
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
    stop: () => core.stop(),
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
