/** The local Discord's world: bot, guilds, channels, roles, users, commands and messages, plus the JSON shapes Discord sends for them. */
import {
  ALL_PERMISSIONS,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  Permission as P,
} from './permissions.js';
import { fixtureSnowflake, SnowflakeFactory, spreadFixtureSnowflake } from './snowflake.js';

export type Json = Record<string, unknown>;

export interface ChannelSpec {
  id?: string;
  name: string;
  /** 0 text (default), 5 announcement. */
  type?: 0 | 5;
  topic?: string;
  /** false: the bot cannot see the channel → 403 code 50001 Missing Access. */
  botCanView?: boolean;
  /** false: the bot sees it but cannot post → 403 code 50013 Missing Permissions. */
  botCanSend?: boolean;
  /** false: embeds are dropped from the bot's messages, as Discord does without Embed Links. */
  botCanEmbed?: boolean;
  /** false: posting files → 403 code 50013. */
  botCanAttach?: boolean;
  /** false: the id is known (e.g. a deleted channel) but Discord has no such channel → 404 code 10003. */
  exists?: boolean;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** Channel names or specs; default `general` and `announcements`. */
  channels?: (string | ChannelSpec)[];
  memberCount?: number;
  /** Permission bitfield of @everyone (decimal string or bigint). */
  everyonePermissions?: string | bigint;
  /** Permission bitfield of the bot's managed role. */
  botPermissions?: string | bigint;
  preferredLocale?: string;
  ownerId?: string;
}

export interface ChannelRecord {
  id: string;
  guildId: string;
  name: string;
  type: number;
  position: number;
  topic: string | null;
  exists: boolean;
  /** Permission overwrite on the bot's role. */
  botAllow: bigint;
  botDeny: bigint;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  everyonePermissions: bigint;
  botRoleId: string;
  botPermissions: bigint;
  memberCount: number;
  joinedAt: string;
  preferredLocale: string;
  channels: ChannelRecord[];
}

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface StoredCommand extends Json {
  id: string;
  application_id: string;
  version: string;
  name: string;
  type: number;
}

export interface StoredMessage {
  message: Json;
  channelId: string;
  deleted: boolean;
  source: 'channel' | 'interaction' | 'follow-up' | 'component';
  interactionId?: string;
  /** Author + nonce of a create with `enforce_nonce`, for dedupe. */
  nonceKey?: string;
  createdAt: number;
}

export interface AttachmentRecord {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

const FAMILY = { app: 0, guild: 1, channel: 2, role: 3, user: 4 } as const;

export function channelAccessBits(
  spec: Pick<ChannelSpec, 'botCanView' | 'botCanSend' | 'botCanEmbed' | 'botCanAttach'>,
) {
  let deny = 0n;
  if (spec.botCanView === false) deny |= P.ViewChannel;
  if (spec.botCanSend === false) deny |= P.SendMessages;
  if (spec.botCanEmbed === false) deny |= P.EmbedLinks;
  if (spec.botCanAttach === false) deny |= P.AttachFiles;
  return deny;
}

export class LocalState {
  readonly ids = new SnowflakeFactory();
  readonly applicationId = fixtureSnowflake(FAMILY.app, 1);
  readonly botUser: UserRecord;
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  readonly messages = new Map<string, StoredMessage>();
  readonly channelMessages = new Map<string, StoredMessage[]>();
  readonly attachments = new Map<string, AttachmentRecord>();
  readonly nonces = new Map<string, StoredMessage>();
  #guildCounter = 0;
  #channelCounter = 0;
  #roleCounter = 0;
  #userCounter = 0;

  constructor(botUsername: string) {
    this.botUser = { id: this.applicationId, username: botUsername, globalName: null, bot: true };
    this.users.set(this.botUser.id, this.botUser);
  }

  nextUserId(): string {
    return fixtureSnowflake(FAMILY.user, ++this.#userCounter);
  }

  ensureUser(id: string, username?: string): UserRecord {
    let user = this.users.get(id);
    if (!user) {
      user = { id, username: username ?? `user${id.slice(-4)}`, globalName: null, bot: false };
      this.users.set(id, user);
    } else if (username) {
      user.username = username;
    }
    return user;
  }

  addGuild(spec: GuildSpec = {}): GuildRecord {
    const n = ++this.#guildCounter;
    const id = spec.id ?? spreadFixtureSnowflake(FAMILY.guild, n);
    if (this.guilds.has(id)) throw new Error(`guild ${id} already exists`);
    const guild: GuildRecord = {
      id,
      name: spec.name ?? (n === 1 ? 'Local Test Server' : `Local Test Server ${n}`),
      ownerId: spec.ownerId ?? fixtureSnowflake(FAMILY.user, 0),
      everyonePermissions: BigInt(spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
      botRoleId: fixtureSnowflake(FAMILY.role, ++this.#roleCounter),
      botPermissions: BigInt(spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS),
      memberCount: spec.memberCount ?? 42,
      joinedAt: new Date().toISOString(),
      preferredLocale: spec.preferredLocale ?? 'en-US',
      channels: [],
    };
    this.ensureUser(guild.ownerId, 'server-owner');
    this.guilds.set(id, guild);
    for (const c of spec.channels ?? ['general', 'announcements']) {
      this.addChannel(id, typeof c === 'string' ? { name: c } : c);
    }
    return guild;
  }

  addChannel(guildId: string, spec: ChannelSpec): ChannelRecord {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`unknown guild ${guildId}`);
    const id = spec.id ?? fixtureSnowflake(FAMILY.channel, ++this.#channelCounter);
    if (this.channels.has(id)) throw new Error(`channel ${id} already exists`);
    const channel: ChannelRecord = {
      id,
      guildId,
      name: spec.name,
      type: spec.type ?? 0,
      position: guild.channels.length,
      topic: spec.topic ?? null,
      exists: spec.exists ?? true,
      botAllow: 0n,
      botDeny: channelAccessBits(spec),
    };
    guild.channels.push(channel);
    this.channels.set(id, channel);
    return channel;
  }

  /** The bot's effective permissions in a channel, computed the way Discord (and discord.js) does. */
  botPermissions(channel: ChannelRecord): bigint {
    const guild = this.guilds.get(channel.guildId);
    if (!guild) return 0n;
    const base = guild.everyonePermissions | guild.botPermissions;
    if ((base & P.Administrator) !== 0n) return ALL_PERMISSIONS;
    return (base & ~channel.botDeny) | channel.botAllow;
  }

  /** A member's permissions in a channel given their guild-level bitfield. */
  memberPermissions(guildPermissions: bigint): bigint {
    return (guildPermissions & P.Administrator) !== 0n ? ALL_PERMISSIONS : guildPermissions;
  }

  storeMessage(stored: StoredMessage): void {
    this.messages.set(String(stored.message.id), stored);
    let list = this.channelMessages.get(stored.channelId);
    if (!list) {
      list = [];
      this.channelMessages.set(stored.channelId, list);
    }
    list.push(stored);
  }

  // ------------------------------------------------------------------------------------------------------
  // Discord JSON shapes

  userJson(user: UserRecord): Json {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.globalName,
      avatar: null,
      bot: user.bot || undefined,
      public_flags: 0,
      flags: 0,
    };
  }

  roleJson(guild: GuildRecord): Json[] {
    const role = (
      id: string,
      name: string,
      permissions: bigint,
      position: number,
      managed: boolean,
    ): Json => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed,
      mentionable: false,
      flags: 0,
      ...(managed ? { tags: { bot_id: this.botUser.id } } : {}),
    });
    return [
      role(guild.id, '@everyone', guild.everyonePermissions, 0, false),
      role(guild.botRoleId, this.botUser.username, guild.botPermissions, 1, true),
    ];
  }

  channelJson(channel: ChannelRecord): Json {
    const overwrites: Json[] = [];
    if (channel.botAllow !== 0n || channel.botDeny !== 0n) {
      const guild = this.guilds.get(channel.guildId);
      overwrites.push({
        id: guild?.botRoleId,
        type: 0,
        allow: channel.botAllow.toString(),
        deny: channel.botDeny.toString(),
      });
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      parent_id: null,
      topic: channel.topic,
      nsfw: false,
      last_message_id: this.channelMessages.get(channel.id)?.at(-1)?.message.id ?? null,
      rate_limit_per_user: 0,
      permission_overwrites: overwrites,
      flags: 0,
    };
  }

  memberJson(guild: GuildRecord, user: UserRecord, roles: string[]): Json {
    return {
      user: this.userJson(user),
      nick: null,
      avatar: null,
      roles,
      joined_at: guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  botMemberJson(guild: GuildRecord): Json {
    return { ...this.memberJson(guild, this.botUser, [guild.botRoleId]), banner: null };
  }

  guildJson(guild: GuildRecord): Json {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: this.roleJson(guild),
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channels.find((c) => c.exists)?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** The full GUILD_CREATE payload a bot with the Guilds intent receives. */
  guildCreateJson(guild: GuildRecord): Json {
    return {
      ...this.guildJson(guild),
      unavailable: false,
      large: guild.memberCount > 250,
      member_count: guild.memberCount,
      joined_at: guild.joinedAt,
      lazy: true,
      channels: guild.channels
        .filter((c) => c.exists)
        .map((c) => {
          const { guild_id: _omit, ...rest } = this.channelJson(c);
          return rest;
        }),
      threads: [],
      members: [this.botMemberJson(guild)],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      application_command_counts: {},
    };
  }
}
