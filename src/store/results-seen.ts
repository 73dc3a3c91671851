import { z } from 'zod';
import { CorruptValueError, type KeyValueStore } from './key-value-store.js';

const ResultsSeenSchema = z.strictObject({
  at: z.iso.datetime(),
  changedAt: z.iso.datetime(),
  hash: z.string().max(64),
});
type Seen = z.infer<typeof ResultsSeenSchema>;

export interface RoundResultsSeen {
  /** When the round's results were first seen in a loaded model. */
  first: Date;
  /** When they last changed (a correction, a penalty); equals `first` until then. */
  changed: Date;
}

const seenKey = (seasonId: string, round: number) => `results-seen:${seasonId}:${round}`;
/** Written once the season's results present at first sight are recorded (see `record`). */
const baselineKey = (seasonId: string) => `results-seen:${seasonId}:baseline`;
const BaselineSchema = z.strictObject({ at: z.iso.datetime() });

export interface LiveRoundState {
  /** Hash of what the round's recap would show now. */
  hash: string;
  /** When the round ended (real time). */
  endedAt: Date;
}

/**
 * When each live round's results (classifications) were first seen, and last changed, per season: a live
 * round's recap window counts from then, not from the race, so results that land days later are still
 * recapped and a correction days later still edits the recap. Kept in the store so a restart does not
 * restart a window; the process also remembers what it saw, so a store that lost its data cannot make old
 * results look new while this process runs.
 */
export class ResultsSeen {
  readonly #inProcess = new Map<string, Seen>();

  constructor(readonly store: KeyValueStore) {}

  /**
   * Each round's times, given what its results say now; records first sightings and changes at `now`.
   * Results already there the first time a season is seen (a bot starting on a season under way, or a
   * store that lost its data) count as landed when their round ended, so they are not all recapped at
   * once as if new: only results that land while the bot watches start a window at their landing.
   */
  async record(
    seasonId: string,
    rounds: ReadonlyMap<number, LiveRoundState>,
    now: Date,
  ): Promise<Map<number, RoundResultsSeen>> {
    const out = new Map<number, RoundResultsSeen>();
    const baseline = (await this.store.get(baselineKey(seasonId))) ?? null;
    if (baseline !== null && !BaselineSchema.safeParse(baseline).success)
      throw new CorruptValueError(`stored value ${baselineKey(seasonId)} is not valid`);
    for (const [round, { hash, endedAt }] of rounds) {
      const key = seenKey(seasonId, round);
      const stored = await this.#read(key);
      const known = this.#inProcess.get(key);
      const at =
        baseline === null && endedAt.getTime() < now.getTime() ? endedAt.toISOString() : now.toISOString();
      const first = [stored?.at, known?.at, at]
        .filter((t): t is string => t !== undefined)
        .sort((a, b) => Date.parse(a) - Date.parse(b))[0] as string;
      const last = stored ?? known;
      const changedAt = !last ? first : last.hash === hash ? last.changedAt : at;
      const next: Seen = { at: first, changedAt, hash };
      if (!stored || stored.at !== next.at || stored.changedAt !== next.changedAt || stored.hash !== hash)
        await this.store.set(key, ResultsSeenSchema.parse(next));
      this.#inProcess.set(key, next);
      out.set(round, { first: new Date(first), changed: new Date(changedAt) });
    }
    if (baseline === null)
      await this.store.set(baselineKey(seasonId), BaselineSchema.parse({ at: now.toISOString() }));
    return out;
  }

  async #read(key: string): Promise<Seen | null> {
    const value = await this.store.get(key);
    if (value === undefined || value === null) return null;
    const parsed = ResultsSeenSchema.safeParse(value);
    // A corrupt record must not restart a window (that could post a stale recap): the tick waits.
    if (!parsed.success) throw new CorruptValueError(`stored value ${key} is not valid`);
    return parsed.data;
  }
}
