import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import type { SeasonCatalog } from '../season/catalog.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import type { SettingsStore } from '../store/settings-store.js';

/** Option values as Discord delivers them after parsing: strings, numbers, booleans; channels/users as ids. */
export type OptionValue = string | number | boolean;
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

/** A file the reply carries (sent as multipart `files[n]`, referenced by `attachment://name`). */
export interface ReplyFile {
  name: string;
  contentType: string;
  data: Uint8Array;
  description?: string;
}

/**
 * What a handler returns: the message body exactly as it goes into an interaction callback's `data`,
 * plus any files. Adapters (Discord, CLI, tests) decide where it goes; handlers never see an interaction.
 */
export interface Reply {
  data: APIInteractionResponseCallbackData;
  files?: ReplyFile[];
}

/** Who is asking and from where; null outside a guild (CLI). */
export interface Invoker {
  guildId: string | null;
  channelId: string | null;
  userId: string | null;
  /** Permission bitfield of the member in the channel, as Discord sends it (decimal string); null = unknown. */
  permissions: string | null;
  /** The user's Discord client language (`fr`, `en-GB`, …) as sent with the interaction; absent = unknown. */
  locale?: string | null;
  /** The server's preferred language (`guild_locale`); absent outside a server. */
  guildLocale?: string | null;
}

/**
 * Everything a handler may use. Extended by later features (settings store, scheduler) as optional fields
 * so that query commands keep working without them.
 */
export interface CommandContext {
  /** The injected clock: every "now" in a handler comes from here, never from Date.now(). */
  now: () => Date;
  invoker: Invoker;
  /** The loaded seasons (see src/season/catalog.ts). */
  seasons: SeasonCatalog;
  /** Present when the bot runs with storage and a Discord connection (not in the offline CLI). */
  services?: BotServices;
}

/** A permission a recap needs in its channel. */
export type RecapPermission = 'viewChannel' | 'sendMessages' | 'embedLinks';

/** Why the bot cannot post in a channel, for a sentence in the admin's language (src/setup/channel-problem.ts). */
export type ChannelProblem =
  | { kind: 'elsewhere' }
  | { kind: 'notText' }
  | { kind: 'permissionsUnknown' }
  | { kind: 'missing'; permissions: readonly RecapPermission[] };

export interface ChannelCheck {
  ok: boolean;
  /** Why the bot cannot post there, in words for an admin (English, for logs and checks without a reason). */
  problem: string | null;
  /** The same, for the reply in the admin's language; absent when the check gives words only. */
  reason?: ChannelProblem;
}

/** What /setup and replay-aware commands need beyond the season model. */
export interface BotServices {
  settings: SettingsStore;
  store: KeyValueStore;
  /** Can the bot post embeds in this channel of this server? */
  checkChannel(guildId: string, channelId: string): Promise<ChannelCheck>;
  catchUpHours: number;
  /** Run the living standings job now (after /setup live-standings) instead of at the next tick. */
  refreshLiveStandings?: () => void;
}

export interface FocusedOption {
  name: string;
  value: string;
}

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * True when the first run can take longer than Discord's 3 s (e.g. rendering an image): the bot defers
   * before calling execute. Handlers that are always fast leave it unset.
   */
  mayBeSlow?: boolean;
  /**
   * True when the reply is a function of the season model, the options and the reader's language alone:
   * never the clock, the invoker's server or channel, nor the bot's services. executeCommand then keeps a
   * reply it built at once for the same request (see rememberedReply in run-command.ts).
   */
  pure?: boolean;
  execute(options: OptionValues, context: CommandContext): Reply | Promise<Reply>;
  autocomplete?(
    focused: FocusedOption,
    options: OptionValues,
    context: CommandContext,
  ): APIApplicationCommandOptionChoice[];
}

/** A message written when the reply is, in the reader's language (only the adapter knows it by then). */
export type LocalisedText = (locale: Locale) => string;

/**
 * A mistake by the person asking: shown verbatim, ephemeral, with suggestions. Never logged as a fault. Given
 * as a {@link LocalisedText} it is written in the reader's language; a plain string is shown as it is (its
 * thrower wrote it in the reader's language already). `message` is the English text, for logs.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly #text: LocalisedText | null;
  constructor(
    message: string | LocalisedText,
    readonly suggestions: readonly string[] = [],
  ) {
    super(typeof message === 'string' ? message : message(DEFAULT_LOCALE));
    this.#text = typeof message === 'string' ? null : message;
  }

  /** The message for a reader of `locale`. */
  textIn(locale: Locale): string {
    return this.#text ? this.#text(locale) : this.message;
  }
}
