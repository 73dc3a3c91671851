import { MessageFlags, Routes } from 'discord.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { NO_MENTIONS } from '../core/callback-json.js';
import type { Reply } from '../core/command.js';
import { t } from '../i18n/catalogue.js';
import { replyLocale } from '../i18n/reply-locale.js';
import type { Logger } from '../logger.js';
import { type EncodedCallback, encodeChoicesCallback, encodeReplyCallback } from './callback-body.js';
import type { AutocompleteSource, CallbackTarget, ReplyTarget } from './interaction-types.js';
import { isEphemeral, toEditReplyOptions, toReplyOptions } from './outgoing-message.js';

/**
 * Sends at most one initial response per interaction and everything after it the right way:
 * the initial reply when fresh, editReply after a deferral, followUp once replied.
 *
 * discord.js flips `deferred` only when the deferral's REST call returns, so a pending deferral is awaited
 * before choosing, or a fast handler racing the deadline timer would answer twice (40060).
 */
export class InteractionResponder {
  #deferral: Promise<void> | null = null;
  #deferredEphemeral = false;

  constructor(
    private readonly interaction: ReplyTarget,
    private readonly logger: Logger,
  ) {}

  /** Idempotent; visibility is fixed by the first call (a deferral decides the final message's visibility). */
  defer(ephemeral: boolean): Promise<void> {
    if (!this.#deferral) {
      this.#deferredEphemeral = ephemeral;
      this.#deferral = this.interaction
        .deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
        .then(() => undefined);
    }
    return this.#deferral;
  }

  async send(reply: Reply): Promise<void> {
    // A failed deferral leaves the interaction unacknowledged: fall through to a plain reply.
    if (this.#deferral) await this.#deferral.catch(() => undefined);
    const { interaction } = this;
    if (!interaction.deferred && !interaction.replied) {
      await this.#replyFirst(reply);
    } else if (interaction.replied) {
      await interaction.followUp(toReplyOptions(reply));
    } else if (isEphemeral(reply) && !this.#deferredEphemeral) {
      await this.#replacePublicPlaceholder(reply);
    } else {
      await interaction.editReply(toEditReplyOptions(reply));
    }
  }

  /**
   * The initial response, posted with discord.js's REST client as discord.js's `reply()` posts it, but
   * with a body encoded by Pitboard (see callback-body.ts: the CLI's JSON, pictures encoded once).
   */
  async #replyFirst(reply: Reply): Promise<void> {
    const { interaction } = this;
    await postCallback(interaction, encodeReplyCallback(reply));
    interaction.ephemeral = isEphemeral(reply);
    interaction.replied = true;
  }

  /**
   * An ephemeral answer after a public deferral: Discord gives the first followUp the deferral's
   * visibility, so the "thinking…" placeholder is first settled by an edit, then the answer goes as an
   * ephemeral followUp, then the placeholder is deleted (a failed delete only leaves the short note).
   */
  async #replacePublicPlaceholder(reply: Reply): Promise<void> {
    const note = t(replyLocale(this.interaction), 'replies.errors.answeredPrivately');
    await this.interaction.editReply({ content: note, allowedMentions: NO_MENTIONS });
    await this.interaction.followUp(toReplyOptions(reply));
    await this.interaction.deleteReply().catch((err: unknown) => {
      this.logger.warn(
        { err, interactionId: this.interaction.id },
        'could not delete the public placeholder',
      );
    });
  }
}

/**
 * The autocomplete answer, posted like the initial reply above (discord.js's REST client, a body Pitboard
 * encoded): a choice list is memoised per model and typed text, so its JSON is built once too.
 */
export async function respondWithChoices(
  interaction: AutocompleteSource,
  choices: readonly APIApplicationCommandOptionChoice[],
): Promise<void> {
  await postCallback(interaction, encodeChoicesCallback(choices));
  interaction.responded = true;
}

/** An interaction callback, already encoded, posted as-is (authenticated by the interaction's token). */
export function postCallback(
  target: CallbackTarget,
  { body, contentType }: EncodedCallback,
): Promise<unknown> {
  return target.client.rest.post(Routes.interactionCallback(target.id, target.token), {
    body,
    passThroughBody: true,
    headers: { 'Content-Type': contentType },
    auth: false,
  });
}
