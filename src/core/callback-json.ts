import {
  type APIAllowedMentions,
  type APIApplicationCommandOptionChoice,
  InteractionResponseType,
} from 'discord-api-types/v10';
import type { Reply } from './command.js';

/** Defence in depth: a reply that forgot `allowed_mentions` still pings nobody. */
export const NO_MENTIONS = { parse: [] } as const satisfies APIAllowedMentions;

/**
 * `{"type":4,"data":…}`: the interaction callback for a reply, as the bot sends it (JSON, or the
 * `payload_json` of a multipart body) and as `npm run ask -- --json` prints it.
 */
export function replyCallbackJson(reply: Reply): string {
  let json = replyJson.get(reply);
  if (json === undefined) {
    const data =
      reply.data.allowed_mentions === undefined
        ? { ...reply.data, allowed_mentions: NO_MENTIONS }
        : reply.data;
    json = JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data });
    replyJson.set(reply, json);
  }
  return json;
}

/** Shared replies (see sharedReply in reply.ts) are the same object each time: encoded once. */
const replyJson = new WeakMap<Reply, string>();

/** Choice lists are memoised per model and typed text (see replies/memo.ts), so their JSON can be too. */
const choicesJson = new WeakMap<readonly APIApplicationCommandOptionChoice[], string>();

/**
 * `{"type":8,"data":{"choices":[…]}}`: the autocomplete callback, as the bot sends it and as
 * `npm run complete -- --json` prints it. Encoded once per choice list.
 */
export function choicesCallbackJson(choices: readonly APIApplicationCommandOptionChoice[]): string {
  let json = choicesJson.get(choices);
  if (json === undefined) {
    json = JSON.stringify({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
    choicesJson.set(choices, json);
  }
  return json;
}
