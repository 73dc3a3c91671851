import type { Command, CommandContext, Invoker, OptionValues } from '../core/command.js';
import { UserError } from '../core/command.js';
import { completeOption, executeCommand } from '../core/run-command.js';
import { isThenable } from '../core/thenable.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import type { Logger } from '../logger.js';
import { safe } from '../replies/safe-text.js';
import { type Clock, runWithDeadline } from './clock.js';
import { answerWithError, type InteractionLogContext } from './error-boundary.js';
import type { AutocompleteSource, InteractionSource, RepliableInteraction } from './interaction-types.js';
import { buildInvoker, findFocusedOption, toOptionValues } from './options.js';
import { InteractionResponder, respondWithChoices } from './responder.js';

const MAX_CHOICES = 25;

export interface InteractionHandlerDeps {
  commands: ReadonlyMap<string, Command>;
  makeContext: (invoker: Invoker) => CommandContext;
  logger: Logger;
  clock: Clock;
  /** Defer a handler still running after this long (Discord kills the token at 3 s). */
  deferAfterMs: number;
  onFault?: () => void;
}

/**
 * Whether the answer will be ephemeral must be known before deferring: the deferral fixes it.
 * Commands express it with their `hide` option.
 */
export function wantsEphemeral(options: OptionValues): boolean {
  return options.hide === true;
}

export async function handleChatInputCommand(
  interaction: RepliableInteraction,
  deps: InteractionHandlerDeps,
): Promise<void> {
  const options = toOptionValues(interaction.options.data);
  const responder = new InteractionResponder(interaction, deps.logger);
  const ephemeral = wantsEphemeral(options);
  try {
    const command = deps.commands.get(interaction.commandName);
    if (!command) {
      deps.logger.warn(
        describeInteraction(interaction, options),
        'interaction for an unknown command (stale registration?)',
      );
      const name = safe(interaction.commandName);
      throw new UserError((locale) => t(locale, 'replies.errors.commandGone', { name }));
    }
    const context = deps.makeContext(buildInvoker(interaction));
    if (command.mayBeSlow) await responder.defer(ephemeral);
    const pending = runWithDeadline(
      () => executeCommand(command, options, context),
      deps.deferAfterMs,
      () => responder.defer(ephemeral),
      deps.clock,
    );
    // A warm reply is settled already: send it in this turn rather than one microtask later.
    await responder.send(isThenable(pending) ? await pending : pending);
  } catch (error) {
    const locale = replyLocale(buildInvoker(interaction));
    // The log context is built only when something is logged: an answered interaction never needs it.
    const logContext = describeInteraction(interaction, options);
    const outcome = await answerWithError(responder, error, logContext, deps.logger, locale);
    if (outcome === 'fault') deps.onFault?.();
  }
}

/** Autocomplete cannot be deferred or show an error: any failure answers with no choices. */
export async function handleAutocomplete(
  interaction: AutocompleteSource,
  deps: InteractionHandlerDeps,
): Promise<void> {
  const options = toOptionValues(interaction.options.data);
  let choices: Awaited<ReturnType<NonNullable<Command['autocomplete']>>> = [];
  try {
    const command = deps.commands.get(interaction.commandName);
    const focused = findFocusedOption(interaction.options.data);
    if (command?.autocomplete && focused) {
      choices = completeOption(command, focused, options, deps.makeContext(buildInvoker(interaction)));
    } else {
      deps.logger.warn(describeInteraction(interaction, options), 'autocomplete nobody handles');
    }
  } catch (err) {
    deps.logger.error({ ...describeInteraction(interaction, options), err }, 'autocomplete failed');
    deps.onFault?.();
    choices = [];
  }
  try {
    // Sliced only when too long: the memoised list itself is what its encoded JSON is cached by.
    await respondWithChoices(
      interaction,
      choices.length > MAX_CHOICES ? choices.slice(0, MAX_CHOICES) : choices,
    );
  } catch (err) {
    deps.logger.warn(
      { ...describeInteraction(interaction, options), err },
      'could not send autocomplete choices',
    );
  }
}

function describeInteraction(interaction: InteractionSource, options: OptionValues): InteractionLogContext {
  return {
    interactionId: interaction.id,
    command: interaction.commandName,
    options,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}
