import type { Reply } from '../core/command.js';
import { UserError } from '../core/command.js';
import { buildGenericErrorReply } from '../core/run-command.js';
import { buildUserErrorReply } from '../core/user-error-reply.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import type { Logger } from '../logger.js';

/** What a log line about a failed interaction carries. Never the interaction object (it holds tokens). */
export interface InteractionLogContext {
  interactionId: string;
  command: string;
  options: Readonly<Record<string, unknown>>;
  guildId: string | null;
  channelId: string | null;
  userId: string;
}

/**
 * The single place an interaction failure is turned into an answer: a UserError is shown as written
 * (ephemeral, with suggestions) and not logged as a fault; anything else is logged with its context and
 * answered generically, in the reader's language. Never throws: a failure to answer is logged. Returns whether it was a fault.
 */
export async function answerWithError(
  responder: { send(reply: Reply): Promise<void> },
  error: unknown,
  context: InteractionLogContext,
  logger: Logger,
  locale: Locale = DEFAULT_LOCALE,
): Promise<'user-error' | 'fault'> {
  const isUserError = error instanceof UserError;
  if (isUserError) {
    logger.debug({ ...context, reason: error.message }, 'user error');
  } else {
    logger.error({ ...context, err: error }, 'command failed');
  }
  try {
    await responder.send(isUserError ? buildUserErrorReply(error, locale) : buildGenericErrorReply(locale));
  } catch (err) {
    logger.warn({ ...context, err }, 'could not send the error reply');
  }
  return isUserError ? 'user-error' : 'fault';
}
