/**
 * An exhaustive title oracle for a real class table, written without the title maths: every finishing
 * order of the remaining stages is played out and ranked.
 *
 * Feasibility, kept honest:
 * - Rows whose points today plus every remaining stage at its table's top stay below the leader's points
 *   today are pruned: their total can never reach the leader's, so they are never first and never level
 *   with whoever is.
 * - Only the remaining contenders' positions are enumerated (the others' order changes no contender's
 *   points or countback). Per stage each contender is unclassified or holds a distinct class position:
 *   'gapped' lets them hold any positions up to the table's length plus one each outside the points (a car
 *   outside the fight may split them); 'packed' keeps the classified contenders on 1..k. Packed is a subset,
 *   used when gapped is too big to run. It loses nothing for who can win, the points available, clinched
 *   or what a next-round result leaves possible (an order that makes X champion still does with X winning
 *   everything left and no one else classified, a packed order); it does check the "needs" conditions on
 *   fewer next-round results (those where no outsider splits the contenders).
 * - "Any driver yet to score" is one row with no points: every such driver is alike.
 */

export interface OracleRow {
  id: string;
  /** Points per round taken part in, all stages of the round together. */
  roundPoints: readonly number[];
  penalties: number;
  /** countback[i]: how often the row finished in class position i + 1 in a round's final stage. */
  countback: readonly number[];
}

export interface OracleStage {
  round: number;
  /** Points by class position. */
  table: readonly number[];
  /** The round's final stage, whose positions the countback reads. */
  final: boolean;
}

export interface OracleSeason {
  rows: readonly OracleRow[];
  /** The stages still to run, in order. */
  stages: readonly OracleStage[];
  bestResults: number | null;
  tieBreak: 'countback' | 'shared';
}

export type PositionSpace = 'gapped' | 'packed';

/** One result of the next round, and what it leaves possible. */
export interface NextRoundOutcome {
  /** Per contender: points scored at the next round, all its stages together. */
  points: readonly number[];
  /** Per contender: class position in the next round's final stage, 0 when unclassified. */
  finalPositions: readonly number[];
  /** Bit k set: contender k is champion (position 1, shared included) in at least one continuation. */
  champions: number;
}

export interface OracleAnswer {
  /** Rows not pruned, in input order; bit k of a mask is contenders[k]. */
  contenders: readonly OracleRow[];
  pruned: readonly OracleRow[];
  space: PositionSpace;
  /** Finishing orders played out. */
  leaves: number;
  points: ReadonlyMap<string, number>;
  possibleChampions: ReadonlySet<string>;
  /** Per contender: the highest final total over every finishing order. */
  maxFinal: ReadonlyMap<string, number>;
  nextRound: readonly NextRoundOutcome[];
}

/** A total: the best N round scores (every round without best-N) minus penalties. */
export function oracleTotal(row: OracleRow, extra: readonly number[], bestResults: number | null): number {
  const scores = [...row.roundPoints, ...extra];
  if (bestResults !== null) scores.sort((a, b) => b - a).splice(bestResults);
  return scores.reduce((a, b) => a + b, 0) - row.penalties;
}

/** Positive when a is ahead on countback: more 1sts, then more 2nds, … */
export function countbackOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The position-1 rows of a final table given as points and countback vectors: indexes. */
export function firstPlace(
  points: readonly number[],
  countbacks: (k: number) => readonly number[],
  tieBreak: OracleSeason['tieBreak'],
): number[] {
  const top = Math.max(...points);
  const level = points.flatMap((p, k) => (p === top ? [k] : []));
  if (level.length === 1 || tieBreak === 'shared') return level;
  const vectors = new Map(level.map((k) => [k, countbacks(k)]));
  return level.filter((k) =>
    level.every((j) => countbackOrder(vectors.get(j) ?? [], vectors.get(k) ?? []) <= 0),
  );
}

/** Every outcome of one stage for n contenders: positions[k] is contender k's position, 0 unclassified. */
export function stageOutcomes(n: number, space: PositionSpace, tableLength: number): number[][] {
  const out: number[][] = [];
  const slots = space === 'gapped' ? tableLength + n : n;
  const taken = new Array<boolean>(slots + 1).fill(false);
  const current: number[] = [];
  const walk = (k: number) => {
    if (k === n) {
      const classified = current.filter((p) => p > 0).length;
      if (space === 'gapped' || current.every((p) => p <= classified)) out.push([...current]);
      return;
    }
    current.push(0);
    walk(k + 1);
    current.pop();
    for (let p = 1; p <= slots; p++) {
      if (taken[p]) continue;
      taken[p] = true;
      current.push(p);
      walk(k + 1);
      current.pop();
      taken[p] = false;
    }
  };
  walk(0);
  return out;
}

/** How many outcomes stageOutcomes gives: k of n classified, on k distinct positions out of the slots. */
export function outcomeCount(n: number, space: PositionSpace, tableLength: number): number {
  const slots = space === 'gapped' ? tableLength + n : n;
  let total = 0;
  for (let k = 0; k <= n; k++) {
    let ways = 1;
    for (let i = 0; i < k; i++) ways = (ways * (n - i)) / (i + 1); // n choose k
    for (let i = 0; i < k; i++) ways *= space === 'gapped' ? slots - i : k - i; // positions for them
    total += ways;
  }
  return total;
}

export function runOracle(season: OracleSeason, maxLeaves: number): OracleAnswer {
  const { rows, stages, bestResults, tieBreak } = season;
  const rounds = [...new Set(stages.map((s) => s.round))];
  const roundTops = rounds.map((r) =>
    stages.filter((s) => s.round === r).reduce((a, s) => a + Math.max(0, ...s.table), 0),
  );
  const points = new Map(rows.map((r) => [r.id, oracleTotal(r, [], bestResults)]));
  const leader = Math.max(...points.values());
  const contenders = rows.filter((r) => oracleTotal(r, roundTops, bestResults) >= leader);
  const pruned = rows.filter((r) => !contenders.includes(r));
  const n = contenders.length;
  if (n > 30) throw new Error(`${n} contenders: too many for a bitmask`);

  const outcomesIn = (space: PositionSpace) =>
    stages.map((stage) => {
      // Outcomes that give every contender the same points (and, where the countback reads it, the
      // same position) lead to the same tables: one of each.
      const distinct = new Map<string, number[]>();
      for (const positions of stageOutcomes(n, space, stage.table.length)) {
        const pts = positions.map((p) => (p === 0 ? 0 : (stage.table[p - 1] ?? 0)));
        const key = stage.final && tieBreak === 'countback' ? positions.join() : pts.join();
        distinct.set(key, positions);
      }
      return [...distinct.values()];
    });
  const count = (lists: number[][][]) => lists.reduce((a, l) => a * l.length, 1);
  // Generating a stage's outcomes costs as much as playing them: count first.
  let space: PositionSpace = stages.every((s) => outcomeCount(n, 'gapped', s.table.length) <= maxLeaves)
    ? 'gapped'
    : 'packed';
  let outcomes = outcomesIn(space);
  if (space === 'gapped' && count(outcomes) > maxLeaves) {
    space = 'packed';
    outcomes = outcomesIn(space);
  }
  if (count(outcomes) > maxLeaves)
    throw new Error(`${count(outcomes)} finishing orders even packed: over the budget of ${maxLeaves}`);

  const roundOf = stages.map((s) => rounds.indexOf(s.round));
  const nextStages = roundOf.filter((r) => r === 0).length;
  const extra = contenders.map(() => rounds.map(() => 0));
  const base = contenders.map((c) => oracleTotal(c, [], bestResults));
  const gained = new Array<number>(n).fill(0);
  const totals = new Array<number>(n).fill(0);
  const chosen: number[][] = stages.map(() => []);
  const maxFinal = contenders.map(() => Number.NEGATIVE_INFINITY);
  const nextRound: NextRoundOutcome[] = [];
  let everyone = 0;
  let leaves = 0;
  let current: { champions: number } = { champions: 0 };

  const countbackOf = (k: number) => {
    const vector = [...(contenders[k] as OracleRow).countback];
    stages.forEach((stage, s) => {
      const p = (chosen[s] as number[])[k] ?? 0;
      if (stage.final && p > 0) vector[p - 1] = (vector[p - 1] ?? 0) + 1;
    });
    return vector;
  };

  const walk = (s: number) => {
    if (s === nextStages) {
      const record: NextRoundOutcome = {
        points: extra.map((e) => e[0] ?? 0),
        finalPositions: contenders.map((_, k) =>
          nextStages === 0 ? 0 : ((chosen[nextStages - 1] as number[])[k] ?? 0),
        ),
        champions: 0,
      };
      nextRound.push(record);
      current = record;
    }
    if (s === stages.length) {
      leaves++;
      // Millions of leaves: no allocation unless the top is shared.
      let top = Number.NEGATIVE_INFINITY;
      let first = -1;
      let level = 0;
      for (let k = 0; k < n; k++) {
        const t =
          bestResults === null
            ? (base[k] as number) + (gained[k] as number)
            : oracleTotal(contenders[k] as OracleRow, extra[k] as number[], bestResults);
        totals[k] = t;
        if (t > (maxFinal[k] as number)) maxFinal[k] = t;
        if (t > top) {
          top = t;
          first = k;
          level = 1;
        } else if (t === top) level++;
      }
      if (level === 1) current.champions |= 1 << first;
      else for (const k of firstPlace(totals, countbackOf, tieBreak)) current.champions |= 1 << k;
      return;
    }
    const stage = stages[s] as OracleStage;
    const r = roundOf[s] as number;
    for (const positions of outcomes[s] as number[][]) {
      chosen[s] = positions;
      for (let k = 0; k < n; k++) {
        const p = positions[k] as number;
        const won = p > 0 ? (stage.table[p - 1] ?? 0) : 0;
        const row = extra[k] as number[];
        row[r] = (row[r] as number) + won;
        gained[k] = (gained[k] as number) + won;
      }
      walk(s + 1);
      for (let k = 0; k < n; k++) {
        const p = positions[k] as number;
        const won = p > 0 ? (stage.table[p - 1] ?? 0) : 0;
        const row = extra[k] as number[];
        row[r] = (row[r] as number) - won;
        gained[k] = (gained[k] as number) - won;
      }
    }
  };
  walk(0);
  for (const o of nextRound) everyone |= o.champions;

  return {
    contenders,
    pruned,
    space,
    leaves,
    points,
    possibleChampions: new Set(contenders.filter((_, k) => everyone & (1 << k)).map((c) => c.id)),
    maxFinal: new Map(contenders.map((c, k) => [c.id, maxFinal[k] as number])),
    nextRound,
  };
}
