import { join } from 'node:path';
import {
  type GuildInfo,
  type InjectedInteraction,
  type LocalDiscord,
  type LocalDiscordOptions,
  startLocalDiscord,
} from '@pitboard/local-discord';
import { commands as productCommands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { Command } from '../../src/core/command.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { tempDir } from '../recaps/harness.js';

export interface BotUnderTest {
  discord: LocalDiscord;
  runtime: Runtime;
  guild: GuildInfo;
  /** The guild's `general` channel. */
  generalId: string;
  /** The SQLite file the bot stores in (inside a temporary folder removed by stop()). */
  storeUrl: string;
  /** `/name` (or `/name subcommand`) from a member with Administrator, in the general channel. */
  inject(
    name: string,
    options?: Record<string, string | number | boolean>,
    subcommand?: string,
  ): InjectedInteraction;
  stop(): Promise<void>;
}

/** Administrator: enough for every command, /setup included. */
const ADMIN = '8';

export interface BotUnderTestOptions {
  /** Names the temporary folder and the SQLite file. */
  name: string;
  /** Deployed to the guild and served; the product's by default. */
  commands?: readonly Command[];
  /** HTTP mode: the local Discord POSTs signed interactions to the bot's endpoint (no gateway session). */
  http?: boolean;
  discord?: LocalDiscordOptions;
  /** discord.js's REST timeout (one retry). */
  restTimeoutMs: number;
}

/**
 * The whole bot (runtime: storage, real command modules, real discord.js client) against a fresh local
 * Discord, with its commands deployed to the guild; the recap scheduler off, the data folder not watched.
 */
export async function startBotUnderTest(options: BotUnderTestOptions): Promise<BotUnderTest> {
  const discord = await startLocalDiscord(options.discord);
  const scratch = tempDir(options.name);
  let runtime: Runtime | undefined;
  const stop = async () => {
    await runtime?.stop();
    await discord.close();
    scratch.remove();
  };
  try {
    const guild = discord.guilds[0];
    const general = guild?.channels.find((c) => c.name === 'general');
    if (!guild || !general)
      throw new Error('the local Discord started without a guild and its general channel');
    const storeUrl = join(scratch.dir, `${options.name}.sqlite`);
    const config = loadConfig({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_GUILD_ID: guild.id,
      DISCORD_API_URL: discord.restUrl,
      PITBOARD_STORE_URL: storeUrl,
      ...(options.http && {
        PITBOARD_MODE: 'http',
        DISCORD_PUBLIC_KEY: discord.publicKey,
        PITBOARD_HTTP_PORT: '0',
      }),
    });
    const served = options.commands ?? productCommands;
    await deployCommands({ config, commands: served });
    runtime = await startRuntime({
      config,
      commands: served,
      logger: createLogger({ level: 'silent' }),
      rest: { offset: 0, timeout: options.restTimeoutMs, retries: 1 },
      schedule: false,
      watchData: false,
    });
    if (options.http) await discord.setInteractionsEndpoint(runtime.interactionsUrl);
    const inject: BotUnderTest['inject'] = (name, options = {}, subcommand) =>
      discord.injectCommand({
        name,
        options,
        channelId: general.id,
        memberPermissions: ADMIN,
        ...(subcommand ? { subcommand } : {}),
      });
    return { discord, runtime, guild, generalId: general.id, storeUrl, inject, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
