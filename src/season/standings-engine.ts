import { classLedger, countUpToRound } from './class-ledger.js';
import type { UnclassifiedStatus } from './classification-schema.js';
import { entryListOrder } from './crews.js';
import type { SeasonModel } from './model.js';
import type { Stage } from './schema.js';

/** One driver's result in one scoring stage of a round. */
export interface StageScore {
  round: number;
  stage: Stage;
  tableId: string;
  car: number;
  teamId: string;
  /** Class position; null when unclassified (then status says why). */
  position: number | null;
  status: UnclassifiedStatus | null;
  points: number;
  /** True when best-N results leave this round out of the total. */
  dropped: boolean;
}

export interface PenaltyScore {
  round: number;
  /** The car the penalty was given to, or null for a driver's own penalty. */
  car: number | null;
  points: number;
  reason: string;
}

export interface ComputedRow {
  position: number;
  /** True when another row shares the position (shown =N). */
  tied: boolean;
  /** Person ids, in entry-list order; crews that scored identically share one row. */
  personIds: string[];
  /** The team of the row's latest result. */
  teamId: string | null;
  results: StageScore[];
  penalties: PenaltyScore[];
  droppedRounds: number[];
  points: number;
  /** Position after the previous round; null when not in that table (or round 1). */
  previousPosition: number | null;
}

export interface ComputedTable {
  classId: string;
  afterRound: number;
  /** Rounds up to afterRound with at least one stage classified in this class. */
  roundsClassified: number[];
  rows: ComputedRow[];
  /** Drivers with a result but 0 points: not listed in the table, shown by /driver. */
  zeroRows: ComputedRow[];
}

/**
 * The class table after round N, computed from the round classifications: each stage's points table by
 * class position, every scoring driver of the car gets them, unclassified cars score nothing, penalties
 * deduct, optional best-N results, ties by countback on each round's final stage (then shared, `=N`).
 * Memoised per model, class and round: a request never recomputes it. Movement needs only the positions
 * after the previous round, so asking for the latest table builds two tables, not every earlier one.
 */
export function computeStandings(model: SeasonModel, classId: string, afterRound: number): ComputedTable {
  const table = rankedTable(model, classId, afterRound);
  if (!withMovement.has(table)) {
    withMovement.add(table);
    if (afterRound > 1) {
      const previousOf = new Map<string, number>();
      for (const row of rankedTable(model, classId, afterRound - 1).rows)
        for (const id of row.personIds) previousOf.set(id, row.position);
      for (const row of table.rows) row.previousPosition = previousOf.get(row.personIds[0] as string) ?? null;
    }
  }
  return table;
}
const withMovement = new WeakSet<ComputedTable>();

/** The table without movement (previousPosition still null), memoised per model, class and round. */
function rankedTable(model: SeasonModel, classId: string, afterRound: number): ComputedTable {
  const key = `${classId}/${afterRound}`;
  let cache = tableCache.get(model);
  if (!cache) {
    cache = new Map();
    tableCache.set(model, cache);
  }
  let table = cache.get(key);
  if (!table) {
    table = buildTable(model, classId, afterRound);
    cache.set(key, table);
  }
  return table;
}
const tableCache = new WeakMap<SeasonModel, Map<string, ComputedTable>>();

/** The latest round with a classification in the class, or null when none has one. */
export function latestClassifiedRound(model: SeasonModel, classId: string): number | null {
  let latest: number | null = null;
  for (const [round, classified] of model.classifications)
    if (
      classified.data.classifications.some((c) => c.class === classId) &&
      (latest === null || round > latest)
    )
      latest = round;
  return latest;
}

function buildTable(model: SeasonModel, classId: string, afterRound: number): ComputedTable {
  const ledger = classLedger(model, classId);
  const bestResults = model.files.scoring.rules.best_results ?? null;
  const countback = (model.files.scoring.rules.tie_break ?? 'countback') === 'countback';
  const order = entryListOrder(model);
  const orderOf = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;

  // Drivers who scored identically in every stage (same car, same result) and share every penalty are one
  // row; the ledger lists drivers in entry-list order, so a row names its crew in that order.
  const groups = new Map<number, ComputedRow>();
  for (const driver of ledger.drivers) {
    const resultCount = countUpToRound(driver.results, afterRound);
    const penaltyCount = countUpToRound(driver.penalties, afterRound);
    if (resultCount + penaltyCount === 0) continue;
    const group = driver.groups[countUpToRound(driver.groups, afterRound) - 1]?.group ?? 0;
    const existing = groups.get(group);
    if (existing) {
      existing.personIds.push(driver.personId);
      continue;
    }
    const scored = driver.results.slice(0, resultCount);
    const penalties = driver.penalties.slice(0, penaltyCount);
    const droppedRounds = dropRounds(scored, bestResults);
    const dropped = new Set(droppedRounds);
    const results =
      dropped.size === 0 ? scored : scored.map((r) => ({ ...r, dropped: dropped.has(r.round) }));
    groups.set(group, {
      position: 0,
      tied: false,
      personIds: [driver.personId],
      teamId: results.at(-1)?.teamId ?? null,
      results,
      penalties,
      droppedRounds,
      points:
        sum(results.filter((r) => !r.dropped).map((r) => r.points)) - sum(penalties.map((p) => p.points)),
      previousPosition: null,
    });
  }

  const placesOf = new Map<ComputedRow, number[]>();
  for (const row of groups.values()) placesOf.set(row, finalStagePlaces(row.results, ledger.finalStages));
  const compareTie = (a: ComputedRow, b: ComputedRow) =>
    b.points - a.points || (countback ? comparePlaces(placesOf.get(b) ?? [], placesOf.get(a) ?? []) : 0);
  const all = [...groups.values()].sort(
    (a, b) => compareTie(a, b) || orderOf(a.personIds[0] as string) - orderOf(b.personIds[0] as string),
  );
  const listed = all.filter((row) => row.points !== 0);
  listed.forEach((row, i) => {
    const previous = listed[i - 1];
    row.position = previous && compareTie(previous, row) === 0 ? previous.position : i + 1;
  });
  listed.forEach((row, i) => {
    row.tied = listed[i - 1]?.position === row.position || listed[i + 1]?.position === row.position;
  });
  return {
    classId,
    afterRound,
    roundsClassified: ledger.roundsClassified.filter((round) => round <= afterRound),
    rows: listed,
    zeroRows: all.filter((row) => row.points === 0),
  };
}

/**
 * Best-N: the rounds left out of the total. A round's score is the sum of its stages; the lowest are
 * dropped, and of equal scores the later round is dropped. Penalties are never dropped.
 */
export function dropRounds(results: readonly StageScore[], bestResults: number | null): number[] {
  if (bestResults === null) return [];
  const byRound = new Map<number, number>();
  for (const r of results) byRound.set(r.round, (byRound.get(r.round) ?? 0) + r.points);
  if (byRound.size <= bestResults) return [];
  const ranked = [...byRound].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked
    .slice(bestResults)
    .map(([round]) => round)
    .sort((a, b) => a - b);
}

/** How many times the row finished 1st, 2nd, … (class positions) in each round's final stage. */
export function countbackVector(
  results: readonly StageScore[],
  finalStages: ReadonlyMap<number, Stage>,
): number[] {
  const places = finalStagePlaces(results, finalStages);
  const counts = new Array<number>(places.at(-1) ?? 0).fill(0);
  for (const place of places) counts[place - 1] = (counts[place - 1] ?? 0) + 1;
  return counts;
}

/**
 * The row's class positions in final stages, best first: countback compares these instead of the vectors
 * (whose length is the worst position, thousands in a large class) and orders rows the same way.
 */
function finalStagePlaces(results: readonly StageScore[], finalStages: ReadonlyMap<number, Stage>): number[] {
  const places: number[] = [];
  for (const r of results)
    if (r.position !== null && finalStages.get(r.round) === r.stage) places.push(r.position);
  return places.sort((a, b) => a - b);
}

/**
 * Positive when a has more wins (then more 2nds, …) than b. At the first place where the sorted lists
 * differ, the smaller one is a count the other lacks; a list that the other extends has fewer results.
 */
function comparePlaces(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (b[i] as number) - (a[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Competition-style position text: `=2` for a shared position. */
export function positionText(row: Pick<ComputedRow, 'position' | 'tied'>): string {
  return row.tied ? `=${row.position}` : String(row.position);
}
