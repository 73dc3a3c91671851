/** What the REST route builders share: the local Discord's parts, the prologue checks, bot message creation. */
import type { GatewayServer } from './gateway.js';
import { Intent } from './gateway.js';
import type { RestRequest } from './http.js';
import type { InteractionRecord } from './interaction-record.js';
import type { InteractionRegistry } from './interactions.js';
import { buildMessage, MessageFlag } from './messages.js';
import type { Prologue } from './route-prologue.js';
import type { Json, LocalState } from './state.js';
import type { ValidationProblem } from './validation.js';

export interface RouteCore {
  state: LocalState;
  gateway: GatewayServer;
  interactions: InteractionRegistry;
  nonceWindowMs: number;
  /** The shard count /gateway/bot recommends; default one per 1,000 guilds, as Discord roughly does. */
  recommendedShards?: number;
  recordValidationFailure(req: RestRequest, problems: ValidationProblem[]): void;
}

export interface BotMessageOptions {
  type?: number;
  flags?: number;
  interaction?: InteractionRecord;
  nonce?: string | number;
  dropEmbeds?: boolean;
  now: number;
}

export interface RouteKit extends RouteCore {
  need: Prologue;
  /** A message from the bot (from an interaction's webhook when `interaction` is given). */
  botMessage(
    channelId: string,
    guildId: string | null,
    body: Json,
    attachments: Json[],
    options: BotMessageOptions,
  ): Json;
  /** MESSAGE_CREATE to the gateway, unless the message is ephemeral. */
  announce(message: Json): void;
}

export const CREATE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;
export const INTERACTION_FLAGS = CREATE_FLAGS | MessageFlag.Ephemeral;

export function createRouteKit(core: RouteCore, need: Prologue): RouteKit {
  const { state, gateway } = core;
  return {
    ...core,
    need,
    botMessage(channelId, guildId, body, attachments, options) {
      const interaction = options.interaction;
      const invoker = (interaction?.payload.member as Json | undefined)?.user ?? interaction?.payload.user;
      const message = buildMessage(state, {
        id: state.ids.next(options.now),
        channelId,
        guildId,
        author: state.botUser,
        body,
        attachments,
        type: options.type ?? 0,
        flags: options.flags ?? 0,
        nonce: options.nonce,
        dropEmbeds: options.dropEmbeds,
        now: options.now,
        ...(interaction
          ? {
              webhookId: state.applicationId,
              applicationId: state.applicationId,
              interactionMetadata: {
                id: interaction.id,
                type: interaction.type,
                user: invoker,
                authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
              },
            }
          : {}),
      });
      if (interaction && interaction.type === 2) {
        message.interaction = {
          id: interaction.id,
          type: 2,
          name: (interaction.payload.data as Json | undefined)?.name,
          user: invoker,
        };
      }
      return message;
    },
    announce(message) {
      const flags = typeof message.flags === 'number' ? message.flags : 0;
      if (flags & MessageFlag.Ephemeral) return;
      const guildId = typeof message.guild_id === 'string' ? message.guild_id : null;
      gateway.dispatch(guildId, 'MESSAGE_CREATE', message, Intent.GuildMessages);
    },
  };
}
