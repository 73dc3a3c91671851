import { Routes } from 'discord.js';
import { handleComponentPress } from '../components/press-handler.js';
import type { HttpEndpointConfig } from '../config.js';
import { type Bot, type BotOptions, createBotCore, restartingNotice } from '../discord/bot-core.js';
import { handleAutocomplete, handleChatInputCommand } from '../discord/interaction-handler.js';
import { InteractionResponder, respondWithChoices } from '../discord/responder.js';
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
 * answers it inline through the same handlers as the gateway bot (interaction-handler.ts; press-handler.ts
 * for buttons and menus). REST (edits after a deferral, recaps) goes through a discord.js client that never
 * logs in, only holds the token.
 */
export function createHttpBot(options: HttpBotOptions): HttpBot {
  const { config, logger } = options;
  const core = createBotCore(options);
  const { client, deps } = core;
  let url: string | null = null;
  let userId: string | null = null;

  const handle = (payload: InteractionPayload, inline: InlineAnswer): Promise<void> => {
    const interaction = new HttpInteraction(payload, inline, client.rest);
    const autocomplete = payload.type === InteractionKind.Autocomplete;
    if (core.stopping) {
      return autocomplete
        ? respondWithChoices(interaction, [])
        : new InteractionResponder(interaction, logger).send(restartingNotice(interaction));
    }
    if (autocomplete) return handleAutocomplete(interaction, deps);
    // The endpoint dispatches only buttons and string selects (unhandledReason), the gateway router's set.
    if (payload.type === InteractionKind.Component) return handleComponentPress(interaction, deps);
    return handleChatInputCommand(interaction, deps);
  };

  const server = createInteractionsServer({
    ...options.http,
    logger,
    dispatch: (payload, inline) => core.track(handle(payload, inline), { interactionId: payload.id }),
    health: () => ({ pid: process.pid, inFlight: core.inFlight(), stopping: core.stopping }),
    ...(options.answerTimeoutMs !== undefined && { answerTimeoutMs: options.answerTimeoutMs }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.now && { now: options.now }),
  });

  return {
    client,
    stats: core.stats,
    inFlight: core.inFlight,
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
    // Requests already accepted are answered ("restarting" for new ones); no new connection is taken.
    stop: () => core.stop((drainTimeoutMs) => server.close(drainTimeoutMs)),
  };
}
