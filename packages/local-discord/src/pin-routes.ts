/**
 * Message pins: `PUT`/`DELETE /channels/:id/messages/pins/:messageId` (discord.js 14.2x's `message.pin()`)
 * and `GET /channels/:id/messages/pins`. Pinning needs Pin Messages (or, as before 2025, Manage
 * Messages); a channel holds at most 250 pins (error 30003 beyond).
 */
import { Errors } from './errors.js';
import type { RestRequest, RouteDef } from './http.js';
import { MessageFlag } from './messages.js';
import { Permission } from './permissions.js';
import type { RouteKit } from './route-kit.js';
import { noContent, ok, refuse } from './route-prologue.js';
import type { Json } from './state.js';

export const PIN_MESSAGES = 1n << 51n;
export const MAX_PINS_PER_CHANNEL = 250;

export function buildPinRoutes({ state, need }: RouteKit): RouteDef[] {
  /** A message of a visible channel the bot may pin in (either permission will do). */
  const pinnable = (req: RestRequest): Json => {
    const channel = need.visibleChannel(req);
    if ((state.botPermissions(channel) & (PIN_MESSAGES | Permission.ManageMessages)) === 0n)
      refuse(Errors.missingPermissions());
    const { message } = need.channelMessage(req);
    if (((message.flags as number) & MessageFlag.Ephemeral) !== 0) refuse(Errors.unknownMessage());
    return message;
  };
  const pinnedIn = (channelId: string) =>
    (state.channelMessages.get(channelId) ?? []).filter((m) => !m.deleted && m.message.pinned === true);

  return [
    {
      method: 'PUT',
      template: '/channels/:channelId/messages/pins/:messageId',
      auth: 'bot',
      handler: (req) => {
        const message = pinnable(req);
        if (message.pinned !== true && pinnedIn(String(message.channel_id)).length >= MAX_PINS_PER_CHANNEL)
          return {
            status: 400,
            body: { message: 'Maximum number of pins reached (250)', code: 30003 },
          };
        message.pinned = true;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channelId/messages/pins/:messageId',
      auth: 'bot',
      handler: (req) => {
        pinnable(req).pinned = false;
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/pins',
      auth: 'bot',
      handler: (req) => {
        const channel = need.visibleChannel(req);
        const items = pinnedIn(channel.id)
          .reverse()
          .map((m) => ({
            pinned_at: String(m.message.edited_timestamp ?? m.message.timestamp),
            message: m.message,
          }));
        return ok({ items, has_more: false });
      },
    },
  ];
}
