import { type APIEmbed, MessageFlags } from 'discord-api-types/v10';
import { clampEmbeds, LIMITS, truncate } from '../replies/limits.js';
import type { Reply, ReplyFile } from './command.js';

/**
 * Build a reply body: embeds clamped to Discord's limits, mentions never parsed, ephemeral on request.
 * Every command reply goes through here.
 */
export function buildReply(parts: {
  embeds?: APIEmbed[];
  content?: string;
  ephemeral?: boolean;
  files?: ReplyFile[];
}): Reply {
  const data: Reply['data'] = { allowed_mentions: { parse: [] } };
  if (parts.content !== undefined) data.content = truncate(parts.content, LIMITS.content);
  if (parts.embeds && parts.embeds.length > 0) data.embeds = clampEmbeds(parts.embeds);
  if (parts.ephemeral) data.flags = MessageFlags.Ephemeral;
  if (parts.files && parts.files.length > 0) {
    data.attachments = parts.files.map((file, id) => ({
      id: String(id),
      filename: file.name,
      ...(file.description ? { description: file.description } : {}),
    }));
    return { data, files: parts.files };
  }
  return { data };
}
