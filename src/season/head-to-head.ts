import type { SeasonModel, StandingsRow } from './model.js';
import type { Stage } from './schema.js';
import {
  type ComputedRow,
  type ComputedTable,
  computeStandings,
  latestClassifiedRound,
  type StageScore,
} from './standings-engine.js';

/** Both drivers in one scoring stage. */
export interface SharedStage {
  round: number;
  stage: Stage;
  classId: string;
  a: StageScore;
  b: StageScore;
  /** Who finished ahead in class: a classified car beats an unclassified one; null when neither or both. */
  ahead: 'a' | 'b' | null;
  sameCar: boolean;
}

/** The two drivers' points in the class table after a round, and the gap (a minus b). */
export interface GapAfterRound {
  round: number;
  a: number;
  b: number;
}

export interface HeadToHead {
  kind: 'computed';
  /** The class both scored in (the first one they shared); null when they never met in a class. */
  classId: string | null;
  stages: SharedStage[];
  aheadCount: { a: number; b: number };
  /** Rounds where they drove the same car in every stage both took part in. */
  sharedCarRounds: number[];
  /** Points in the class table now. */
  points: { a: number; b: number };
  gaps: GapAfterRound[];
}

export interface PublishedHeadToHead {
  kind: 'published';
  /** Each driver's row of a published table (null when not in any). */
  a: { classId: string; row: StandingsRow } | null;
  b: { classId: string; row: StandingsRow } | null;
  /** Rounds the entry list gives both in one car (rounds unknown to the entry list are left out). */
  sharedCarRounds: number[];
}

/**
 * Head to head of two drivers. A season with round classifications compares every stage both took part in,
 * from the standings engine; a season with published tables only (2013) has no per-round points to compare,
 * so it gives the published rows and the rounds the entry list puts them in one car, and nothing derived.
 */
export function headToHead(model: SeasonModel, a: string, b: string): HeadToHead | PublishedHeadToHead {
  if (model.classifications.size === 0) return publishedHeadToHead(model, a, b);
  const classes = model.classes.map((c) => c.id).filter((id) => latestClassifiedRound(model, id) !== null);
  const stages: SharedStage[] = [];
  let classId: string | null = null;
  for (const id of classes) {
    const latest = latestClassifiedRound(model, id) as number;
    const table = computeStandings(model, id, latest);
    const rowA = rowOfPerson(table, a);
    const rowB = rowOfPerson(table, b);
    if (!rowA || !rowB) continue;
    classId ??= id;
    for (const ra of rowA.results) {
      const rb = rowB.results.find((r) => r.round === ra.round && r.stage === ra.stage);
      if (!rb) continue;
      stages.push({
        round: ra.round,
        stage: ra.stage,
        classId: id,
        a: ra,
        b: rb,
        ahead: aheadOf(ra.position, rb.position),
        sameCar: ra.car === rb.car,
      });
    }
  }
  const rounds = [...new Set(stages.map((s) => s.round))];
  const sharedCarRounds = rounds.filter((r) => stages.filter((s) => s.round === r).every((s) => s.sameCar));
  const points = { a: 0, b: 0 };
  const gaps: GapAfterRound[] = [];
  if (classId !== null) {
    const latest = latestClassifiedRound(model, classId) as number;
    for (let round = 1; round <= latest; round++) {
      const table = computeStandings(model, classId, round);
      const pa = rowOfPerson(table, a)?.points ?? 0;
      const pb = rowOfPerson(table, b)?.points ?? 0;
      if (table.roundsClassified.includes(round)) gaps.push({ round, a: pa, b: pb });
      if (round === latest) Object.assign(points, { a: pa, b: pb });
    }
  }
  return {
    kind: 'computed',
    classId,
    stages,
    aheadCount: {
      a: stages.filter((s) => s.ahead === 'a' && !s.sameCar).length,
      b: stages.filter((s) => s.ahead === 'b' && !s.sameCar).length,
    },
    sharedCarRounds,
    points,
    gaps,
  };
}

function aheadOf(a: number | null, b: number | null): 'a' | 'b' | null {
  if (a === null && b === null) return null;
  if (a === null) return 'b';
  if (b === null) return 'a';
  return a < b ? 'a' : b < a ? 'b' : null;
}

function publishedHeadToHead(model: SeasonModel, a: string, b: string): PublishedHeadToHead {
  const rowOf = (personId: string) => {
    const row = model.index.standingsByPerson.get(personId)?.[0];
    return row ? { classId: row.classId, row } : null;
  };
  const shared = new Set<number>();
  for (const { entry, driver, linkedOnly } of model.index.entriesByPerson.get(a) ?? []) {
    const other = entry.drivers.find((d) => d.personId === b);
    if (linkedOnly || !driver.rounds || !other?.rounds) continue;
    for (const round of driver.rounds) if (other.rounds.includes(round)) shared.add(round);
  }
  return { kind: 'published', a: rowOf(a), b: rowOf(b), sharedCarRounds: [...shared].sort((x, y) => x - y) };
}

/** A person's row of a computed table (crews share one), through an index built once per table. */
function rowOfPerson(table: ComputedTable, personId: string): ComputedRow | null {
  let index = rowIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const row of [...table.rows, ...table.zeroRows]) for (const id of row.personIds) index.set(id, row);
    rowIndexes.set(table, index);
  }
  return index.get(personId) ?? null;
}
const rowIndexes = new WeakMap<ComputedTable, Map<string, ComputedRow>>();
