import { Client, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';

export interface DiscordClientOptions {
  /** REST base, e.g. http://127.0.0.1:PORT/api for the local Discord; Discord's own when unset. */
  apiUrl?: string | null;
  /** Extra REST tuning (tests: `{ offset: 0, timeout: 2000, retries: 1 }`). */
  rest?: Partial<RESTOptions>;
}

const isOwnUser = (user: { id: string; client: Client }) => user.id === user.client.user?.id;

/**
 * A slash-command client: the Guilds intent only, sharded as Discord recommends, and caches that never
 * grow with the people who use it.
 * Every interaction would otherwise cache its user and member forever. Guild, channel, role and
 * permission-overwrite caches are left unlimited: discord.js breaks without them.
 */
export function createDiscordClient({ apiUrl, rest }: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Internal sharding: as many shards as GET /gateway/bot recommends (required from 2,500 guilds), in this
    // one process with one cache.
    shards: 'auto',
    allowedMentions: { parse: [] },
    rest: { ...rest, ...(apiUrl ? { api: apiUrl } : {}) },
    makeCache: Options.cacheWithLimits({
      UserManager: { maxSize: 0, keepOverLimit: isOwnUser },
      GuildMemberManager: { maxSize: 0, keepOverLimit: isOwnUser },
      MessageManager: 0,
      DMMessageManager: 0,
      GuildMessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      VoiceStateManager: 0,
      ThreadMemberManager: 0,
      StageInstanceManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      EntitlementManager: 0,
    }),
  });
}
