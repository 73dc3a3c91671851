import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
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
  try {
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
