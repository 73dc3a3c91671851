import { z } from 'zod';
import { LOCALES } from '../i18n/locale.js';
import { CorruptValueError, type KeyValueStore } from './key-value-store.js';
import { type DataLoss, StoreEpoch } from './store-epoch.js';

export { CorruptValueError };

const Snowflake = z.string().regex(/^\d{15,21}$/);

export const ReplaySchema = z.strictObject({
  /** The real instant the season's first round is replayed at. */
  anchor: z.iso.datetime(),
  /** 1 = real spacing; 7 = a week of the season passes in a day. */
  speed: z.number().positive().max(100_000),
  /**
   * This replay run's identity, new at each /setup replay: its recaps are its own, so a second replay posts
   * again. Absent in settings written before runs existed (their ledger keys carry no run).
   */
  run: z.string().min(1).max(64).optional(),
});
export type Replay = z.infer<typeof ReplaySchema>;

export const GuildSettingsSchema = z.strictObject({
  guildId: Snowflake,
  /** null once announcements are turned off. */
  channelId: Snowflake.nullable(),
  /** The one role a recap may mention; null = mention nobody. */
  mentionRoleId: Snowflake.nullable(),
  spoilerDelayHours: z.number().min(0).max(168),
  replay: ReplaySchema.nullable(),
  /** Set when Discord answered 403/404 for the channel: no more attempts until /setup is run again. */
  broken: z
    .strictObject({ at: z.iso.datetime(), code: z.number().int().nullable(), reason: z.string() })
    .nullable(),
  /**
   * The language of posts nobody asked for (recaps, living standings); null or absent (settings written before
   * languages) = the server's preferred locale in Discord.
   */
  language: z.enum(LOCALES).nullable().optional(),
  /**
   * The server's preferred locale in Discord as the last /setup interaction reported it (`guild_locale`): a
   * post nobody asked for has no interaction to read it from. Any Discord locale; unsupported ones fall back.
   */
  guildLocale: z.string().min(2).max(16).nullable().optional(),
  /** The season announced; null = the bot's default season. */
  seasonId: z.string().min(1).max(100).nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: Snowflake.nullable(),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

const LegacyGuildIndexSchema = z.array(Snowflake);

function parseStored<T>(schema: z.ZodType<T>, key: string, value: unknown): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CorruptValueError(`stored value ${key} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Snowflakes are decimal strings of growing length: shorter is older. */
export function compareSnowflakes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const settingsKey = (guildId: string) => `settings:${guildId}`;
/** How old a display-only read may be (getRecent), and how many servers' reads are kept. */
const RECENT_MS = 5_000;
const RECENT_MAX_GUILDS = 10_000;
/** The set of servers that have settings; each addition is atomic, so concurrent /setup runs all land. */
const GUILD_SET = 'guilds';
/** Before the set: one JSON array rewritten by each save (two processes could drop each other's servers). */
const LEGACY_INDEX_KEY = 'guild-index';

export interface SettingsStoreOptions {
  recentMs?: number;
  now?: () => number;
  /** The clock a detected data loss is dated with. */
  clock?: () => Date;
  onDataLoss?: (loss: DataLoss) => void;
}

/**
 * Per-server settings. Keys are known (no scans): one per server, plus a set of the servers that have
 * settings. The store's epoch marker is checked before every save, so a store that lost its data is noticed
 * (and recorded) before new settings land in it.
 */
export class SettingsStore {
  #queue: Promise<unknown> = Promise.resolve();
  /** Recent reads for display-only paths (see getRecent); a Map in insertion order, oldest first. */
  readonly #recent = new Map<string, { value: GuildSettings | null; readAt: number }>();
  readonly #recentMs: number;
  readonly #now: () => number;

  readonly epoch: StoreEpoch;

  constructor(
    readonly store: KeyValueStore,
    options: SettingsStoreOptions = {},
  ) {
    this.#recentMs = options.recentMs ?? RECENT_MS;
    this.#now = options.now ?? Date.now;
    this.epoch = new StoreEpoch(store, {
      ...(options.clock ? { now: options.clock } : {}),
      ...(options.onDataLoss ? { onLoss: options.onDataLoss } : {}),
      hasData: async () => (await store.setMembers(GUILD_SET)).length > 0,
      onFirstUse: () => this.#migrateLegacyIndex(),
    });
  }

  /** The stored settings, read now. What /setup and the recap poller act on. */
  async get(guildId: string): Promise<GuildSettings | null> {
    const value = parseStored(
      GuildSettingsSchema,
      settingsKey(guildId),
      await this.store.get(settingsKey(guildId)),
    );
    this.#remember(guildId, value);
    return value;
  }

  /**
   * The settings as read at most `recentMs` ago (this process's own writes are seen at once): for answers
   * that only display something, such as /calendar's replayed dates. Saves a storage round trip per
   * command — on SQLite about 0.1 ms, most of /calendar's cost end to end. A change made by another
   * process sharing Redis shows within `recentMs`.
   */
  getRecent(guildId: string): Promise<GuildSettings | null> {
    const recent = this.peekRecent(guildId);
    return recent === undefined ? this.get(guildId) : Promise.resolve(recent);
  }

  /** getRecent without waiting: the recent read, or undefined when there is none (then call getRecent). */
  peekRecent(guildId: string): GuildSettings | null | undefined {
    const hit = this.#recent.get(guildId);
    return hit && this.#now() - hit.readAt < this.#recentMs ? hit.value : undefined;
  }

  #remember(guildId: string, value: GuildSettings | null): void {
    this.#recent.delete(guildId);
    this.#recent.set(guildId, { value, readAt: this.#now() });
    if (this.#recent.size > RECENT_MAX_GUILDS) {
      const oldest = this.#recent.keys().next();
      if (!oldest.done) this.#recent.delete(oldest.value);
    }
  }

  /** Write settings and make sure the server is in the index. Resolves only when both are durable. */
  save(settings: GuildSettings): Promise<void> {
    const valid = GuildSettingsSchema.parse(settings);
    return this.#serial(async () => {
      await this.epoch.check();
      this.#recent.delete(valid.guildId);
      await this.store.set(settingsKey(valid.guildId), valid);
      this.#remember(valid.guildId, valid);
      await this.store.addToSet(GUILD_SET, valid.guildId);
    });
  }

  /** The servers that have settings, oldest snowflake first. */
  async guildIds(): Promise<string[]> {
    return (await this.store.setMembers(GUILD_SET)).sort(compareSnowflakes);
  }

  async #migrateLegacyIndex(): Promise<void> {
    const legacy = parseStored(
      LegacyGuildIndexSchema,
      LEGACY_INDEX_KEY,
      await this.store.get(LEGACY_INDEX_KEY),
    );
    for (const guildId of legacy ?? []) await this.store.addToSet(GUILD_SET, guildId);
  }

  /** Every server with settings; a server whose value is corrupt is reported in `problems`, not dropped silently. */
  async all(): Promise<{ settings: GuildSettings[]; problems: { guildId: string; error: Error }[] }> {
    const settings: GuildSettings[] = [];
    const problems: { guildId: string; error: Error }[] = [];
    for (const guildId of await this.guildIds()) {
      try {
        const value = await this.get(guildId);
        if (value) settings.push(value);
      } catch (error) {
        if (error instanceof CorruptValueError) problems.push({ guildId, error });
        else throw error;
      }
    }
    return { settings, problems };
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
