import { DiscordAPIError, type REST } from 'discord.js';
import {
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord-api-types/v10';
import { isPermanentFailure, PermanentPostError } from './poster.js';

/** The message is gone (deleted by someone): Discord answers 404 Unknown Message (10008). */
export class MessageGoneError extends Error {
  override readonly name = 'MessageGoneError';
}

/** What the living post job does on Discord; tests may give a fake. */
export interface LivePostClient {
  post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): Promise<void>;
  /** Throws MessageGoneError when the message was deleted. */
  check(channelId: string, messageId: string): Promise<void>;
  /** True when pinned; false when the bot may not pin there (that is allowed, not a failure). */
  pin(channelId: string, messageId: string): Promise<boolean>;
}

const UNKNOWN_MESSAGE = 10008;

/** Through discord.js's REST queue: per-route buckets and the global limit pace every request. */
export function createLivePostClient(rest: REST): LivePostClient {
  const classify = (error: unknown): never => {
    if (error instanceof DiscordAPIError) {
      const code = typeof error.code === 'number' ? error.code : null;
      if (code === UNKNOWN_MESSAGE) throw new MessageGoneError(error.message);
      if (isPermanentFailure(error.status, code))
        throw new PermanentPostError(error.message, error.status, code);
    }
    throw error;
  };
  return {
    async post(channelId, body) {
      const message = (await rest
        .post(Routes.channelMessages(channelId), { body })
        .catch(classify)) as RESTPostAPIChannelMessageResult;
      return { messageId: message.id };
    },
    async edit(channelId, messageId, body) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body }).catch(classify);
    },
    async check(channelId, messageId) {
      await rest.get(Routes.channelMessage(channelId, messageId)).catch(classify);
    },
    async pin(channelId, messageId) {
      try {
        await rest.put(Routes.channelMessagesPin(channelId, messageId));
        return true;
      } catch (error) {
        if (error instanceof DiscordAPIError && error.status === 403) return false;
        throw error;
      }
    },
  };
}
