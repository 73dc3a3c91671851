import type {
  ApplicationCommandOptionType,
  InteractionDeferReplyOptions,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  RequestData,
} from 'discord.js';

/*
 * The slice of discord.js interactions the adapter touches. The real ChatInputCommandInteraction and
 * AutocompleteInteraction satisfy these structurally, so unit tests use small fakes instead of the client.
 */

export interface RawCommandOption {
  readonly name: string;
  readonly type: ApplicationCommandOptionType;
  readonly value?: string | number | boolean;
  readonly focused?: boolean;
  readonly options?: readonly RawCommandOption[];
}

export interface InteractionSource {
  readonly id: string;
  readonly commandName: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly user: { readonly id: string };
  readonly memberPermissions: { readonly bitfield: bigint } | null;
  readonly options: { readonly data: readonly RawCommandOption[] };
  /** The user's client language and the server's preferred one, as Discord sends them. */
  readonly locale?: string | null;
  readonly guildLocale?: string | null;
}

/** The REST call the initial reply is sent with (discord.js's `client.rest.post`, rate limits and all). */
export interface RestPoster {
  post(route: `/${string}`, options: RequestData): Promise<unknown>;
}

/** What the adapter needs to post an interaction callback itself. */
export interface CallbackTarget {
  readonly id: string;
  readonly token: string;
  readonly client: { readonly rest: RestPoster };
}

export interface RepliableInteraction extends InteractionSource, ReplyTarget {}

/** What answering an interaction needs, whatever its kind (command or component press). */
export interface ReplyTarget extends CallbackTarget {
  /** Set by discord.js's `deferReply()`. */
  deferred: boolean;
  /** Set by the responder once it has posted the initial reply itself, as discord.js's `reply()` would. */
  replied: boolean;
  ephemeral: boolean | null;
  deferReply(options: InteractionDeferReplyOptions): Promise<unknown>;
  editReply(options: InteractionEditReplyOptions): Promise<unknown>;
  followUp(options: InteractionReplyOptions): Promise<unknown>;
  deleteReply(): Promise<unknown>;
  /** The user's client language, for the few words the adapter writes itself. */
  readonly locale?: string | null;
}

export interface AutocompleteSource extends InteractionSource, CallbackTarget {
  /** Set once the choices are posted, as discord.js's `respond()` would. */
  responded: boolean;
}
