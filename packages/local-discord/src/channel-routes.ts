/** Channels and their messages as the bot sees them: read, post (with nonce dedupe), edit, delete. */
import type { RestRequest, RestResponse, RouteDef } from './http.js';
import { applyEdit, createAttachments, MessageFlag } from './messages.js';
import { Permission } from './permissions.js';
import { CREATE_FLAGS, type RouteKit } from './route-kit.js';
import { bodyOf, isObject, noContent, ok, refuse } from './route-prologue.js';
import type { Json } from './state.js';
import { validateMessageCreate, validateMessageEdit } from './validation.js';

const MESSAGE = '/channels/:channelId/messages/:messageId';

export function buildChannelRoutes(kit: RouteKit): RouteDef[] {
  const { state, need } = kit;

  const createChannelMessage = (req: RestRequest): RestResponse => {
    const channel = need.visibleChannel(req);
    need.botMay(channel, Permission.SendMessages);
    if (req.files.length > 0) need.botMay(channel, Permission.AttachFiles);
    need.validBody(req, validateMessageCreate(req.body, { files: req.files.length }));
    const body = bodyOf(req);
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : undefined;
    const nonceKey =
      body.enforce_nonce === true && nonce !== undefined ? `${state.botUser.id}:${nonce}` : undefined;
    if (nonceKey) {
      const previous = state.nonces.get(nonceKey);
      if (previous && req.now - previous.createdAt <= kit.nonceWindowMs) return ok(previous.message);
    }
    const attachments = createAttachments(state, channel.id, body.attachments, req.files);
    const reference = isObject(body.message_reference);
    const message = kit.botMessage(channel.id, channel.guildId, body, attachments, {
      type: reference ? 19 : 0,
      flags: ((body.flags as number | undefined) ?? 0) & CREATE_FLAGS,
      nonce,
      dropEmbeds: (state.botPermissions(channel) & Permission.EmbedLinks) === 0n,
      now: req.now,
    });
    const stored = {
      message,
      channelId: channel.id,
      deleted: false,
      source: 'channel' as const,
      createdAt: req.now,
      ...(nonceKey ? { nonceKey } : {}),
    };
    state.storeMessage(stored);
    if (nonceKey) state.nonces.set(nonceKey, stored);
    kit.announce(message);
    return ok(message);
  };

  return [
    {
      method: 'GET',
      template: '/channels/:channelId',
      auth: 'bot',
      handler: (req) => ok(state.channelJson(need.visibleChannel(req))),
    },
    { method: 'POST', template: '/channels/:channelId/messages', auth: 'bot', handler: createChannelMessage },
    {
      method: 'GET',
      template: '/channels/:channelId/messages',
      auth: 'bot',
      handler: (req) => {
        const channel = need.visibleChannel(req);
        const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 50) || 50));
        const list = (state.channelMessages.get(channel.id) ?? [])
          .filter((m) => !m.deleted && ((m.message.flags as number) & MessageFlag.Ephemeral) === 0)
          .map((m) => m.message)
          .reverse();
        return ok(list.slice(0, limit));
      },
    },
    {
      method: 'GET',
      template: MESSAGE,
      auth: 'bot',
      handler: (req) => {
        need.visibleChannel(req);
        return ok(need.channelMessage(req).message);
      },
    },
    {
      method: 'PATCH',
      template: MESSAGE,
      auth: 'bot',
      handler: (req) => {
        const channel = need.visibleChannel(req);
        const stored = need.channelMessage(req);
        if ((stored.message.author as Json).id !== state.botUser.id)
          refuse({
            status: 403,
            body: { message: 'Cannot edit a message authored by another user', code: 50005 },
          });
        need.validBody(req, validateMessageEdit(req.body));
        const body = bodyOf(req);
        const attachments = createAttachments(state, channel.id, body.attachments, req.files);
        applyEdit(state, stored.message, body, attachments, req.now);
        return ok(stored.message);
      },
    },
    {
      method: 'DELETE',
      template: MESSAGE,
      auth: 'bot',
      handler: (req) => {
        need.visibleChannel(req);
        need.channelMessage(req).deleted = true;
        return noContent();
      },
    },
  ];
}
