import { type REST, Routes } from 'discord.js';
import { ChannelType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { ChannelCheck } from '../core/command.js';
import { judgeRecapPermissions } from '../discord/channel-check.js';
import { computeChannelPermissions } from '../discord/channel-permissions.js';
import { refuseChannel } from '../setup/channel-problem.js';

// What discord.js calls text-based and not a thread (channel-check.ts's test for the gateway).
const RECAP_CHANNEL_TYPES: ReadonlySet<number> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildVoice,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildStageVoice,
]);

const channelSchema = z.object({
  id: z.string(),
  type: z.number(),
  guild_id: z.string().optional(),
  permission_overwrites: z
    .array(z.object({ id: z.string(), type: z.number(), allow: z.string(), deny: z.string() }))
    .optional(),
});
const guildSchema = z.object({
  id: z.string(),
  owner_id: z.string().nullable().optional(),
  roles: z.array(z.object({ id: z.string(), permissions: z.string() })),
});
const memberSchema = z.object({ roles: z.array(z.string()) });

/**
 * Can the bot post a recap in this channel? The HTTP endpoint's version of channel-check.ts: without a
 * gateway there is no cache, so the channel, the guild's roles and the bot's member are read over REST
 * (three GETs, only when /setup names a channel).
 */
export async function checkChannelOverRest(
  rest: Pick<REST, 'get'>,
  botUserId: string,
  guildId: string,
  channelId: string,
): Promise<ChannelCheck> {
  const channel = channelSchema.safeParse(await rest.get(Routes.channel(channelId)).catch(() => null));
  if (!channel.success || channel.data.guild_id !== guildId) return refuseChannel({ kind: 'elsewhere' });
  if (!RECAP_CHANNEL_TYPES.has(channel.data.type)) return refuseChannel({ kind: 'notText' });
  const [guild, member] = await Promise.all([
    rest.get(Routes.guild(guildId)).then((json) => guildSchema.parse(json)),
    rest.get(Routes.guildMember(guildId, botUserId)).then((json) => memberSchema.parse(json)),
  ]).catch(() => [null, null] as const);
  if (!guild || !member) return refuseChannel({ kind: 'permissionsUnknown' });
  return judgeRecapPermissions(
    computeChannelPermissions({
      guildId,
      ownerId: guild.owner_id ?? null,
      userId: botUserId,
      roles: guild.roles,
      memberRoleIds: member.roles,
      overwrites: channel.data.permission_overwrites ?? [],
    }),
  );
}
