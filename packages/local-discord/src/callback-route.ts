/** `POST /interactions/:id/:token/callback`: the interaction's first response, judged as Discord judges it. */
import { Errors } from './errors.js';
import type { RestRequest, RestResponse, RouteDef } from './http.js';
import { applyEdit, createAttachments, MessageFlag } from './messages.js';
import { Permission } from './permissions.js';
import { INTERACTION_FLAGS, type RouteKit } from './route-kit.js';
import { isObject, noContent, ok } from './route-prologue.js';
import type { Json } from './state.js';
import { validateInteractionCallback } from './validation.js';

export const CALLBACK_TEMPLATE = '/interactions/:interactionId/:interactionToken/callback';

export function buildCallbackRoute(kit: RouteKit): RouteDef {
  const { state, interactions, need } = kit;

  const interactionCallback = (req: RestRequest): RestResponse => {
    const record = interactions.byId.get(req.params.interactionId ?? '');
    const refuse = (response: RestResponse) => {
      const body = response.body as { code: number; message: string };
      record?.rejectedCallbacks.push({
        at: req.now,
        status: response.status,
        code: body.code,
        message: body.message,
      });
      return response;
    };
    if (!record || record.token !== req.params.interactionToken) return Errors.unknownInteraction();
    if (record.callback) return refuse(Errors.alreadyAcknowledged());
    if (record.isExpiredForCallback(req.now)) return refuse(Errors.unknownInteraction());
    const bad = need.invalidBody(
      req,
      validateInteractionCallback(req.body, {
        files: req.files.length,
        interactionType: record.type,
        focusedOptionType: record.focusedOptionType,
      }),
    );
    if (bad) return refuse(bad);
    const body = req.body as Json;
    const type = body.type as number;
    const data = isObject(body.data) ? body.data : undefined;
    let message: Json | undefined;
    let finalValue: Json | undefined;
    const channel = state.channels.get(record.channelId);
    const dropEmbeds = channel ? (state.botPermissions(channel) & Permission.EmbedLinks) === 0n : false;
    if (type === 4 || type === 5) {
      const attachments = createAttachments(state, record.channelId, data?.attachments, req.files);
      const flags = ((data?.flags as number | undefined) ?? 0) & INTERACTION_FLAGS;
      message = kit.botMessage(
        record.channelId,
        record.guildId,
        type === 4 ? (data ?? {}) : {},
        attachments,
        {
          type: record.type === 2 ? 20 : 0,
          flags: type === 5 ? flags | MessageFlag.Loading : flags,
          interaction: record,
          dropEmbeds: dropEmbeds && type === 4 && (flags & MessageFlag.Ephemeral) === 0,
          now: req.now,
        },
      );
      state.storeMessage({
        message,
        channelId: record.channelId,
        deleted: false,
        source: 'interaction',
        interactionId: record.id,
        createdAt: req.now,
      });
      record.originalMessageId = String(message.id);
      if (type === 4) {
        finalValue = structuredClone(message);
        kit.announce(message);
      }
    } else if (type === 7) {
      const stored = record.componentMessageId ? state.messages.get(record.componentMessageId) : undefined;
      if (stored) {
        const attachments = createAttachments(state, record.channelId, data?.attachments, req.files);
        applyEdit(state, stored.message, data ?? {}, attachments, req.now);
        message = stored.message;
        finalValue = structuredClone(message);
      }
    } else if (type === 8 || type === 9) {
      finalValue = structuredClone(data ?? {});
    } else if (type === 6) {
      message = record.original;
    }
    record.recordCallback(
      {
        type,
        data: data ? structuredClone(data) : undefined,
        files: req.files.map((f) => ({
          filename: f.filename,
          size: f.data.length,
          contentType: f.contentType,
        })),
        at: req.now,
        arrivedAt: req.arrivedAt,
        latencyMs: req.now - record.dispatchedAt,
        withResponse: req.query.get('with_response') === 'true',
      },
      finalValue,
    );
    if (req.query.get('with_response') !== 'true') return noContent();
    const flags = typeof message?.flags === 'number' ? message.flags : 0;
    return ok({
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MessageFlag.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message && type !== 6 ? { resource: { type, message } } : { resource: { type } }),
    });
  };

  return { method: 'POST', template: CALLBACK_TEMPLATE, auth: 'none', handler: interactionCallback };
}
