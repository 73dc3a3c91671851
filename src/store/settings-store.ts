import { z } from 'zod';
import { type KeyValueStore, StorageUnavailableError } from './key-value-store.js';

const Snowflake = z.string().regex(/^\d{15,21}$/);

export const ReplaySchema = z.strictObject({
  /** The real instant the season's first round is replayed at. */
  anchor: z.iso.datetime(),
  /** 1 = real spacing; 7 = a week of the season passes in a day. */
  speed: z.number().positive().max(100_000),
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
  /** The season announced; null = the bot's default season. */
  seasonId: z.string().min(1).max(100).nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: Snowflake.nullable(),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

const GuildIndexSchema = z.array(Snowflake);

/** A stored value that does not parse: reported, never silently replaced by defaults. */
export class CorruptValueError extends StorageUnavailableError {}

function parseStored<T>(schema: z.ZodType<T>, key: string, value: unknown): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new CorruptValueError(`stored value ${key} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

const settingsKey = (guildId: string) => `settings:${guildId}`;
/** How old a display-only read may be (getRecent), and how many servers' reads are kept. */
const RECENT_MS = 5_000;
const RECENT_MAX_GUILDS = 10_000;
const INDEX_KEY = 'guild-index';

/**
 * Per-server settings. Keys are known (no scans): one per server, plus an index of servers that have
 * settings, updated one at a time in this process.
 */
export class SettingsStore {
  #queue: Promise<unknown> = Promise.resolve();
  /** Recent reads for display-only paths (see getRecent); a Map in insertion order, oldest first. */
  readonly #recent = new Map<string, { value: GuildSettings | null; readAt: number }>();
  readonly #recentMs: number;
  readonly #now: () => number;

  constructor(
    readonly store: KeyValueStore,
    options: { recentMs?: number; now?: () => number } = {},
  ) {
    this.#recentMs = options.recentMs ?? RECENT_MS;
    this.#now = options.now ?? Date.now;
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
      this.#recent.delete(valid.guildId);
      await this.store.set(settingsKey(valid.guildId), valid);
      this.#remember(valid.guildId, valid);
      const index = await this.guildIds();
      if (!index.includes(valid.guildId)) await this.store.set(INDEX_KEY, [...index, valid.guildId]);
    });
  }

  async guildIds(): Promise<string[]> {
    return parseStored(GuildIndexSchema, INDEX_KEY, await this.store.get(INDEX_KEY)) ?? [];
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
