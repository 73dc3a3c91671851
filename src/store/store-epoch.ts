import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CorruptValueError } from './errors.js';
import type { KeyValueStore } from './key-value-store.js';

/** The set holding the store's marker: written at first use, so its absence later means the data is gone. */
export const MARKER_SET_NAME = 'epoch';
const MARKER_SET = MARKER_SET_NAME;
const LOSS_KEY = 'data-loss';

export const DataLossSchema = z.strictObject({
  /** When a process noticed that the store had lost its data (its clock). */
  detectedAt: z.iso.datetime(),
  reason: z.string(),
  /** The marker written after the loss: the loss this record describes is the one that marker follows. */
  epoch: z.string(),
});
export type DataLoss = z.infer<typeof DataLossSchema>;

export interface StoreEpochOptions {
  now?: () => Date;
  /** Called once by the process that notices a loss (log it loudly). */
  onLoss?: (loss: DataLoss) => void;
  /** Whether the store holds data although it has no marker (a marker lost on its own, e.g. evicted). */
  hasData: () => Promise<boolean>;
  /** Work to do once, when the store is used for the first time (migrating an older layout). */
  onFirstUse?: () => Promise<void>;
}

/**
 * Notices that the store lost its data — a Redis restarted without persistence comes back empty and looks
 * exactly like a store nobody configured. A marker is written at first use; if it is missing later while
 * this process knew it (or data exists without it), the loss is recorded in the store itself (so every
 * process and `/setup show` can say so) and a new marker is written.
 *
 * The marker is a set, not a value: two processes using a new store at once each add theirs, and neither
 * mistakes the other's for a loss (a value would be a read-modify-write race).
 */
export class StoreEpoch {
  #known: string | null = null;
  readonly #now: () => Date;

  constructor(
    readonly store: KeyValueStore,
    readonly options: StoreEpochOptions,
  ) {
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Verifies the marker (recording a loss when it is gone) and returns the latest recorded loss, if any.
   * Calls made while one runs share its result: a check that read the markers before another call wrote
   * this process's first marker would otherwise take that marker's absence for a loss.
   */
  check(): Promise<DataLoss | null> {
    this.#running ??= this.#check().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #running: Promise<DataLoss | null> | null = null;

  async #check(): Promise<DataLoss | null> {
    const markers = await this.store.setMembers(MARKER_SET);
    if (this.#known !== null && markers.includes(this.#known)) return this.lastLoss();
    const recorded = await this.lastLoss();
    if (this.#known === null && markers.length > 0) {
      this.#known = markers[0] as string;
      return recorded;
    }
    if (this.#known !== null && recorded && markers.includes(recorded.epoch)) {
      // Another process noticed this loss first and wrote the marker that follows it.
      this.#known = recorded.epoch;
      return recorded;
    }
    const reason =
      this.#known !== null
        ? 'the store no longer holds the marker this process saw written (data lost: a Redis restarted without persistence, a flushed database, a deleted file)'
        : markers.length === 0 && (await this.options.hasData())
          ? 'the store holds settings but not its marker (keys evicted or deleted)'
          : null;
    const epoch = randomUUID();
    if (reason === null) {
      await this.options.onFirstUse?.();
      await this.store.addToSet(MARKER_SET, epoch);
      this.#known = epoch;
      return recorded;
    }
    const loss: DataLoss = { detectedAt: this.#now().toISOString(), reason, epoch };
    await this.store.set(LOSS_KEY, loss);
    await this.store.addToSet(MARKER_SET, epoch);
    this.#known = epoch;
    this.options.onLoss?.(loss);
    return loss;
  }

  /** The loss recorded in the store, if any. An unreadable record is an error: the poller then waits. */
  async lastLoss(): Promise<DataLoss | null> {
    const value = await this.store.get(LOSS_KEY);
    if (value === undefined || value === null) return null;
    const parsed = DataLossSchema.safeParse(value);
    if (!parsed.success) throw new CorruptValueError(`stored value ${LOSS_KEY} is not valid`);
    return parsed.data;
  }
}
