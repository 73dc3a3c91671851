import { type Json, type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { type BotProcess, spawnMain } from './bot-process.js';
import { freePort, type RedisHandle, startRedis } from './redis-server.js';

export interface HttpFleet {
  discord: LocalDiscord;
  redis: RedisHandle;
  /** Free loopback ports, one per process the test means to start. */
  ports: number[];
  /** `npm start` in HTTP mode on `port`, sharing the fleet's Redis; killed by close() if still running. */
  spawn(port: number, env?: Record<string, string>): BotProcess;
  /** The guild's #announcements channel. */
  announcementsId: string;
  /** `/setup <subcommand>` from an administrator; resolves with the answer. */
  setup(subcommand: string, options: Record<string, string | number | boolean>): Promise<Json>;
  /** SIGKILLs every process still running, then stops the local Discord and Redis. */
  close(): Promise<void>;
}

/**
 * What HTTP-mode bot processes share: a local Discord with the bot's commands deployed to its guild, one
 * Redis, and `portCount` free ports to listen on.
 */
export async function startHttpFleet(portCount: number): Promise<HttpFleet> {
  const [discord, redis, ...ports] = await Promise.all([
    startLocalDiscord(),
    startRedis(),
    ...Array.from({ length: portCount }, () => freePort()),
  ]);
  const processes: BotProcess[] = [];
  const close = async () => {
    for (const bot of processes) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await discord.close();
    await redis.stop();
  };
  const announcements = discord.guilds[0]?.channels.find((c) => c.name === 'announcements');
  try {
    if (!announcements) throw new Error('the local Discord started without an announcements channel');
    await deployCommands({
      config: {
        discord: {
          token: discord.token,
          applicationId: discord.applicationId,
          guildId: discord.guilds[0]?.id as string,
          apiUrl: discord.restUrl,
        },
      },
      commands,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    discord,
    redis,
    ports,
    announcementsId: announcements.id,
    setup: (subcommand, options) =>
      discord.injectCommand({ name: 'setup', subcommand, options, memberPermissions: '8' }).final(15_000),
    spawn(port, env = {}) {
      const bot = spawnMain(discord, {
        PITBOARD_STORE_URL: redis.url,
        PITBOARD_HTTP_PORT: String(port),
        ...env,
      });
      processes.push(bot);
      return bot;
    },
    close,
  };
}
