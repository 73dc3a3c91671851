import type {
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';

/** Discord refused for good (no access, unknown channel): retrying would only spend the invalid-request budget. */
export class PermanentPostError extends Error {
  override readonly name = 'PermanentPostError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
  ) {
    super(message);
  }
}

/** Posts one message to a channel; resolves with the message id only after Discord answered 2xx. */
export interface ChannelPoster {
  post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<{ messageId: string }>;
  /** Replaces a posted message's content (PATCH); a refusal for good is a PermanentPostError. */
  edit(channelId: string, messageId: string, body: RESTPatchAPIChannelMessageJSONBody): Promise<void>;
}

/** Discord's "Unknown Message": the recap was deleted (by a moderator); the channel itself is fine. */
export const UNKNOWN_MESSAGE = 10008;

/** Discord's answers that will not change by retrying: missing access/permissions, unknown channel/guild. */
export const PERMANENT_CODES = new Set([10003, 10004, 50001, 50013, 50008]);

export function isPermanentFailure(status: number, code: number | null): boolean {
  return status === 403 || status === 404 || (code !== null && PERMANENT_CODES.has(code));
}
