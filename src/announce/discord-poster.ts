import { DiscordAPIError, type REST } from 'discord.js';
import { type RESTPostAPIChannelMessageResult, Routes } from 'discord-api-types/v10';
import { type ChannelPoster, isPermanentFailure, PermanentPostError } from './poster.js';

/** Posts through discord.js's REST queue, which keeps within Discord's global and per-route limits. */
export function createDiscordPoster(rest: REST): ChannelPoster {
  return {
    async post(channelId, body) {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body,
        })) as RESTPostAPIChannelMessageResult;
        return { messageId: message.id };
      } catch (error) {
        throw permanentOr(error);
      }
    },
    async edit(channelId, messageId, body) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body });
      } catch (error) {
        throw permanentOr(error);
      }
    },
  };
}

function permanentOr(error: unknown): unknown {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : null;
    if (isPermanentFailure(error.status, code))
      return new PermanentPostError(error.message, error.status, code);
  }
  return error;
}
