/**
 * Message pins: `PUT`/`DELETE /channels/:id/messages/pins/:messageId` (discord.js 14.2x's `message.pin()`)
 * and `GET /channels/:id/messages/pins`. Pinning needs Pin Messages (or, as before 2025, Manage
 * Messages); a channel holds at most 250 pins (error 30003 beyond).
 */
import { Errors, type RestRequest, type RestResponse, type RouteDef } from './http.js';
import { MessageFlag } from './messages.js';
import { type ChannelRecord, type Json, type LocalState, Permission } from './state.js';

export const PIN_MESSAGES = 1n << 51n;
export const MAX_PINS_PER_CHANNEL = 250;

export function buildPinRoutes(state: LocalState): RouteDef[] {
  const reachable = (req: RestRequest): ChannelRecord | RestResponse => {
    const channel = state.channels.get(req.params.channelId ?? '');
    if (!channel?.exists) return Errors.unknownChannel();
    if (!state.guilds.has(channel.guildId)) return Errors.missingAccess();
    if ((state.botPermissions(channel) & Permission.ViewChannel) === 0n) return Errors.missingAccess();
    return channel;
  };
  const mayPin = (channel: ChannelRecord) =>
    (state.botPermissions(channel) & (PIN_MESSAGES | Permission.ManageMessages)) !== 0n;
  const pinnable = (req: RestRequest): { message: Json } | { error: RestResponse } => {
    const channel = reachable(req);
    if (!('id' in channel)) return { error: channel };
    if (!mayPin(channel)) return { error: Errors.missingPermissions() };
    const stored = state.messages.get(req.params.messageId ?? '');
    if (!stored || stored.deleted || stored.channelId !== channel.id)
      return { error: Errors.unknownMessage() };
    if (((stored.message.flags as number) & MessageFlag.Ephemeral) !== 0)
      return { error: Errors.unknownMessage() };
    return { message: stored.message };
  };
  const pinnedIn = (channelId: string) =>
    (state.channelMessages.get(channelId) ?? []).filter((m) => !m.deleted && m.message.pinned === true);

  return [
    {
      method: 'PUT',
      template: '/channels/:channelId/messages/pins/:messageId',
      auth: 'bot',
      handler: (req) => {
        const found = pinnable(req);
        if ('error' in found) return found.error;
        const { message } = found;
        if (message.pinned !== true && pinnedIn(String(message.channel_id)).length >= MAX_PINS_PER_CHANNEL)
          return {
            status: 400,
            body: { message: 'Maximum number of pins reached (250)', code: 30003 },
          };
        message.pinned = true;
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channelId/messages/pins/:messageId',
      auth: 'bot',
      handler: (req) => {
        const found = pinnable(req);
        if ('error' in found) return found.error;
        found.message.pinned = false;
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/pins',
      auth: 'bot',
      handler: (req) => {
        const channel = reachable(req);
        if (!('id' in channel)) return channel;
        const items = pinnedIn(channel.id)
          .reverse()
          .map((m) => ({
            pinned_at: String(m.message.edited_timestamp ?? m.message.timestamp),
            message: m.message,
          }));
        return { status: 200, body: { items, has_more: false } };
      },
    },
  ];
}
