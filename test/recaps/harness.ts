/**
 * Shared pieces of the recap end-to-end tests: the local Discord, the real runtime (discord.js client, store,
 * poller) pointed at it, settings seeded straight into the store, and readers for what Discord received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type GuildInfo,
  type Json,
  type LocalDiscord,
  type LocalDiscordOptions,
  startLocalDiscord,
} from '@pitboard/local-discord';
import type { RESTOptions } from 'discord.js';
import { commands } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { type LedgerEntry, RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATA_DIR = join(REPO_ROOT, 'data', 'seasons');
export const SEASON = '2013-blancpain-endurance-series';
export const MESSAGES_ROUTE = '/channels/:channelId/messages';
/** Manage Server: what /setup asks of the member. */
export const MANAGE_GUILD = String(1n << 5n);
export const MINUTE = 60_000;

/**
 * Replay at 1440×: one season day per real minute. Round 1 ends at the anchor; the seed's later rounds end
 * 49, 77, 105 and 161 days after it, i.e. 49, 77, 105 and 161 minutes after the anchor.
 */
export const SPEED = 1440;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(intervalMs);
  }
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `pitboard-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function announcementsOf(guild: GuildInfo): string {
  const channel = guild.channels.find((c) => c.name === 'announcements');
  if (!channel) throw new Error(`guild ${guild.id} has no announcements channel`);
  return channel.id;
}

export function generalOf(guild: GuildInfo): string {
  const channel = guild.channels.find((c) => c.name === 'general');
  if (!channel) throw new Error(`guild ${guild.id} has no general channel`);
  return channel.id;
}

/** Settings as /setup would write them: recaps in `channelId`, the season replayed from `anchor` at 1440×. */
export function replaySettings(
  guildId: string,
  channelId: string,
  anchor: Date,
  overrides: Partial<GuildSettings> = {},
): GuildSettings {
  return {
    guildId,
    channelId,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: { anchor: anchor.toISOString(), speed: SPEED },
    broken: null,
    seasonId: null,
    updatedAt: anchor.toISOString(),
    updatedBy: null,
    ...overrides,
  };
}

/** Writes settings through a connection of its own (as another process would), then closes it. */
export async function seedSettings(storeUrl: string, settings: readonly GuildSettings[]): Promise<void> {
  const store = await createKeyValueStore({ url: storeUrl, timeoutMs: 5_000 });
  try {
    const settingsStore = new SettingsStore(store);
    for (const s of settings) await settingsStore.save(s);
  } finally {
    await store.close();
  }
}

/** Opens the store, runs `work`, closes it. */
export async function withStore<T>(storeUrl: string, work: (store: KeyValueStore) => Promise<T>): Promise<T> {
  const store = await createKeyValueStore({ url: storeUrl, timeoutMs: 5_000 });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function readLedger(
  store: KeyValueStore,
  guildIds: readonly string[],
  round: number,
): Promise<Map<string, LedgerEntry | null>> {
  const ledger = new RecapLedger(store);
  const out = new Map<string, LedgerEntry | null>();
  for (const guildId of guildIds)
    out.set(guildId, await ledger.get({ seasonId: SEASON, round, guildId, run: null }));
  return out;
}

export function makeConfig(
  discord: LocalDiscord,
  storeUrl: string,
  overrides: Partial<Config['recaps']> = {},
): Config {
  return {
    nodeEnv: 'test',
    discord: {
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: null,
      apiUrl: discord.restUrl,
    },
    logLevel: 'info',
    dataDir: DATA_DIR,
    defaultSeason: null,
    recaps: { storeUrl, catchUpHours: 48, schedule: '*/20 * * * * *', ...overrides },
  };
}

export interface LogRecord {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its records in memory (for assertions and for debugging a failure). */
export function memoryLogger() {
  const records: LogRecord[] = [];
  const logger = createLogger({
    level: 'info',
    destination: {
      write(line: string) {
        try {
          records.push(JSON.parse(line) as LogRecord);
        } catch {
          records.push({ level: 60, msg: line });
        }
      },
    },
  });
  return { logger, records };
}

export interface StartRuntimeOptions {
  storeUrl: string;
  now?: () => Date;
  /** Default false: the test ticks by itself. */
  schedule?: boolean;
  cron?: string;
  rest?: Partial<RESTOptions>;
  /** Another data folder (a copy of a live season), watched for changes as the bot does. */
  dataDir?: string;
}

/** The real runtime (the whole bot process) against `discord`. */
export async function startBot(discord: LocalDiscord, options: StartRuntimeOptions) {
  const { logger, records } = memoryLogger();
  const config = makeConfig(discord, options.storeUrl, options.cron ? { schedule: options.cron } : {});
  if (options.dataDir) config.dataDir = options.dataDir;
  const runtime: Runtime = await startRuntime({
    config,
    logger,
    rest: { offset: 0, timeout: 5_000, retries: 1, ...options.rest },
    schedule: options.schedule ?? false,
    watchData: options.dataDir !== undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  return { runtime, logs: records, config };
}

/** A local Discord with the bot's commands registered globally (every guild sees them). */
export async function startDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  const discord = await startLocalDiscord({ heartbeatIntervalMs: 500, ...options });
  return discord;
}

export async function deployTo(discord: LocalDiscord): Promise<void> {
  await deployCommands({
    config: {
      discord: {
        token: discord.token,
        applicationId: discord.applicationId,
        guildId: null,
        apiUrl: discord.restUrl,
      },
    },
    commands,
  });
}

/** Journal entries of message creates in one channel (or all channels). */
export function messagePosts(discord: LocalDiscord, channelId?: string) {
  return discord.journal.filter(
    (e) =>
      e.method === 'POST' &&
      e.route === MESSAGES_ROUTE &&
      (channelId === undefined || e.path === `/channels/${channelId}/messages`),
  );
}

export interface RecapBody {
  embeds?: { title?: string }[];
  allowed_mentions?: { parse?: unknown[]; roles?: string[] };
  nonce?: string;
  enforce_nonce?: boolean;
  content?: string;
}

/** The round a stored recap message is about, read from its embed title ("Round 3 recap · …"). */
export function roundOf(message: Json): number | null {
  const embeds = message.embeds as { title?: string }[] | undefined;
  const match = /^Round (\d+) recap/.exec(embeds?.[0]?.title ?? '');
  return match ? Number(match[1]) : null;
}

/** Rounds of the recaps in a channel, in posting order. */
export function roundsIn(discord: LocalDiscord, channelId: string): (number | null)[] {
  return discord.messages(channelId).map(roundOf);
}

/** What the user ends up seeing, including an ephemeral answer sent as a follow-up after a public deferral. */
export async function answer(
  discord: LocalDiscord,
  options: Parameters<LocalDiscord['injectCommand']>[0],
): Promise<{ content: string; text: string; ephemeral: boolean; message: Json }> {
  const interaction = discord.injectCommand(options);
  let message = await interaction.final(15_000);
  if (message.content === 'Answered privately.') {
    await waitFor(() => interaction.followUps.length > 0, 'ephemeral follow-up', 5_000);
    message = interaction.followUps[0] as Json;
  }
  const content = typeof message.content === 'string' ? message.content : '';
  const embeds = (message.embeds as { title?: string; description?: string }[] | undefined) ?? [];
  const text = [content, ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  return { content, text, ephemeral: (flags & 64) === 64, message };
}

/** `/setup <subcommand>` as a member with Manage Server, in the guild's general channel. */
export function setupCommand(
  discord: LocalDiscord,
  guild: GuildInfo,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
) {
  return answer(discord, {
    name: 'setup',
    subcommand,
    options,
    guildId: guild.id,
    channelId: generalOf(guild),
    memberPermissions: MANAGE_GUILD,
  });
}

/** The checks every recap test ends with: Discord saw only known routes and valid bodies. */
export function trafficProblems(discord: LocalDiscord) {
  return {
    unexpectedRoutes: [...discord.unexpectedRoutes],
    validationFailures: [...discord.validationFailures],
  };
}
