import { Routes } from 'discord.js';
import type { HttpEndpointConfig } from '../config.js';
import { type Bot, type BotOptions, type BotStats, restartingNotice } from '../discord/bot.js';
import { createDiscordClient } from '../discord/client.js';
import { systemClock } from '../discord/clock.js';
import { drainInFlight } from '../discord/drain.js';
import {
  handleAutocomplete,
  handleChatInputCommand,
  type InteractionHandlerDeps,
} from '../discord/interaction-handler.js';
import { InteractionResponder, respondWithChoices } from '../discord/responder.js';
import { indexCommands } from '../discord/router.js';
import { HttpInteraction, type InlineAnswer } from './http-interaction.js';
import { InteractionKind, type InteractionPayload } from './interaction-payload.js';
import { createInteractionsServer } from './interactions-server.js';

export interface HttpBotOptions extends BotOptions {
  http: HttpEndpointConfig & { publicKey: string };
  /** Bounds of the endpoint (see InteractionsServerOptions); tests shorten them. */
  answerTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Clock for the signature's age (tests). */
  now?: () => number;
}

export interface HttpBot extends Bot {
  /** The endpoint's URL once started (its port when 0 was asked for). */
  readonly url: string | null;
  /** The bot's user id, read from REST at start (channel checks need it). */
  readonly userId: string | null;
}

/**
 * The bot in HTTP mode: no gateway connection; Discord POSTs each interaction to the endpoint, which
 * answers it inline through the same handlers as the gateway bot (interaction-handler.ts). REST (edits
 * after a deferral, recaps) goes through a discord.js client that never logs in, only holds the token.
 */
export function createHttpBot(options: HttpBotOptions): HttpBot {
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
  let url: string | null = null;
  let userId: string | null = null;

  const handle = (payload: InteractionPayload, inline: InlineAnswer): Promise<void> => {
    const interaction = new HttpInteraction(payload, inline, client.rest);
    const autocomplete = payload.type === InteractionKind.Autocomplete;
    if (stopping) {
      return autocomplete
        ? respondWithChoices(interaction, [])
        : new InteractionResponder(interaction, logger).send(restartingNotice(interaction));
    }
    return autocomplete ? handleAutocomplete(interaction, deps) : handleChatInputCommand(interaction, deps);
  };

  const dispatch = (payload: InteractionPayload, inline: InlineAnswer): Promise<void> => {
    stats.interactions += 1;
    const tracked: Promise<void> = handle(payload, inline)
      .catch((err: unknown) => {
        stats.faults += 1;
        logger.error({ err, interactionId: payload.id }, 'interaction handling escaped its error boundary');
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  const server = createInteractionsServer({
    ...options.http,
    logger,
    dispatch,
    health: () => ({ pid: process.pid, inFlight: inFlight.size, stopping: stopping !== null }),
    ...(options.answerTimeoutMs !== undefined && { answerTimeoutMs: options.answerTimeoutMs }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.now && { now: options.now }),
  });

  const drain = () => drainInFlight(inFlight, { clock, timeoutMs: drainTimeoutMs, logger });

  return {
    client,
    stats,
    inFlight: () => inFlight.size,
    get url() {
      return url;
    },
    get userId() {
      return userId;
    },
    async start() {
      const { token } = config.discord;
      if (!token) throw new Error('DISCORD_TOKEN is not set: the bot cannot call Discord without it');
      client.rest.setToken(token);
      const me = (await client.rest.get(Routes.user())) as { id: string; username?: string };
      userId = me.id;
      url = await server.listen();
      logger.info({ url, user: me.username, commands: deps.commands.size }, 'interactions endpoint ready');
    },
    stop() {
      stopping ??= (async () => {
        logger.info({ inFlight: inFlight.size }, 'stopping: draining in-flight interactions');
        // Requests already accepted are answered ("restarting" for new ones); no new connection is taken.
        const closed = server.close(drainTimeoutMs);
        await drain();
        await closed;
        await client.destroy();
        logger.info({ interactions: stats.interactions, faults: stats.faults }, 'bot stopped');
      })();
      return stopping;
    },
  };
}
