import { ApplicationCommandOptionType } from 'discord.js';
import type { FocusedOption, Invoker, OptionValue, OptionValues } from '../core/command.js';
import type { InteractionSource, RawCommandOption } from './interaction-types.js';

/**
 * Flattens Discord's option tree into the plain record handlers take.
 * - Scalar options keep their value; user, channel, role, mentionable and attachment options become their id.
 * - A subcommand puts its name under `subcommand` (a group under `subcommandGroup`) and its own options
 *   flat beside it: `/setup announcements channel:#x` → `{ subcommand: 'announcements', channel: '123…' }`.
 *   Command definitions therefore never name an option `subcommand` or `subcommandGroup`.
 */
export function toOptionValues(options: readonly RawCommandOption[]): OptionValues {
  const values: Record<string, OptionValue> = {};
  collectOptionValues(options, values);
  return values;
}

function collectOptionValues(options: readonly RawCommandOption[], into: Record<string, OptionValue>): void {
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      into.subcommandGroup = option.name;
      collectOptionValues(option.options ?? [], into);
    } else if (option.type === ApplicationCommandOptionType.Subcommand) {
      into.subcommand = option.name;
      collectOptionValues(option.options ?? [], into);
    } else if (option.value !== undefined) {
      into[option.name] = option.value;
    }
  }
}

/** The option being typed in an autocomplete interaction; its value is the raw text, whatever its type. */
export function findFocusedOption(options: readonly RawCommandOption[]): FocusedOption | null {
  for (const option of options) {
    if (option.focused) return { name: option.name, value: String(option.value ?? '') };
    const nested = option.options ? findFocusedOption(option.options) : null;
    if (nested) return nested;
  }
  return null;
}

export function buildInvoker(interaction: InteractionSource): Invoker {
  return {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    permissions: interaction.memberPermissions?.bitfield.toString() ?? null,
    locale: interaction.locale ?? null,
    guildLocale: interaction.guildLocale ?? null,
  };
}
