import { MessageFlags } from 'discord-api-types/v10';
import { t } from '../i18n/catalogue.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { joinSafe } from '../replies/safe-text.js';
import { safe } from '../replies/text.js';
import type { Reply, UserError } from './command.js';

const MAX_CONTENT = 2000;
const MAX_SUGGESTIONS = 10;

/**
 * The ephemeral answer to a user's mistake, shared by the Discord and CLI adapters: the message verbatim in
 * the reader's language, then "Did you mean: …" with the suggestions (data text, so made safe: markdown
 * escaped, no live mentions).
 */
export function buildUserErrorReply(
  error: Pick<UserError, 'textIn' | 'suggestions'>,
  locale: Locale = DEFAULT_LOCALE,
): Reply {
  const suggestions = error.suggestions.slice(0, MAX_SUGGESTIONS).map((suggestion) => safe(suggestion));
  const lines = [error.textIn(locale)];
  if (suggestions.length > 0)
    lines.push(t(locale, 'replies.errors.didYouMean', { suggestions: joinSafe(suggestions, ', ') }));
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
