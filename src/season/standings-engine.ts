import type { UnclassifiedStatus } from './classification-schema.js';
import { defaultCrew, entryForRound, entryListOrder } from './crews.js';
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

interface DriverTally {
  personId: string;
  results: StageScore[];
  penalties: PenaltyScore[];
}

/**
 * The class table after round N, computed from the round classifications: each stage's points table by
 * class position, every scoring driver of the car gets them, unclassified cars score nothing, penalties
 * deduct, optional best-N results, ties by countback on each round's final stage (then shared, `=N`).
 * Memoised per model, class and round: a request never recomputes it.
 */
export function computeStandings(model: SeasonModel, classId: string, afterRound: number): ComputedTable {
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
  const tallies = new Map<string, DriverTally>();
  const tally = (personId: string) => {
    let t = tallies.get(personId);
    if (!t) {
      t = { personId, results: [], penalties: [] };
      tallies.set(personId, t);
    }
    return t;
  };
  const roundsClassified: number[] = [];
  const finalStages = new Map<number, Stage>();
  for (let round = 1; round <= afterRound; round++) {
    const calendarRound = model.rounds[round - 1];
    const data = model.classifications.get(round)?.data;
    if (!calendarRound || !data) continue;
    finalStages.set(round, calendarRound.scoring.at(-1)?.stage as Stage);
    const carCrews = new Map<number, string[]>();
    let classified = false;
    // Stages in calendar order, so a driver's breakdown reads 6h, 12h, finish whatever the file order.
    for (const { stage, tableId } of calendarRound.scoring) {
      const classification = data.classifications.find((c) => c.class === classId && c.stage === stage);
      if (!classification) continue;
      classified = true;
      const points = model.pointsTables.get(tableId)?.points ?? [];
      for (const line of classification.order) {
        const found = entryForRound(model, classId, line.car, round);
        if (!found.ok) continue; // refused by the checks; never reached for a loaded model
        const scorers = line.drivers ?? defaultCrew(found.entry, round);
        const crew = carCrews.get(line.car) ?? [];
        for (const personId of scorers) {
          if (!crew.includes(personId)) crew.push(personId);
          tally(personId).results.push({
            round,
            stage,
            tableId,
            car: line.car,
            teamId: found.entry.teamId,
            position: line.position,
            status: line.status,
            points: line.position === null ? 0 : (points[line.position - 1] ?? 0),
            dropped: false,
          });
        }
        carCrews.set(line.car, crew);
      }
    }
    if (classified) roundsClassified.push(round);
    for (const penalty of data.penalties) {
      if (penalty.class !== classId) continue;
      const score = { round, car: penalty.car, points: penalty.points, reason: penalty.reason };
      if (penalty.person !== null) tally(penalty.person).penalties.push(score);
      else if (penalty.car !== null) {
        // A car's penalty falls on every driver who scored for it that round, else on its crew.
        let crew = carCrews.get(penalty.car);
        if (!crew) {
          const found = entryForRound(model, classId, penalty.car, round);
          crew = found.ok ? defaultCrew(found.entry, round) : [];
        }
        for (const personId of crew) tally(personId).penalties.push(score);
      }
    }
  }

  const bestResults = model.files.scoring.rules.best_results ?? null;
  const countback = (model.files.scoring.rules.tie_break ?? 'countback') === 'countback';
  const order = entryListOrder(model);
  const orderOf = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;

  // Drivers who scored identically in every stage (same car, same result) and share every penalty are one row.
  const groups = new Map<string, ComputedRow>();
  for (const t of [...tallies.values()].sort((a, b) => orderOf(a.personId) - orderOf(b.personId))) {
    const droppedRounds = dropRounds(t.results, bestResults);
    const results = t.results.map((r) => ({ ...r, dropped: droppedRounds.includes(r.round) }));
    const key = JSON.stringify([results, t.penalties]);
    const existing = groups.get(key);
    if (existing) {
      existing.personIds.push(t.personId);
      continue;
    }
    const latest = results.at(-1);
    groups.set(key, {
      position: 0,
      tied: false,
      personIds: [t.personId],
      teamId: latest?.teamId ?? null,
      results,
      penalties: t.penalties,
      droppedRounds,
      points:
        sum(results.filter((r) => !r.dropped).map((r) => r.points)) - sum(t.penalties.map((p) => p.points)),
      previousPosition: null,
    });
  }

  const countbackOf = new Map<ComputedRow, number[]>();
  for (const row of groups.values()) countbackOf.set(row, countbackVector(row.results, finalStages));
  const compareTie = (a: ComputedRow, b: ComputedRow) =>
    b.points - a.points || (countback ? compareVectors(countbackOf.get(b), countbackOf.get(a)) : 0);
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

  if (afterRound > 1) {
    const before = computeStandings(model, classId, afterRound - 1);
    const previousOf = new Map<string, number>();
    for (const row of before.rows) for (const id of row.personIds) previousOf.set(id, row.position);
    for (const row of listed) row.previousPosition = previousOf.get(row.personIds[0] as string) ?? null;
  }
  return {
    classId,
    afterRound,
    roundsClassified,
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
  const counts: number[] = [];
  for (const r of results)
    if (r.position !== null && finalStages.get(r.round) === r.stage)
      counts[r.position - 1] = (counts[r.position - 1] ?? 0) + 1;
  return Array.from(counts, (n) => n ?? 0);
}

/** Positive when a has more wins (then more 2nds, …) than b. */
function compareVectors(a: readonly number[] = [], b: readonly number[] = []): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Competition-style position text: `=2` for a shared position. */
export function positionText(row: Pick<ComputedRow, 'position' | 'tied'>): string {
  return row.tied ? `=${row.position}` : String(row.position);
}
