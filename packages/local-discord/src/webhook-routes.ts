/** An interaction's webhook: follow-ups, and reading, editing and deleting its messages. */
import type { RouteDef } from './http.js';
import { applyEdit, createAttachments, MessageFlag } from './messages.js';
import { INTERACTION_FLAGS, type RouteKit } from './route-kit.js';
import { bodyOf, noContent, ok } from './route-prologue.js';
import { validateWebhookEdit, validateWebhookMessage } from './validation.js';

const MESSAGE = '/webhooks/:applicationId/:interactionToken/messages/:messageId';

export function buildWebhookRoutes(kit: RouteKit): RouteDef[] {
  const { state, need } = kit;
  return [
    {
      method: 'POST',
      template: '/webhooks/:applicationId/:interactionToken',
      auth: 'none',
      handler: (req) => {
        const record = need.webhookInteraction(req);
        need.validBody(req, validateWebhookMessage(req.body, { files: req.files.length }));
        const body = bodyOf(req);
        const attachments = createAttachments(state, record.channelId, body.attachments, req.files);
        const original = record.original;
        if (original && typeof original.flags === 'number' && original.flags & MessageFlag.Loading) {
          // Discord: the first follow-up after a deferred reply edits the "thinking…" message, which keeps
          // the deferral's ephemerality whatever the follow-up's flags say.
          const { flags: _ignored, ...edit } = body;
          applyEdit(state, original, edit, attachments, req.now);
          record.recordEdit(original);
          kit.announce(original);
          return req.query.get('wait') === 'true' ? ok(original) : noContent();
        }
        const message = kit.botMessage(record.channelId, record.guildId, body, attachments, {
          type: record.type === 2 ? 20 : 0,
          flags: ((body.flags as number | undefined) ?? 0) & INTERACTION_FLAGS,
          interaction: record,
          now: req.now,
        });
        state.storeMessage({
          message,
          channelId: record.channelId,
          deleted: false,
          source: 'follow-up',
          interactionId: record.id,
          createdAt: req.now,
        });
        record.followUps.push(message);
        kit.announce(message);
        return req.query.get('wait') === 'true' ? ok(message) : noContent();
      },
    },
    {
      method: 'GET',
      template: MESSAGE,
      auth: 'none',
      handler: (req) => ok(need.webhookMessage(req, need.webhookInteraction(req)).message),
    },
    {
      method: 'PATCH',
      template: MESSAGE,
      auth: 'none',
      handler: (req) => {
        const record = need.webhookInteraction(req);
        const stored = need.webhookMessage(req, record);
        need.validBody(req, validateWebhookEdit(req.body));
        const body = bodyOf(req);
        const attachments = createAttachments(state, stored.channelId, body.attachments, req.files);
        const wasLoading =
          typeof stored.message.flags === 'number' && (stored.message.flags & MessageFlag.Loading) !== 0;
        applyEdit(state, stored.message, body, attachments, req.now);
        if (wasLoading) kit.announce(stored.message);
        if (stored.message.id === record.originalMessageId) record.recordEdit(stored.message);
        return ok(stored.message);
      },
    },
    {
      method: 'DELETE',
      template: MESSAGE,
      auth: 'none',
      handler: (req) => {
        need.webhookMessage(req, need.webhookInteraction(req)).deleted = true;
        return noContent();
      },
    },
  ];
}
