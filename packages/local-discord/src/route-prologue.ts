/**
 * What route handlers check before their work — the application in the path, the channel, guild, message
 * or interaction webhook it names, the bot's permissions, the body — in one place. Each check returns what
 * it found or throws a `Refusal` carrying Discord's error answer; `answerRefusals` turns that into the
 * response, so a handler reads as its prologue followed by its work.
 */
import { Errors } from './errors.js';
import type { RestRequest, RestResponse, RouteDef } from './http.js';
import type { InteractionRecord } from './interaction-record.js';
import type { InteractionRegistry } from './interactions.js';
import { Permission } from './permissions.js';
import type { ChannelRecord, GuildRecord, Json, LocalState, StoredMessage } from './state.js';
import { toFormErrors, type ValidationProblem } from './validation.js';

export class Refusal extends Error {
  constructor(readonly response: RestResponse) {
    super(`refused with ${response.status}`);
  }
}

/** Ends the request with `response`. */
export function refuse(response: RestResponse): never {
  throw new Refusal(response);
}

/** The same routes, answering a Refusal thrown by their handler with its response. */
export function answerRefusals(routes: readonly RouteDef[]): RouteDef[] {
  const answer = (error: unknown): RestResponse => {
    if (error instanceof Refusal) return error.response;
    throw error;
  };
  return routes.map((route) => ({
    ...route,
    handler: (req) => {
      try {
        const result = route.handler(req);
        return result instanceof Promise ? result.catch(answer) : result;
      } catch (error) {
        return answer(error);
      }
    },
  }));
}

export const ok = (body: unknown, status = 200): RestResponse => ({ status, body });
export const noContent = (): RestResponse => ({ status: 204 });

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object; `{}` for anything else (validation has already said what was wrong). */
export const bodyOf = (req: RestRequest): Json => (isObject(req.body) ? req.body : {});

export interface Prologue {
  /** 400 (50035, or 50006 for an empty message) for a body with problems, recorded; null when valid. */
  invalidBody(req: RestRequest, problems: ValidationProblem[]): RestResponse | null;
  /** Refuses a body with problems (see invalidBody). */
  validBody(req: RestRequest, problems: ValidationProblem[]): void;
  /** Refuses with 403 unless the path's `:applicationId` is this application. */
  ownApplication(req: RestRequest): void;
  /** The `:channelId` the bot can see: 404 when unknown, 403 when out of reach or not viewable. */
  visibleChannel(req: RestRequest): ChannelRecord;
  /** Refuses with 403 (50013) unless the bot has every bit of `permissions` in `channel`. */
  botMay(channel: ChannelRecord, permissions: bigint): void;
  /** The live `:messageId` in `:channelId`, else 404 (10008). */
  channelMessage(req: RestRequest): StoredMessage;
  /** The `:guildId` the bot is in, else 404 (10004). */
  guild(req: RestRequest): GuildRecord;
  /** The interaction behind `/webhooks/:applicationId/:interactionToken`, or Discord's error. */
  webhookInteraction(req: RestRequest): InteractionRecord;
  /** `:messageId` (or `@original`) among the messages of that interaction, else 404 (10008). */
  webhookMessage(req: RestRequest, record: InteractionRecord): StoredMessage;
}

export function createPrologue(
  state: LocalState,
  interactions: InteractionRegistry | null,
  recordValidationFailure: (req: RestRequest, problems: ValidationProblem[]) => void,
): Prologue {
  const invalidBody = (req: RestRequest, problems: ValidationProblem[]): RestResponse | null => {
    if (problems.length === 0) return null;
    recordValidationFailure(req, problems);
    if (problems.every((p) => p.discordCode === 50006)) return Errors.emptyMessage();
    return Errors.invalidFormBody(toFormErrors(problems));
  };
  return {
    invalidBody,
    validBody(req, problems) {
      const bad = invalidBody(req, problems);
      if (bad) refuse(bad);
    },
    ownApplication(req) {
      if (req.params.applicationId !== state.applicationId) refuse(Errors.missingAccess());
    },
    visibleChannel(req) {
      const channel = state.channels.get(req.params.channelId ?? '');
      if (!channel?.exists) return refuse(Errors.unknownChannel());
      // A channel of a guild the bot has left still exists, but is out of reach.
      if (!state.guilds.has(channel.guildId)) refuse(Errors.missingAccess());
      if ((state.botPermissions(channel) & Permission.ViewChannel) === 0n) refuse(Errors.missingAccess());
      return channel;
    },
    botMay(channel, permissions) {
      if ((state.botPermissions(channel) & permissions) !== permissions) refuse(Errors.missingPermissions());
    },
    channelMessage(req) {
      const stored = state.messages.get(req.params.messageId ?? '');
      if (!stored || stored.deleted || stored.channelId !== req.params.channelId)
        return refuse(Errors.unknownMessage());
      return stored;
    },
    guild(req) {
      return state.guilds.get(req.params.guildId ?? '') ?? refuse(Errors.unknownGuild());
    },
    webhookInteraction(req) {
      if (req.params.applicationId !== state.applicationId) refuse(Errors.unknownWebhook());
      const record = interactions?.byToken.get(req.params.interactionToken ?? '');
      if (!record || record.isTokenExpired(req.now)) return refuse(Errors.invalidWebhookToken());
      if (!record.callback || record.callback.type === 8) refuse(Errors.unknownWebhook());
      return record;
    },
    webhookMessage(req, record) {
      const id = req.params.messageId === '@original' ? record.originalMessageId : req.params.messageId;
      const stored = id ? state.messages.get(id) : undefined;
      if (!stored || stored.deleted) return refuse(Errors.unknownMessage());
      const belongs =
        id === record.originalMessageId ||
        record.followUps.some((m) => m.id === id) ||
        stored.interactionId === record.id;
      return belongs ? stored : refuse(Errors.unknownMessage());
    },
  };
}
