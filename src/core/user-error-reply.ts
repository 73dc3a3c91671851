import { MessageFlags } from 'discord-api-types/v10';
import { safe } from '../replies/text.js';
import type { Reply, UserError } from './command.js';

const MAX_CONTENT = 2000;
const MAX_SUGGESTIONS = 10;

/**
 * The ephemeral answer to a user's mistake, shared by the Discord and CLI adapters: the message verbatim,
 * then "Did you mean: …" with the suggestions (data text, so made safe: markdown escaped, no live mentions).
 */
export function buildUserErrorReply(error: Pick<UserError, 'message' | 'suggestions'>): Reply {
  const suggestions = error.suggestions.slice(0, MAX_SUGGESTIONS).map((suggestion) => safe(suggestion));
  const lines = [error.message];
  if (suggestions.length > 0) lines.push(`Did you mean: ${suggestions.join(', ')}?`);
  return {
    data: {
      content: clampContent(lines.join('\n')),
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  };
}

function clampContent(text: string): string {
  return text.length <= MAX_CONTENT ? text : `${text.slice(0, MAX_CONTENT - 1)}…`;
}
