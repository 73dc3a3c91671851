import { median } from './stats.js';

/** One interaction seen inside a bot process (bench/delivery-spans-preload.mjs), performance.now() ms. */
export interface SpanRecord {
  interactionId: string;
  in: number;
  /** The answer in hand: the callback POST created (gateway), the inline answer offered (HTTP). */
  ready: number;
  /** The answer handed to the socket. */
  out: number;
  /** HTTP worker only (src/http/interaction-timing.ts). */
  bodyRead?: number;
  verified?: number;
  parsed?: number;
  dispatched?: number;
  /** res.end() returned (the socket write included; `out` is just before it). */
  ended?: number;
}

/** What a bot process answers to { type: 'delivery-spans' }: its records since the last question. */
export interface SpanReport {
  records: SpanRecord[];
  /** After a full GC. */
  heapUsed: number;
  eventLoopUtilization: number;
}

/** Medians (ms) inside each bot process for one row's command, from the interaction in to its answer out. */
export interface InProcessTimes {
  gatewayMs: number;
  httpMs: number;
  /** The HTTP worker's time without the signature check (each sample minus its own check). */
  httpWithoutCheckMs: number;
  /** The signature check inside the worker (body read → verified). */
  httpCheckMs: number;
}

/** The HTTP worker's stages: medians (ms) from the request event to each mark. */
export interface HttpStages {
  bodyRead: number;
  verified: number;
  parsed: number;
  dispatched: number;
  ready: number;
  out: number;
  /** Absent in results older than this mark. */
  ended?: number;
}

const check = (r: SpanRecord) => (r.verified ?? Number.NaN) - (r.bodyRead ?? Number.NaN);
const medianOf = (values: number[]) => median(values.filter(Number.isFinite));

/** The row's in-process medians over the records of `ids` (the command's interactions, not the floor's). */
export function inProcessTimes(
  gateway: SpanReport,
  http: SpanReport,
  ids: ReadonlySet<string>,
): InProcessTimes {
  const mine = (report: SpanReport) => report.records.filter((r) => ids.has(r.interactionId));
  const httpRecords = mine(http);
  return {
    gatewayMs: medianOf(mine(gateway).map((r) => r.out - r.in)),
    httpMs: medianOf(httpRecords.map((r) => r.out - r.in)),
    httpWithoutCheckMs: medianOf(httpRecords.map((r) => r.out - r.in - check(r))),
    httpCheckMs: medianOf(httpRecords.map(check)),
  };
}

export function httpStages(records: readonly SpanRecord[]): HttpStages {
  const at = (mark: (r: SpanRecord) => number | undefined) =>
    medianOf(records.map((r) => (mark(r) ?? Number.NaN) - r.in));
  return {
    bodyRead: at((r) => r.bodyRead),
    verified: at((r) => r.verified),
    parsed: at((r) => r.parsed),
    dispatched: at((r) => r.dispatched),
    ready: at((r) => r.ready),
    out: at((r) => r.out),
    ended: at((r) => r.ended),
  };
}
