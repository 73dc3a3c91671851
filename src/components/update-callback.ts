import { InteractionResponseType } from 'discord-api-types/v10';
import { NO_MENTIONS } from '../core/callback-json.js';
import type { Reply, ReplyFile } from '../core/command.js';
import { type EncodedCallback, encodeMultipart, jsonCallback } from '../discord/callback-body.js';
import { checkReplyForDiscord } from '../discord/outgoing-message.js';
import { asUpdate } from './press.js';

/**
 * `{"type":7,"data":…}`: UPDATE_MESSAGE, the answer to a press by the person who ran the command — the
 * message the component sits on is replaced in place. The same JSON `press` prints in the CLI with --json.
 */
export function updateCallbackJson(reply: Reply): string {
  const update = asUpdate(reply);
  let json = jsonByReply.get(update);
  if (json === undefined) {
    json = JSON.stringify({
      type: InteractionResponseType.UpdateMessage,
      data: { ...update.data, allowed_mentions: update.data.allowed_mentions ?? NO_MENTIONS },
    });
    jsonByReply.set(update, json);
  }
  return json;
}
const jsonByReply = new WeakMap<Reply, string>();

/** The update callback for the wire: JSON, or multipart when the reply carries a picture. */
export function encodeUpdateCallback(reply: Reply): EncodedCallback {
  const update = asUpdate(reply);
  let encoded = encodedByReply.get(update);
  if (!encoded) {
    checkReplyForDiscord(update);
    const json = updateCallbackJson(update);
    const files: readonly ReplyFile[] = update.files ?? [];
    encoded = files.length === 0 ? jsonCallback(json) : encodeMultipart(json, files);
    encodedByReply.set(update, encoded);
  }
  return encoded;
}
const encodedByReply = new WeakMap<Reply, EncodedCallback>();
