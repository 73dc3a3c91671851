import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  MessageFlags,
} from 'discord-api-types/v10';
import { clampEmbeds, LIMITS } from '../replies/limits.js';
import { memoForModel, peekMemo } from '../replies/memo.js';
import { type SafeEmbed, type SafeText, truncateSafe } from '../replies/safe-text.js';
import type { SeasonModel } from '../season/model.js';
import type { Reply, ReplyFile } from './command.js';

/**
 * Build a reply body: embeds clamped to Discord's limits, mentions never parsed, ephemeral on request.
 * Every command reply goes through here. Text must be SafeText (see src/replies/safe-text.ts): data that
 * skipped the escaper does not compile.
 */
export function buildReply(parts: {
  embeds?: SafeEmbed[];
  content?: SafeText;
  ephemeral?: boolean;
  files?: ReplyFile[];
  /** Buttons and menus (src/components): plain-text labels, so not SafeText. */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}): Reply {
  const data: Reply['data'] = { allowed_mentions: { parse: [] } };
  if (parts.content !== undefined) data.content = truncateSafe(parts.content, LIMITS.content);
  if (parts.embeds && parts.embeds.length > 0) data.embeds = clampEmbeds(parts.embeds);
  if (parts.components && parts.components.length > 0) data.components = parts.components;
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

/**
 * A reply that depends only on the season data and on `key` (the command and its options) is built once
 * per model and the same object is served again: no clamping, copying or encoding per call (the encoded
 * callback is cached per reply, see callback-json.ts). Replies are never changed after they are built.
 */
export function sharedReply(model: SeasonModel, key: string, build: () => Reply): Reply {
  return memoForModel(model, `reply:${key}`, build);
}

/**
 * The shared reply for `key` if it was built already, else undefined. For replies whose parts must be
 * awaited (a picture from the picture cache): a warm request answers from here without awaiting, so its
 * handler settles at once and no deadline timer is set (see runWithDeadline).
 */
export function builtSharedReply(model: SeasonModel, key: string): Reply | undefined {
  return peekMemo<Reply>(model, `reply:${key}`);
}
