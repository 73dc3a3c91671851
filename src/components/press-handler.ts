import { MessageFlags } from 'discord-api-types/v10';
import type { Reply } from '../core/command.js';
import { executeCommand } from '../core/run-command.js';
import { encodeReplyCallback } from '../discord/callback-body.js';
import { runWithDeadline } from '../discord/clock.js';
import { answerWithError, type InteractionLogContext } from '../discord/error-boundary.js';
import type { InteractionHandlerDeps } from '../discord/interaction-handler.js';
import type { ReplyTarget } from '../discord/interaction-types.js';
import { isEphemeral, toEditReplyOptions, toReplyOptions } from '../discord/outgoing-message.js';
import { postCallback } from '../discord/responder.js';
import { replyLocale } from '../i18n/reply-locale.js';
import type { Logger } from '../logger.js';
import { asPrivateCopy, asUpdate, planPress } from './press.js';
import { encodeUpdateCallback } from './update-callback.js';

/** The slice of discord.js's ButtonInteraction / StringSelectMenuInteraction a press needs. */
export interface ComponentPressSource extends ReplyTarget {
  readonly customId: string;
  /** A select's chosen values; absent for a button. */
  readonly values?: readonly string[];
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: { readonly id: string };
  readonly memberPermissions: { readonly bitfield: bigint } | null;
  readonly locale?: string | null;
  readonly guildLocale?: string | null;
  /** Who ran the command whose reply carries the component (null on messages the bot posted itself). */
  readonly message: { readonly interactionMetadata: { readonly user: { readonly id: string } } | null };
  deferUpdate(): Promise<unknown>;
}

/**
 * A button or menu press: decoded, then answered by the same command module as the slash command. The
 * person who ran the command sees their message change in place (UPDATE_MESSAGE); anyone else, and
 * everyone on a message the bot posted itself, gets their own ephemeral copy. The error boundary and the
 * deadline deferral are the slash command's.
 */
export async function handleComponentPress(
  interaction: ComponentPressSource,
  deps: InteractionHandlerDeps,
): Promise<void> {
  const ownsMessage = interaction.message.interactionMetadata?.user.id === interaction.user.id;
  const responder = new PressResponder(interaction, ownsMessage, deps.logger);
  try {
    const context = deps.makeContext({
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      permissions: interaction.memberPermissions?.bitfield.toString() ?? null,
      locale: interaction.locale ?? null,
      guildLocale: interaction.guildLocale ?? null,
    });
    const plan = planPress(
      { customId: interaction.customId, values: interaction.values ?? [] },
      (name) => deps.commands.get(name),
      context.seasons,
      replyLocale(context.invoker),
    );
    if (!plan.ok) {
      deps.logger.debug(
        { ...describePress(interaction), reason: plan.reason, detail: plan.detail },
        'press refused',
      );
      await responder.send(plan.reply);
      return;
    }
    const reply = await runWithDeadline(
      () => executeCommand(plan.command, plan.options, context),
      deps.deferAfterMs,
      () => responder.defer(),
      deps.clock,
    );
    await responder.send(reply);
  } catch (error) {
    const locale = replyLocale({ locale: interaction.locale ?? null });
    const outcome = await answerWithError(responder, error, describePress(interaction), deps.logger, locale);
    if (outcome === 'fault') deps.onFault?.();
  }
}

/** The log context of a press, built only when something is logged: an answered press never needs it. */
function describePress(interaction: ComponentPressSource): InteractionLogContext {
  return {
    interactionId: interaction.id,
    command: 'component',
    options: { customId: interaction.customId, values: interaction.values ?? [] },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}

/**
 * At most one initial response per press. An update goes as UPDATE_MESSAGE (or, once deferred with
 * DEFERRED_UPDATE_MESSAGE, as an edit of the message); everything private — a copy for someone else, a
 * refusal, a mistake — goes as an ephemeral message and never touches the shared one.
 */
class PressResponder {
  #deferral: Promise<void> | null = null;

  constructor(
    private readonly interaction: ComponentPressSource,
    private readonly updates: boolean,
    private readonly logger: Logger,
  ) {}

  defer(): Promise<void> {
    this.#deferral ??= (
      this.updates
        ? this.interaction.deferUpdate()
        : this.interaction.deferReply({ flags: MessageFlags.Ephemeral })
    ).then(() => undefined);
    return this.#deferral;
  }

  async send(reply: Reply): Promise<void> {
    await this.#deferral?.catch(() => undefined);
    const { interaction } = this;
    const acknowledged = interaction.deferred || interaction.replied;
    if (this.updates && !isEphemeral(reply)) {
      if (acknowledged) {
        const update = asUpdate(reply);
        const files = update.files ?? [];
        // Without files the edit must drop the old picture explicitly (an edit keeps what it omits).
        await interaction.editReply({
          ...toEditReplyOptions(update),
          ...(files.length === 0 && { attachments: [] }),
          components: update.data.components ?? [],
        });
      } else await this.#post(encodeUpdateCallback(reply));
      return;
    }
    const copy = asPrivateCopy(reply);
    if (!acknowledged) await this.#post(encodeReplyCallback(copy));
    else if (this.updates || interaction.replied) await interaction.followUp(toReplyOptions(copy));
    else await interaction.editReply(toEditReplyOptions(copy));
    this.logger.debug({ interactionId: interaction.id }, 'press answered privately');
  }

  async #post(encoded: ReturnType<typeof encodeUpdateCallback>): Promise<void> {
    await postCallback(this.interaction, encoded);
    this.interaction.replied = true;
  }
}
