/**
 * One injected interaction as a test sees it: the options it was injected with, and its life cycle — 3 s
 * to answer, one initial response, 15 min of follow-ups and edits through the interaction webhook.
 */
import type { Json } from './state.js';

export type OptionInput = string | number | boolean;

export interface InvocationBase {
  /** Default: the first guild; `null` for a DM with the bot. */
  guildId?: string | null;
  /** Default: the guild's first channel. */
  channelId?: string;
  /** Default: a fixed test user. */
  userId?: string;
  username?: string;
  /** The invoking member's guild permissions (bitfield); default @everyone's. */
  memberPermissions?: string | bigint;
  locale?: string;
}

export interface InjectCommandOptions extends InvocationBase {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Option values by name, or raw API options (then used as they are). */
  options?: Record<string, OptionInput> | Json[];
  /** Throw when options do not fit the registered command (unknown, missing required, not a choice). Default true. */
  strict?: boolean;
}

export interface InjectAutocompleteOptions extends Omit<InjectCommandOptions, 'options'> {
  options?: Record<string, OptionInput>;
  /** The option being typed; its value (default '') is sent as a string with `focused: true`. */
  focused: string;
}

export interface InjectComponentOptions extends InvocationBase {
  customId: string;
  /** 2 button (default), 3 string select, … */
  componentType?: number;
  values?: string[];
  /** The message carrying the component; default a new bot message in the channel. */
  messageId?: string;
}

export interface CallbackRecord {
  type: number;
  data: Json | undefined;
  /** Files uploaded with the callback (multipart). */
  files: { filename: string; size: number; contentType: string }[];
  /** When the callback arrived (epoch ms), and how long after the dispatch. */
  at: number;
  /**
   * `performance.now()` when the callback's last byte had been read, before this server parsed or
   * validated it: the moment the bot's work for the interaction was done (benchmarks time to this).
   */
  arrivedAt: number;
  latencyMs: number;
  withResponse: boolean;
}

export interface RejectedCallback {
  at: number;
  status: number;
  code: number;
  message: string;
}

export interface InjectedInteraction {
  readonly id: string;
  readonly token: string;
  /** 2 command, 3 component, 4 autocomplete. */
  readonly type: number;
  readonly payload: Json;
  readonly dispatchedAt: number;
  /**
   * `performance.now()` once the INTERACTION_CREATE frame had been handed to the bot's socket: with the
   * callback's `arrivedAt`, the span that is the bot's alone (plus loopback), without this server's work.
   */
  readonly sentAt: number;
  /** Resolves with the initial response; rejects when none arrived within the deadline ("interaction failed"). */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  /**
   * The message the user ends up seeing: type 4 → the reply, type 5/6 → the first edit of @original,
   * type 7 → the updated message, type 8 → `{ choices }`, type 9 → the modal. Default timeout 10 s.
   */
  final(timeoutMs?: number): Promise<Json>;
  readonly callback: CallbackRecord | undefined;
  /** The original response message as it is now (after edits). */
  readonly original: Json | undefined;
  readonly edits: readonly Json[];
  readonly followUps: readonly Json[];
  readonly rejectedCallbacks: readonly RejectedCallback[];
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
  settled: boolean;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve(value) {
      if (d.settled) return;
      d.settled = true;
      resolve(value);
    },
    reject(error) {
      if (d.settled) return;
      d.settled = true;
      reject(error);
    },
  };
  return d;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export class InteractionRecord implements InjectedInteraction {
  callback: CallbackRecord | undefined;
  sentAt = Number.NaN;
  originalMessageId: string | undefined;
  readonly edits: Json[] = [];
  readonly followUps: Json[] = [];
  readonly rejectedCallbacks: RejectedCallback[] = [];
  readonly #response = deferred<CallbackRecord>();
  readonly #final = deferred<Json>();
  #deadline: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: number,
    readonly payload: Json,
    readonly guildId: string | null,
    readonly channelId: string,
    readonly dispatchedAt: number,
    readonly deadlineMs: number,
    readonly tokenTtlMs: number,
    readonly focusedOptionType: number | undefined,
    readonly componentMessageId: string | undefined,
    private readonly lookupMessage: (id: string) => Json | undefined,
  ) {
    this.#deadline = setTimeout(() => {
      this.#response.reject(
        new Error(`interaction ${id} failed: no initial response within ${deadlineMs} ms`),
      );
      this.#final.reject(new Error(`interaction ${id} failed: no initial response within ${deadlineMs} ms`));
    }, deadlineMs);
    this.#deadline.unref();
  }

  get original(): Json | undefined {
    return this.originalMessageId ? this.lookupMessage(this.originalMessageId) : undefined;
  }

  isExpiredForCallback(now: number): boolean {
    return now - this.dispatchedAt > this.deadlineMs;
  }

  isTokenExpired(now: number): boolean {
    return now - this.dispatchedAt > this.tokenTtlMs;
  }

  recordCallback(record: CallbackRecord, finalValue: Json | undefined): void {
    this.callback = record;
    clearTimeout(this.#deadline);
    this.#response.resolve(record);
    if (finalValue) this.#final.resolve(finalValue);
  }

  /** The interaction failed for the user ("This interaction failed"): e.g. the endpoint answered 503. */
  fail(reason: string): void {
    clearTimeout(this.#deadline);
    const error = new Error(`interaction ${this.id} failed: ${reason}`);
    this.#response.reject(error);
    this.#final.reject(error);
  }

  recordEdit(message: Json): void {
    this.edits.push(structuredClone(message));
    this.#final.resolve(structuredClone(message));
  }

  response(timeoutMs?: number): Promise<CallbackRecord> {
    return timeoutMs === undefined
      ? this.#response.promise
      : withTimeout(this.#response.promise, timeoutMs, `initial response to ${this.id}`);
  }

  final(timeoutMs = 10_000): Promise<Json> {
    return withTimeout(this.#final.promise, timeoutMs, `final message of interaction ${this.id}`);
  }

  dispose(): void {
    clearTimeout(this.#deadline);
  }
}
