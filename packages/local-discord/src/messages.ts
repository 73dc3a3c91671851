/** Message objects as Discord returns them: author, mentions, attachments, embeds as stored. */
import type { AttachmentRecord, ChannelRecord, Json, LocalState, UserRecord } from './state.js';

export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  /** n of `files[n]`: matches `attachments[].id` in the JSON part. */
  index: number;
  filename: string;
  contentType: string;
  data: Buffer;
}

export const MessageFlag = {
  Crossposted: 1,
  SuppressEmbeds: 4,
  Ephemeral: 64,
  Loading: 128,
  SuppressNotifications: 4096,
  IsComponentsV2: 32768,
} as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sniffContentType(data: Buffer, declared: string): string {
  if (declared && declared !== 'application/octet-stream') return declared;
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return declared || 'application/octet-stream';
}

function imageSize(data: Buffer, contentType: string): { width: number; height: number } | null {
  if (
    contentType === 'image/png' &&
    data.length >= 24 &&
    data.subarray(12, 16).toString('latin1') === 'IHDR'
  ) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  return null;
}

/** Stores uploaded files as attachments of a message and returns their JSON (`attachments[]`). */
export function createAttachments(
  state: LocalState,
  channelId: string,
  metadata: unknown,
  files: UploadedFile[],
): Json[] {
  const meta = Array.isArray(metadata) ? metadata.filter(isObject) : [];
  return files.map((file) => {
    const info = meta.find((m) => String(m.id) === String(file.index));
    const id = state.ids.next();
    const filename = typeof info?.filename === 'string' ? info.filename : file.filename;
    const contentType = sniffContentType(file.data, file.contentType);
    const record: AttachmentRecord = { id, filename, contentType, size: file.data.length, data: file.data };
    state.attachments.set(id, record);
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    const size = imageSize(file.data, contentType);
    return {
      id,
      filename,
      size: file.data.length,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: contentType,
      ...(size ?? {}),
      ...(typeof info?.description === 'string' ? { description: info.description } : {}),
    };
  });
}

/** Embeds as Discord stores them: `type: 'rich'`, `attachment://name` resolved to the uploaded file. */
export function normalizeEmbeds(embeds: unknown, attachments: Json[]): Json[] {
  if (!Array.isArray(embeds)) return [];
  const resolve = (media: unknown): unknown => {
    if (!isObject(media) || typeof media.url !== 'string' || !media.url.startsWith('attachment://'))
      return media;
    const name = media.url.slice('attachment://'.length);
    const file = attachments.find((a) => a.filename === name);
    if (!file) return media;
    return { ...media, url: file.url, proxy_url: file.proxy_url, width: file.width, height: file.height };
  };
  return embeds.filter(isObject).map((embed) => {
    const out: Json = { type: 'rich' };
    for (const [k, v] of Object.entries(embed)) {
      if (v === null || v === undefined) continue;
      out[k] = k === 'image' || k === 'thumbnail' ? resolve(v) : v;
    }
    return out;
  });
}

/**
 * Who a message pings. Without `allowed_mentions` Discord parses users, roles and @everyone/@here; with
 * it, only what `parse` names or the listed ids.
 */
export function resolveMentions(state: LocalState, content: string, allowed: unknown) {
  const parse = !isObject(allowed)
    ? ['users', 'roles', 'everyone']
    : Array.isArray(allowed.parse)
      ? allowed.parse.map(String)
      : [];
  const listedUsers = isObject(allowed) && Array.isArray(allowed.users) ? allowed.users.map(String) : [];
  const listedRoles = isObject(allowed) && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];
  const allowUsers = parse.includes('users');
  const allowRoles = parse.includes('roles');
  const allowEveryone = parse.includes('everyone');
  const mentions: Json[] = [];
  for (const m of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const id = m[1] as string;
    if ((allowUsers || listedUsers.includes(id)) && !mentions.some((u) => u.id === id)) {
      mentions.push(state.userJson(state.ensureUser(id)));
    }
  }
  const mentionRoles: string[] = [];
  for (const m of content.matchAll(/<@&(\d{17,20})>/g)) {
    const id = m[1] as string;
    if ((allowRoles || listedRoles.includes(id)) && !mentionRoles.includes(id)) mentionRoles.push(id);
  }
  const mentionEveryone = allowEveryone && /@(everyone|here)/.test(content);
  return { mentions, mention_roles: mentionRoles, mention_everyone: mentionEveryone };
}

export interface BuildMessageInput {
  id: string;
  channelId: string;
  guildId: string | null;
  author: UserRecord;
  body: Json;
  attachments: Json[];
  /** 0 default, 19 reply, 20 chat input command. */
  type: number;
  flags: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Json;
  nonce?: string | number;
  /** Without Embed Links Discord silently drops embeds. */
  dropEmbeds?: boolean;
  now: number;
}

export function buildMessage(state: LocalState, input: BuildMessageInput): Json {
  const { body } = input;
  const content = typeof body.content === 'string' ? body.content : '';
  const message: Json = {
    id: input.id,
    channel_id: input.channelId,
    author: state.userJson(input.author),
    content,
    timestamp: new Date(input.now).toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    ...resolveMentions(state, content, body.allowed_mentions),
    mention_channels: [],
    attachments: input.attachments,
    embeds: input.dropEmbeds ? [] : normalizeEmbeds(body.embeds, input.attachments),
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: input.type,
    flags: input.flags,
  };
  if (input.guildId) message.guild_id = input.guildId;
  if (input.nonce !== undefined) message.nonce = input.nonce;
  if (input.webhookId) message.webhook_id = input.webhookId;
  if (input.applicationId) message.application_id = input.applicationId;
  if (input.interactionMetadata) message.interaction_metadata = input.interactionMetadata;
  if (isObject(body.poll)) message.poll = body.poll;
  if (isObject(body.message_reference)) message.message_reference = body.message_reference;
  return message;
}

/** Applies a PATCH body to a stored message (fields present replace; null clears). */
export function applyEdit(
  state: LocalState,
  message: Json,
  body: Json,
  newAttachments: Json[],
  now: number,
): void {
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  let attachments = Array.isArray(message.attachments) ? (message.attachments as Json[]) : [];
  if (Array.isArray(body.attachments)) {
    const keep = new Set(body.attachments.filter(isObject).map((a) => String(a.id)));
    attachments = attachments.filter((a) => keep.has(String(a.id)));
  } else if (body.attachments === null) {
    attachments = [];
  }
  attachments = [...attachments, ...newAttachments];
  message.attachments = attachments;
  if ('embeds' in body) message.embeds = normalizeEmbeds(body.embeds, attachments);
  if ('components' in body) message.components = Array.isArray(body.components) ? body.components : [];
  if ('flags' in body && typeof body.flags === 'number') {
    const current = typeof message.flags === 'number' ? message.flags : 0;
    const keep = current & ~MessageFlag.SuppressEmbeds;
    message.flags = keep | (body.flags & MessageFlag.SuppressEmbeds);
  }
  if (typeof message.flags === 'number') message.flags &= ~MessageFlag.Loading;
  if ('content' in body || 'allowed_mentions' in body) {
    Object.assign(message, resolveMentions(state, String(message.content ?? ''), body.allowed_mentions));
  }
  message.edited_timestamp = new Date(now).toISOString();
}

/** A bot message carrying one button (type 2) or select, for a component injected without a message. */
export function storeComponentMessage(
  state: LocalState,
  channel: ChannelRecord,
  customId: string,
  componentType: number,
): Json {
  const now = Date.now();
  const message = buildMessage(state, {
    id: state.ids.next(now),
    channelId: channel.id,
    guildId: channel.guildId,
    author: state.botUser,
    body: {
      content: '',
      components: [
        {
          type: 1,
          components:
            componentType === 2
              ? [{ type: 2, style: 1, custom_id: customId, label: customId }]
              : [{ type: componentType, custom_id: customId, options: [] }],
        },
      ],
    },
    attachments: [],
    type: 0,
    flags: 0,
    now,
  });
  state.storeMessage({ message, channelId: channel.id, deleted: false, source: 'component', createdAt: now });
  return message;
}
