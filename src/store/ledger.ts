import { z } from 'zod';
import { CorruptValueError, type KeyValueStore } from './key-value-store.js';

export const LedgerEntrySchema = z.strictObject({
  state: z.enum(['pending', 'sent', 'failed']),
  channelId: z.string(),
  nonce: z.string().max(25),
  attempts: z.number().int().nonnegative(),
  firstAttemptAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime(),
  messageId: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * Live rounds only: the hash of the facts the posted recap shows, and those facts, so a correction edits
   * the message once per change and can say what changed. Absent in entries of published-results recaps.
   */
  contentHash: z.string().max(64).optional(),
  facts: z
    .array(z.tuple([z.string().max(300), z.string().max(600)]))
    .max(500)
    .optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export interface RecapKey {
  seasonId: string;
  round: number;
  guildId: string;
  /** The replay run (see ReplaySchema.run); null for real dates and for replays started before runs. */
  run: string | null;
}

const ledgerKey = (k: RecapKey) =>
  `recap:${k.seasonId}:${k.round}:${k.guildId}${k.run === null ? '' : `:run:${k.run}`}`;

/**
 * The durable record of each (season, round, server, replay run) recap: `pending` is written before the POST, `sent`
 * (with the message id) only after Discord answered 2xx, `failed` after a permanent refusal (of the post, or
 * of an edit). A live round's entry also keeps the posted content's hash: an edit is made only when it
 * differs, and the entry takes the new hash once Discord accepted the edit.
 */
export class RecapLedger {
  constructor(readonly store: KeyValueStore) {}

  async get(key: RecapKey): Promise<LedgerEntry | null> {
    const value = await this.store.get(ledgerKey(key));
    if (value === undefined || value === null) return null;
    const parsed = LedgerEntrySchema.safeParse(value);
    // Posting on a corrupt entry could duplicate a recap; the poller reports it and leaves it alone.
    if (!parsed.success)
      throw new CorruptValueError(
        `ledger entry ${ledgerKey(key)} is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    return parsed.data;
  }

  put(key: RecapKey, entry: LedgerEntry): Promise<void> {
    return this.store.set(ledgerKey(key), LedgerEntrySchema.parse(entry));
  }
}

/** The latest recap a server received, for /setup show. */
export const LastRecapSchema = z.strictObject({
  seasonId: z.string(),
  round: z.number().int().positive(),
  channelId: z.string(),
  messageId: z.string(),
  at: z.iso.datetime(),
});
export type LastRecap = z.infer<typeof LastRecapSchema>;

export async function readLastRecap(store: KeyValueStore, guildId: string): Promise<LastRecap | null> {
  const value = await store.get(`last-recap:${guildId}`);
  if (value === undefined || value === null) return null;
  const parsed = LastRecapSchema.safeParse(value);
  if (!parsed.success) throw new CorruptValueError(`last-recap:${guildId} is not valid`);
  return parsed.data;
}

export function writeLastRecap(store: KeyValueStore, guildId: string, recap: LastRecap): Promise<void> {
  return store.set(`last-recap:${guildId}`, LastRecapSchema.parse(recap));
}
