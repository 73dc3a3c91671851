import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import type { Command } from '../../src/core/command.js';
import { createBot } from '../../src/discord/bot.js';
import type { Bot } from '../../src/discord/bot-core.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { captureLogs, type LogLine, testContext } from './fakes.js';

export interface BotAgainstLocalDiscord {
  discord: LocalDiscord;
  bot: Bot;
  guildId: string;
  logs: LogLine[];
  close(): Promise<void>;
}

/** The real discord.js client, logged in to a fresh local Discord with `commands` deployed to its guild. */
export async function startBotAgainstLocalDiscord(
  commands: Command[],
  { deferAfterMs, drainTimeoutMs }: { deferAfterMs?: number; drainTimeoutMs?: number } = {},
): Promise<BotAgainstLocalDiscord> {
  const discord = await startLocalDiscord({ heartbeatIntervalMs: 250 });
  const guildId = discord.guilds[0]?.id;
  if (!guildId) throw new Error('the local Discord started without a guild');
  const config = {
    discord: { token: discord.token, applicationId: discord.applicationId, guildId, apiUrl: discord.restUrl },
  };
  await deployCommands({ config, commands });
  const { logger, lines } = captureLogs();
  const bot = createBot({
    config,
    commands,
    makeContext: testContext,
    logger,
    // A loaded machine can hold hundreds of in-flight callbacks for seconds; a retried callback would fail (40060).
    rest: { offset: 0, timeout: 15_000, retries: 1 },
    ...(deferAfterMs !== undefined && { deferAfterMs }),
    ...(drainTimeoutMs !== undefined && { drainTimeoutMs }),
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    await discord.close();
    throw error;
  }
  return {
    discord,
    bot,
    guildId,
    logs: lines,
    async close() {
      await bot.stop();
      await discord.close();
    },
  };
}

/** Every message body the bot sent (replies, edits, follow-ups, channel messages). */
export function sentMessageBodies(discord: LocalDiscord): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const entry of discord.journal) {
    if (!entry.route || entry.method === 'GET' || entry.method === 'DELETE' || entry.status >= 300) continue;
    if (!/callback|webhooks|messages/.test(entry.route)) continue;
    const body = entry.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
    if (entry.route.endsWith('/callback')) {
      if (body.type === 4) bodies.push(body.data ?? {});
    } else {
      bodies.push(body);
    }
  }
  return bodies;
}
