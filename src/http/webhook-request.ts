import type {
  AttachmentPayload,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  MessageMentionOptions,
  RawFile,
} from 'discord.js';
import type { APIAllowedMentions } from 'discord-api-types/v10';
import { NO_MENTIONS } from '../core/callback-json.js';

type JsonEncodable = { toJSON(): unknown };

const toJson = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'toJSON' in value
    ? (value as JsonEncodable).toJSON()
    : value;

/**
 * The message options the shared responder produces (outgoing-message.ts: a Reply as discord.js options)
 * back into the REST body and files of an interaction-webhook call, for the HTTP endpoint, which has no
 * discord.js interaction to do it. Only the fields toReplyOptions / toEditReplyOptions can produce.
 */
export function toWebhookRequest(options: InteractionReplyOptions | InteractionEditReplyOptions): {
  body: Record<string, unknown>;
  files?: RawFile[];
} {
  const body: Record<string, unknown> = {
    allowed_mentions: toAllowedMentions(options.allowedMentions),
  };
  if (options.content !== undefined) body.content = options.content;
  if (options.embeds !== undefined) body.embeds = options.embeds.map(toJson);
  if (options.components !== undefined) body.components = options.components.map(toJson);
  if (options.flags !== undefined) body.flags = Number(options.flags);
  if ('tts' in options && options.tts !== undefined) body.tts = options.tts;
  const files = (options.files ?? []).map(toRawFile);
  if (files.length === 0) return { body };
  body.attachments = files.map((file, index) => ({
    id: String(index),
    filename: file.name,
    ...(file.description !== undefined && { description: file.description }),
  }));
  return { body, files: files.map(({ name, data }) => ({ name, data })) };
}

function toRawFile(file: unknown): { name: string; data: Buffer; description?: string } {
  const payload = file as AttachmentPayload;
  if (!Buffer.isBuffer(payload.attachment) || typeof payload.name !== 'string')
    throw new Error('only files given as { attachment: Buffer, name } can be sent over the webhook');
  return {
    name: payload.name,
    data: payload.attachment,
    ...(payload.description != null && { description: payload.description }),
  };
}

function toAllowedMentions(mentions: MessageMentionOptions | undefined): APIAllowedMentions {
  if (!mentions) return NO_MENTIONS;
  return {
    parse: mentions.parse ?? [],
    ...(mentions.roles !== undefined && { roles: mentions.roles }),
    ...(mentions.users !== undefined && { users: mentions.users }),
    ...(mentions.repliedUser !== undefined && { replied_user: mentions.repliedUser }),
  } as APIAllowedMentions;
}
