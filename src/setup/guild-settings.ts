import { PermissionFlagsBits } from 'discord-api-types/v10';
import { type BotServices, type CommandContext, UserError } from '../core/command.js';
import { t } from '../i18n/catalogue.js';
import { StorageUnavailableError } from '../store/key-value-store.js';
import { CorruptValueError, type GuildSettings } from '../store/settings-store.js';

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
const ADMINISTRATOR = PermissionFlagsBits.Administrator;

/** The services /setup needs: only inside a server, and only with storage (the offline CLI has none). */
export function requireServices(context: CommandContext): BotServices {
  if (!context.invoker.guildId) throw new UserError((locale) => t(locale, 'replies.settings.serverOnly'));
  if (!context.services) throw new UserError((locale) => t(locale, 'replies.settings.noStorage'));
  return context.services;
}

export function hasManageGuild(permissions: string | null): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & MANAGE_GUILD) !== 0n || (bits & ADMINISTRATOR) !== 0n;
}

/** Storage failures as the admin reads them: what happened, and what to do. Other errors pass through. */
export function storageProblemAsUserError(error: unknown): unknown {
  if (error instanceof CorruptValueError)
    return new UserError((locale) => t(locale, 'replies.settings.corrupt'));
  if (error instanceof StorageUnavailableError)
    return new UserError((locale) => t(locale, 'replies.settings.storageDown'));
  return error;
}

/**
 * Current settings for a command that writes them. An unreadable stored value cannot be repaired, only
 * replaced: writing commands start from fresh settings (show reports the problem instead).
 */
export async function readOrReplace(services: BotServices, guildId: string): Promise<GuildSettings | null> {
  try {
    return await services.settings.get(guildId);
  } catch (error) {
    if (error instanceof CorruptValueError) return null;
    throw error;
  }
}

/** Settings of a server that has none yet. */
export function blankSettings(guildId: string, context: CommandContext): GuildSettings {
  return {
    guildId,
    channelId: null,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: null,
    broken: null,
    seasonId: null,
    ...writtenBy(context),
  };
}

/**
 * What every settings write records: when, by whom, and the server's preferred locale as this interaction
 * reports it (what recaps and living standings fall back to when no `/setup language` was chosen).
 */
export function writtenBy(
  context: CommandContext,
): Pick<GuildSettings, 'updatedAt' | 'updatedBy' | 'guildLocale'> {
  return {
    updatedAt: context.now().toISOString(),
    updatedBy: context.invoker.userId,
    guildLocale: context.invoker.guildLocale ?? null,
  };
}

/** The current settings to write over, or fresh ones. */
export async function settingsToWrite(
  services: BotServices,
  guildId: string,
  context: CommandContext,
): Promise<GuildSettings> {
  return (await readOrReplace(services, guildId)) ?? blankSettings(guildId, context);
}
