import type {
  ApplicationCommandOptionChoiceData,
  ApplicationCommandOptionType,
  InteractionDeferReplyOptions,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
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
}

export interface RepliableInteraction extends InteractionSource {
  readonly deferred: boolean;
  readonly replied: boolean;
  deferReply(options: InteractionDeferReplyOptions): Promise<unknown>;
  reply(options: InteractionReplyOptions): Promise<unknown>;
  editReply(options: InteractionEditReplyOptions): Promise<unknown>;
  followUp(options: InteractionReplyOptions): Promise<unknown>;
  deleteReply(): Promise<unknown>;
}

export interface AutocompleteSource extends InteractionSource {
  respond(choices: readonly ApplicationCommandOptionChoiceData[]): Promise<unknown>;
}
