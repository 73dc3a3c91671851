import { type Client, PermissionFlagsBits } from 'discord.js';
import type { ChannelCheck } from '../core/command.js';

const NEEDED = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

/** Can the bot post a recap (an embed) in this channel? Read from the gateway's guild and channel caches. */
export async function checkChannel(
  client: Client,
  guildId: string,
  channelId: string,
): Promise<ChannelCheck> {
  const channel =
    client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null));
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId)
    return { ok: false, problem: 'that channel is not in this server, or I cannot see it' };
  if (!channel.isTextBased() || channel.isThread())
    return { ok: false, problem: 'recaps need a text or announcement channel' };
  const me = client.user;
  const permissions = me ? channel.permissionsFor(me) : null;
  if (!permissions) return { ok: false, problem: 'I cannot work out my permissions there' };
  return judgeRecapPermissions(permissions.bitfield);
}

/** Whether these permissions in a channel let the bot post a recap; names what is missing. */
export function judgeRecapPermissions(bits: bigint): ChannelCheck {
  const missing = NEEDED.filter(([bit]) => (bits & bit) === 0n).map(([, name]) => name);
  return missing.length === 0
    ? { ok: true, problem: null }
    : { ok: false, problem: `I am missing ${missing.join(', ')}` };
}
