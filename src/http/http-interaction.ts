import {
  type InteractionDeferReplyOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RequestData,
  Routes,
} from 'discord.js';
import type { ComponentPressSource } from '../components/press-handler.js';
import type { EncodedCallback } from '../discord/callback-body.js';
import type {
  AutocompleteSource,
  RawCommandOption,
  RepliableInteraction,
  RestPoster,
} from '../discord/interaction-types.js';
import type { InteractionPayload } from './interaction-payload.js';
import { toWebhookRequest } from './webhook-request.js';

/** The REST calls an interaction makes after its inline answer (edits, follow-ups), token-authenticated. */
export interface WebhookRest {
  post(route: `/${string}`, options: RequestData): Promise<unknown>;
  patch(route: `/${string}`, options: RequestData): Promise<unknown>;
  delete(route: `/${string}`, options: RequestData): Promise<unknown>;
}

/**
 * The HTTP response of one interaction request, waiting for its body. Offered once: the first callback
 * becomes the response; later offers (or any after the request gave up waiting) are refused.
 */
export class InlineAnswer {
  #settled = false;
  #resolve!: (callback: EncodedCallback | null) => void;
  readonly promise = new Promise<EncodedCallback | null>((resolve) => {
    this.#resolve = resolve;
  });

  offer(callback: EncodedCallback): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    this.#resolve(callback);
    return true;
  }

  /** The request stopped waiting (timeout, closed connection): the answer resolves null. */
  close(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve(null);
  }
}

export class InlineWindowClosedError extends Error {
  override readonly name = 'InlineWindowClosedError';
}

/**
 * An interaction that arrived over HTTP, shaped like the discord.js interaction the shared handlers take
 * (see interaction-types.ts): its initial callback (reply, deferral, update, choices) becomes the HTTP
 * response; editReply, followUp and deleteReply go through the interaction webhook over REST, as with the
 * gateway. After a press's deferUpdate, editReply edits the message the component sits on (Discord's
 * `@original` of a component interaction), as discord.js's does.
 */
export class HttpInteraction implements RepliableInteraction, AutocompleteSource, ComponentPressSource {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
  readonly commandName: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: { readonly id: string };
  readonly memberPermissions: { readonly bitfield: bigint } | null;
  readonly options: { readonly data: readonly RawCommandOption[] };
  readonly locale: string | null;
  readonly guildLocale: string | null;
  readonly client: { readonly rest: RestPoster };
  /** A press's component and choices; empty for commands. */
  readonly customId: string;
  readonly values: readonly string[];
  /** The message a pressed component sits on (who ran its command); none for commands. */
  readonly message: { readonly interactionMetadata: { readonly user: { readonly id: string } } | null };
  deferred = false;
  replied = false;
  responded = false;
  ephemeral: boolean | null = null;

  constructor(
    payload: InteractionPayload,
    private readonly inline: InlineAnswer,
    private readonly rest: WebhookRest,
  ) {
    this.id = payload.id;
    this.token = payload.token;
    this.applicationId = payload.application_id;
    this.commandName = payload.data?.name ?? '';
    this.guildId = payload.guild_id ?? null;
    this.channelId = payload.channel_id ?? null;
    this.user = { id: payload.member?.user.id ?? payload.user?.id ?? '0' };
    this.memberPermissions = payload.member ? { bitfield: BigInt(payload.member.permissions) } : null;
    this.options = { data: payload.data?.options ?? [] };
    this.locale = payload.locale ?? null;
    this.guildLocale = payload.guild_locale ?? null;
    this.customId = payload.data?.custom_id ?? '';
    this.values = payload.data?.values ?? [];
    const ranBy = payload.message?.interaction_metadata?.user;
    this.message = { interactionMetadata: ranBy ? { user: { id: ranBy.id } } : null };
    const callbackRoute = Routes.interactionCallback(this.id, this.token);
    this.client = {
      rest: {
        post: async (route, options) => {
          if (route !== callbackRoute) return rest.post(route, options);
          this.#answerInline({
            body: options.body as string | Uint8Array,
            contentType: readContentType(options.headers) ?? 'application/json',
          });
          return undefined;
        },
      },
    };
  }

  async deferReply(options: InteractionDeferReplyOptions): Promise<unknown> {
    const flags = Number(options.flags ?? 0) & MessageFlags.Ephemeral;
    this.#answerInline({
      body: JSON.stringify({ type: 5, ...(flags !== 0 && { data: { flags } }) }),
      contentType: 'application/json',
    });
    this.deferred = true;
    this.ephemeral = flags !== 0;
    return undefined;
  }

  /** DEFERRED_UPDATE_MESSAGE (type 6): the press is acknowledged, the message is edited later. */
  async deferUpdate(): Promise<unknown> {
    this.#answerInline({ body: JSON.stringify({ type: 6 }), contentType: 'application/json' });
    this.deferred = true;
    return undefined;
  }

  editReply(options: InteractionEditReplyOptions): Promise<unknown> {
    return this.rest.patch(Routes.webhookMessage(this.applicationId, this.token), {
      ...toWebhookRequest(options),
      auth: false,
    });
  }

  async followUp(options: InteractionReplyOptions): Promise<unknown> {
    const sent = await this.rest.post(Routes.webhook(this.applicationId, this.token), {
      ...toWebhookRequest(options),
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
    });
    this.replied = true;
    return sent;
  }

  deleteReply(): Promise<unknown> {
    return this.rest.delete(Routes.webhookMessage(this.applicationId, this.token), { auth: false });
  }

  #answerInline(callback: EncodedCallback): void {
    if (!this.inline.offer(callback))
      throw new InlineWindowClosedError(
        `interaction ${this.id}: the HTTP response was already sent or given up; the answer cannot go inline`,
      );
  }
}

function readContentType(headers: RequestData['headers']): string | undefined {
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-type') return value;
  }
  return undefined;
}
