import type {
  AttachmentPayload,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  MessageMentionOptions,
} from 'discord.js';
import { type APIAllowedMentions, type APIEmbed, MessageFlags } from 'discord-api-types/v10';
import { NO_MENTIONS } from '../core/callback-json.js';
import type { Reply } from '../core/command.js';

export function isEphemeral(reply: Reply): boolean {
  return ((reply.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/**
 * A handler's reply (the raw API body) as discord.js message options.
 * discord.js numbers `files` itself and derives `attachments` from them, so `data.attachments` is not
 * passed on; embeds refer to files by `attachment://<name>`, and every such reference must have its file.
 */
export function toReplyOptions(reply: Reply): InteractionReplyOptions {
  checkReplyForDiscord(reply);
  const { content, embeds, components, tts, flags, allowed_mentions } = reply.data;
  const files = toAttachments(reply);
  return {
    ...(content !== undefined && { content }),
    ...(embeds !== undefined && { embeds }),
    ...(components !== undefined && { components }),
    ...(tts !== undefined && { tts }),
    ...(flags !== undefined && { flags: flags as InteractionReplyOptions['flags'] }),
    ...(files.length > 0 && { files }),
    allowedMentions: toMentionOptions(allowed_mentions ?? NO_MENTIONS),
  };
}

/** Editing a deferred reply cannot change its visibility: Discord takes that from the deferral. */
export function toEditReplyOptions(reply: Reply): InteractionEditReplyOptions {
  const { flags, tts: _tts, ...options } = toReplyOptions(reply);
  const kept = typeof flags === 'number' ? flags & ~MessageFlags.Ephemeral : 0;
  return { ...options, ...(kept !== 0 && { flags: kept as InteractionEditReplyOptions['flags'] }) };
}

function toMentionOptions({ parse, roles, users, replied_user }: APIAllowedMentions): MessageMentionOptions {
  return {
    parse: parse ?? [],
    ...(roles !== undefined && { roles }),
    ...(users !== undefined && { users }),
    ...(replied_user !== undefined && { repliedUser: replied_user }),
  };
}

/**
 * What Discord would refuse, caught before sending: a poll (not supported here), two files with one
 * name, or an embed pointing at `attachment://x` without a file `x`.
 */
export function checkReplyForDiscord(reply: Reply): void {
  if (reply.data.poll) throw new Error('Reply.data.poll is not supported by the Discord adapter');
  const names = new Set<string>();
  for (const file of reply.files ?? []) {
    if (names.has(file.name)) throw new Error(`Reply has two files named ${file.name}`);
    names.add(file.name);
  }
  assertAttachmentReferences(reply.data.embeds ?? [], names);
}

function toAttachments(reply: Reply): AttachmentPayload[] {
  return (reply.files ?? []).map((file) => {
    const describedInData = reply.data.attachments?.find((attachment) => attachment.filename === file.name);
    const description = file.description ?? describedInData?.description;
    return {
      attachment: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      name: file.name,
      ...(description !== undefined && { description }),
    };
  });
}

const ATTACHMENT_SCHEME = 'attachment://';

function assertAttachmentReferences(embeds: readonly APIEmbed[], names: ReadonlySet<string>): void {
  for (const embed of embeds) {
    for (const url of [
      embed.image?.url,
      embed.thumbnail?.url,
      embed.author?.icon_url,
      embed.footer?.icon_url,
    ]) {
      if (!url?.startsWith(ATTACHMENT_SCHEME)) continue;
      const name = url.slice(ATTACHMENT_SCHEME.length);
      if (!names.has(name))
        throw new Error(`Embed refers to ${url} but the reply carries no file named ${name}`);
    }
  }
}
