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
const INDEX_KEY = 'guild-index';

/**
 * Per-server settings. Keys are known (no scans): one per server, plus an index of servers that have
 * settings, updated one at a time in this process.
 */
export class SettingsStore {
  #queue: Promise<unknown> = Promise.resolve();
  constructor(readonly store: KeyValueStore) {}

  async get(guildId: string): Promise<GuildSettings | null> {
    return parseStored(GuildSettingsSchema, settingsKey(guildId), await this.store.get(settingsKey(guildId)));
  }

  /** Write settings and make sure the server is in the index. Resolves only when both are durable. */
  save(settings: GuildSettings): Promise<void> {
    const valid = GuildSettingsSchema.parse(settings);
    return this.#serial(async () => {
      await this.store.set(settingsKey(valid.guildId), valid);
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
