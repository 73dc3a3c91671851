import { join } from 'node:path';
import { startLocalDiscord } from '@pitboard/local-discord';
import { DefaultRestOptions } from 'discord.js';
import type { Config } from '../src/config.js';
import { DEFAULT_DATA_DIR } from '../src/core/app-context.js';
import { createFleetPacer, FLEET_REST_PER_SECOND, pacedRequest } from '../src/http/fleet-pacer.js';
import { startRuntime } from '../src/runtime.js';
import { createKeyValueStore } from '../src/store/key-value-store.js';
import { SettingsStore } from '../src/store/settings-store.js';
import { type RedisHandle, startRedis } from '../test/support/redis-server.js';
import { log, memoryLogger, scratchDir } from './support.js';

export interface FanOutResult {
  /** discord.js REST `offset` (ms added to every rate-limit reset); null = the library default (50 ms). */
  restOffset: number | null;
  /**
   * The fleet pacer's rate (requests/s, one Redis timeline: src/http/fleet-pacer.ts); null = no fleet pacer
   * (SQLite store, discord.js's own global limit only).
   */
  pacerPerSecond: number | null;
  /** Where the settings and ledger live: Redis (as a fleet runs) or a SQLite file. */
  store: 'redis' | 'sqlite';
  guilds: number;
  globalPerSecond: number;
  /** guilds / globalPerSecond: the least time Discord's global limit allows. */
  floorSeconds: number;
  /** One poller tick, from call to resolution. */
  seconds: number;
  ratio: number;
  /** Time to write every server's settings (SettingsStore.save, one by one). */
  settingsSeconds: number;
  report: {
    due: number;
    sent: number;
    skipped: number;
    failed: number;
    retryLater: number;
    aborted: string | null;
  };
  /** Channels that received more than one recap (extra messages counted). */
  duplicates: number;
  /** Announcement channels that received none. */
  losses: number;
  /** 429 answers from the local Discord, and the bot's "rate limited" warnings. */
  status429: number;
  rateLimitedWarnings: number;
  validationFailures: number;
  /** Recaps posted per second, per 1-s bucket from the first post (shape of the drain). */
  perSecond: number[];
}

export interface FanOutOptions {
  guilds: number;
  restOffset: number | null;
  /**
   * 'fleet': Redis store, so the runtime paces with its own fleet pacer at FLEET_REST_PER_SECOND, as HTTP
   * workers run. A number: SQLite store and a fleet pacer at that rate on a Redis of its own (the same
   * code at another rate, to decide the constant). 'none': SQLite store, no fleet pacer.
   */
  pacing: 'fleet' | 'none' | number;
}

/**
 * Recap fan-out: `guilds` servers, each with settings (written with SettingsStore) that announce in its
 * #announcements with a replay putting round 1's end one minute ago, so exactly one recap per server is
 * due. The real runtime (startRuntime, schedule off) then runs one poller tick against a local Discord
 * that enforces Discord's global limit (50 requests/s by default, fixed 1-s windows).
 */
export async function runFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const scratch = scratchDir('fanout');
  const discord = await startLocalDiscord({ guilds: options.guilds });
  let redis: RedisHandle | null = null;
  try {
    if (options.pacing !== 'none') redis = await startRedis();
    const storeUrl = options.pacing === 'fleet' && redis ? redis.url : join(scratch.dir, 'fanout.sqlite');
    const now = new Date();
    const anchor = new Date(now.getTime() - 60_000).toISOString();
    const settingsStarted = process.hrtime.bigint();
    const store = await createKeyValueStore({ url: storeUrl });
    const settings = new SettingsStore(store);
    const channels: string[] = [];
    for (const guild of discord.guilds) {
      const channel = guild.channels.find((c) => c.name === 'announcements');
      if (!channel) throw new Error(`guild ${guild.id} has no #announcements`);
      channels.push(channel.id);
      await settings.save({
        guildId: guild.id,
        channelId: channel.id,
        mentionRoleId: null,
        spoilerDelayHours: 0,
        replay: { anchor, speed: 1 },
        broken: null,
        seasonId: null,
        updatedAt: now.toISOString(),
        updatedBy: null,
      });
    }
    await store.close();
    const settingsSeconds = Number(process.hrtime.bigint() - settingsStarted) / 1e9;
    log(`fan-out: settings for ${options.guilds} servers written in ${settingsSeconds.toFixed(1)} s`);

    const config: Config = {
      nodeEnv: 'production',
      discord: {
        token: discord.token,
        applicationId: discord.applicationId,
        guildId: null,
        apiUrl: discord.restUrl,
      },
      logLevel: 'info',
      dataDir: DEFAULT_DATA_DIR,
      defaultSeason: null,
      recaps: { storeUrl, catchUpHours: 48, schedule: '*/20 * * * * *' },
    };
    const { logger, lines } = memoryLogger('info');
    const restOffset = options.restOffset === null ? {} : { offset: options.restOffset };
    const pacer =
      typeof options.pacing === 'number' && redis
        ? await createFleetPacer({
            redisUrl: redis.url,
            perSecond: options.pacing,
            fleetProcesses: 1,
            logger,
          })
        : null;
    const runtime = await startRuntime({
      config,
      logger,
      rest: pacer
        ? { ...restOffset, makeRequest: pacedRequest(pacer, DefaultRestOptions.makeRequest) }
        : restOffset,
      schedule: false,
      watchData: false,
    });
    const before429 = discord.stats.byStatus.get(429) ?? 0;
    let report: FanOutResult['report'];
    let seconds: number;
    try {
      const t0 = process.hrtime.bigint();
      report = await runtime.poller.tick();
      seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    } finally {
      await runtime.stop();
      await pacer?.close();
    }
    let duplicates = 0;
    let losses = 0;
    const times: number[] = [];
    for (const channelId of channels) {
      const messages = discord.messages(channelId);
      if (messages.length === 0) losses++;
      if (messages.length > 1) duplicates += messages.length - 1;
      for (const m of messages) times.push(Date.parse(String(m.timestamp)));
    }
    const first = Math.min(...times);
    const perSecond: number[] = [];
    for (const t of times) {
      const bucket = Math.floor((t - first) / 1000);
      perSecond[bucket] = (perSecond[bucket] ?? 0) + 1;
    }
    const globalPerSecond = discord.rateLimits.globalPerSecond;
    const floorSeconds = options.guilds / globalPerSecond;
    const result: FanOutResult = {
      restOffset: options.restOffset,
      pacerPerSecond:
        options.pacing === 'fleet'
          ? FLEET_REST_PER_SECOND
          : options.pacing === 'none'
            ? null
            : options.pacing,
      store: options.pacing === 'fleet' ? 'redis' : 'sqlite',
      guilds: options.guilds,
      globalPerSecond,
      floorSeconds,
      seconds,
      ratio: seconds / floorSeconds,
      settingsSeconds,
      report,
      duplicates,
      losses,
      status429: (discord.stats.byStatus.get(429) ?? 0) - before429,
      rateLimitedWarnings: lines.filter((l) => l.msg === 'rate limited').length,
      validationFailures: discord.validationFailures.length,
      perSecond: Array.from(perSecond, (n) => n ?? 0),
    };
    log(
      `fan-out (pacer ${result.pacerPerSecond ?? 'none'}/s, ${result.store}, REST offset ${options.restOffset ?? 'default'}): ${report.sent} recaps in ${seconds.toFixed(2)} s (floor ${floorSeconds} s), ${duplicates} duplicates, ${losses} losses, ${result.status429} 429s`,
    );
    return result;
  } finally {
    await discord.close();
    await redis?.stop();
    scratch.remove();
  }
}
