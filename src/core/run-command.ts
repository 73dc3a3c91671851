import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import { t } from '../i18n/catalogue.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { replyLocale } from '../i18n/reply-locale.js';
import { memoForModel, peekMemo } from '../replies/memo.js';
import type { Command, CommandContext, FocusedOption, OptionValues, Reply } from './command.js';
import { UserError } from './command.js';
import { checkOptionLengths, overlongOptionError, readString } from './options.js';
import { isThenable } from './thenable.js';
import { buildUserErrorReply } from './user-error-reply.js';

/** The answer to a fault on our side (logged by the caller), in the reader's language. */
export function buildGenericErrorReply(locale: Locale = DEFAULT_LOCALE): Reply {
  return {
    data: {
      content: t(locale, 'replies.errors.generic'),
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  };
}

/**
 * The one door to a command's handler for every adapter (gateway, CLI, sandbox, tests): options longer than
 * their limit are a user mistake answered before the handler runs.
 */
export function executeCommand(
  command: Command,
  options: OptionValues,
  context: CommandContext,
): Reply | Promise<Reply> {
  const overlong = checkOptionLengths(command, options);
  if (overlong) throw overlongOptionError(overlong);
  if (!command.pure) return command.execute(options, context);
  const model = context.seasons.get(readString(options, 'season'));
  if (!model) return command.execute(options, context);
  // The same request again (options in the order they came, the same language, the same model) answers
  // from the reply built the first time, without running the handler's lookups again: on a warm request
  // they were most of our part of the round trip. Only a reply built at once is kept (a picture's
  // pending render is not), never an error, and the memo goes with the model when a reload replaces it.
  const key = `command:${command.definition.name}:${replyLocale(context.invoker)}:${JSON.stringify(options)}`;
  const remembered = peekMemo<Reply>(model, key);
  if (remembered) return remembered;
  const reply = command.execute(options, context);
  if (!isThenable(reply)) memoForModel(model, key, () => reply);
  return reply;
}

/** The one door to autocomplete: nothing can match text longer than the option allows, so no choices. */
export function completeOption(
  command: Command,
  focused: FocusedOption,
  options: OptionValues,
  context: CommandContext,
): APIApplicationCommandOptionChoice[] {
  if (!command.autocomplete || checkOptionLengths(command, options, focused)) return [];
  return command.autocomplete(focused, options, context);
}

/**
 * Run a command the way every adapter does: user mistakes become their ephemeral reply; anything else is
 * returned as `failure` (the caller logs it) together with the generic reply.
 */
export async function runCommand(
  command: Command,
  options: OptionValues,
  context: CommandContext,
): Promise<{ reply: Reply; failure: unknown | null }> {
  try {
    return { reply: await executeCommand(command, options, context), failure: null };
  } catch (error) {
    const locale = replyLocale(context.invoker);
    if (error instanceof UserError) return { reply: buildUserErrorReply(error, locale), failure: null };
    return { reply: buildGenericErrorReply(locale), failure: error };
  }
}

/** Autocomplete never fails loudly: a broken suggestion list is an empty one. */
export function runAutocomplete(
  command: Command,
  focused: FocusedOption,
  options: OptionValues,
  context: CommandContext,
): { choices: APIApplicationCommandOptionChoice[]; failure: unknown | null } {
  try {
    return { choices: completeOption(command, focused, options, context), failure: null };
  } catch (error) {
    return { choices: [], failure: error };
  }
}
