import { type Client, PermissionFlagsBits } from 'discord.js';
import type { ChannelCheck, RecapPermission } from '../core/command.js';
import { refuseChannel } from '../setup/channel-problem.js';

const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'viewChannel'],
  [PermissionFlagsBits.SendMessages, 'sendMessages'],
  [PermissionFlagsBits.EmbedLinks, 'embedLinks'],
] as const satisfies readonly (readonly [bigint, RecapPermission])[];

/** Can the bot post a recap (an embed) in this channel? Read from the gateway's guild and channel caches. */
export async function checkChannel(
  client: Client,
  guildId: string,
  channelId: string,
): Promise<ChannelCheck> {
  const channel =
    client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null));
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId)
    return refuseChannel({ kind: 'elsewhere' });
  if (!channel.isTextBased() || channel.isThread()) return refuseChannel({ kind: 'notText' });
  const me = client.user;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions) return refuseChannel({ kind: 'permissionsUnknown' });
  return judgeRecapPermissions(permissions.bitfield);
}

/** Whether these permissions in a channel let the bot post a recap; names what is missing. */
export function judgeRecapPermissions(bits: bigint): ChannelCheck {
  const missing = NEEDED.filter(([bit]) => (bits & bit) === 0n).map(([, name]) => name);
  return missing.length === 0
    ? { ok: true, problem: null }
    : refuseChannel({ kind: 'missing', permissions: missing });
}
