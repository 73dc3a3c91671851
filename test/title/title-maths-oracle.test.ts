/**
 * The title maths against brute force: small random seasons (≤ 4 contenders, ≤ 2 remaining rounds with
 * stages), every finishing order of the remaining stages enumerated. In each stage every contender either
 * takes a class position or is unclassified; the contenders' positions are distinct and packed from 1 (the
 * cars outside the title fight are not enumerated: they only ever take positions the contenders leave).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  analyseTitle,
  type ContenderState,
  type MarginTerm,
  type NeedStatement,
  type TieBreak,
  type TitleInput,
} from '../../src/season/title-maths.js';

interface Season {
  input: TitleInput;
  /** Remaining rounds' stages: each a points table by position; the last stage of a round is its final. */
  stages: number[][][];
}

/** One stage's outcome: each contender's class position, or null when unclassified. */
type StageOutcome = (number | null)[];

function stageOutcomes(count: number): StageOutcome[] {
  const out: StageOutcome[] = [];
  const walk = (i: number, taken: boolean[], current: (number | null)[]) => {
    if (i === count) {
      // Packed positions only: the classified contenders hold 1..k.
      const k = current.filter((p) => p !== null).length;
      if (current.every((p) => p === null || p <= k)) out.push([...current]);
      return;
    }
    current.push(null);
    walk(i + 1, taken, current);
    current.pop();
    for (let p = 1; p <= count; p++) {
      if (taken[p]) continue;
      taken[p] = true;
      current.push(p);
      walk(i + 1, taken, current);
      current.pop();
      taken[p] = false;
    }
  };
  walk(0, [], []);
  return out;
}

/** A contender's final total: the best N round scores minus penalties. */
function finalPoints(c: ContenderState, extra: readonly number[], bestResults: number | null): number {
  let sum = 0;
  if (bestResults === null) {
    for (const p of c.roundScores) sum += p;
    for (const p of extra) sum += p;
  } else {
    const sorted = [...c.roundScores, ...extra].sort((a, b) => b - a);
    for (let i = 0; i < Math.min(bestResults, sorted.length); i++) sum += sorted[i] as number;
  }
  return sum - c.penalties;
}

/** The oracle's own final table (best-N, penalties, countback or shared): who is at position 1. */
function championsOf(season: Season, extraScores: number[][], extraFinals: number[][]): string[] {
  const { contenders, bestResults, tieBreak } = season.input;
  const points = contenders.map((c, i) => finalPoints(c, extraScores[i] ?? [], bestResults));
  const top = Math.max(...points);
  const level = contenders.map((_, i) => i).filter((i) => points[i] === top);
  if (level.length === 1 || tieBreak === 'shared') return level.map((i) => contenders[i]?.id as string);
  const countbacks = level.map((i) => {
    const countback = [...(contenders[i] as ContenderState).countback];
    for (const p of extraFinals[i] ?? []) countback[p - 1] = (countback[p - 1] ?? 0) + 1;
    return countback;
  });
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  return level
    .filter((_, k) => countbacks.every((other) => compare(other, countbacks[k] as number[]) <= 0))
    .map((i) => contenders[i]?.id as string);
}

interface RoundOutcome {
  /** Points each contender scored at the next round (one group per result, final positions included). */
  nextPoints: number[];
  /** Who can be champion over every continuation after it. */
  champions: Set<string>;
}

/** Every finishing order: the champions of each, grouped by the outcome of the next round. */
function enumerate(
  season: Season,
  visit?: (scores: number[][], finals: number[][]) => void,
): {
  everyChampion: Set<string>;
  maxTotals: number[];
  byNext: RoundOutcome[];
} {
  const n = season.input.contenders.length;
  const outcomes = stageOutcomes(n);
  const countback = season.input.tieBreak === 'countback';
  // Orders that give every contender the same points (and, where countback reads it, the same final
  // position) lead to the same tables: one of each is enough.
  const flat = season.stages.flatMap((round, r) =>
    round.map((table, s) => {
      const final = s === round.length - 1;
      const distinct = new Map<string, StageOutcome>();
      for (const outcome of outcomes) {
        const points = outcome.map((p) => (p === null ? 0 : (table[p - 1] ?? 0)));
        distinct.set(JSON.stringify(final && countback ? [points, outcome] : points), outcome);
      }
      return { round: r, table, final, outcomes: [...distinct.values()] };
    }),
  );
  const everyChampion = new Set<string>();
  const maxTotals = season.input.contenders.map(() => Number.NEGATIVE_INFINITY);
  const byNext = new Map<string, RoundOutcome>();
  const scores = season.input.contenders.map(() => season.stages.map(() => 0));
  const finals: number[][] = season.input.contenders.map(() => []);
  const add = (k: number, round: number, points: number) => {
    const row = scores[k] as number[];
    row[round] = (row[round] ?? 0) + points;
  };
  const nextStages = season.stages[0]?.length ?? 0;
  let group: RoundOutcome = { nextPoints: [], champions: new Set() };
  const walk = (i: number) => {
    if (i === nextStages) {
      // The next round is decided: continuations below share its group, keyed by the points it paid and,
      // where the countback reads them, its final positions (a statement must hold for each such result).
      const key = JSON.stringify(countback ? [scores.map((s) => s[0]), finals] : scores.map((s) => s[0]));
      const found = byNext.get(key) ?? { nextPoints: scores.map((s) => s[0] ?? 0), champions: new Set() };
      byNext.set(key, found);
      group = found;
    }
    if (i === flat.length) {
      visit?.(scores, finals);
      const champions = championsOf(season, scores, finals);
      for (const id of champions) {
        everyChampion.add(id);
        group.champions.add(id);
      }
      season.input.contenders.forEach((c, k) => {
        maxTotals[k] = Math.max(
          maxTotals[k] as number,
          finalPoints(c, scores[k] ?? [], season.input.bestResults),
        );
      });
      return;
    }
    const stage = flat[i] as (typeof flat)[number];
    for (const outcome of stage.outcomes) {
      outcome.forEach((p, k) => {
        if (p !== null) {
          add(k, stage.round, stage.table[p - 1] ?? 0);
          if (stage.final) (finals[k] as number[]).push(p);
        }
      });
      walk(i + 1);
      outcome.forEach((p, k) => {
        if (p !== null) {
          add(k, stage.round, -(stage.table[p - 1] ?? 0));
          if (stage.final) (finals[k] as number[]).pop();
        }
      });
    }
  };
  walk(0);
  return { everyChampion, maxTotals, byNext: [...byNext.values()] };
}

const table = fc
  .array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 })
  .map((points) => points.sort((a, b) => b - a));

function seasonArbitrary(): fc.Arbitrary<Season> {
  return fc
    .record({
      count: fc.integer({ min: 2, max: 4 }),
      tieBreak: fc.constantFrom<TieBreak>('countback', 'shared'),
      bestResults: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 3 }),
      stagesPerRound: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
      tables: fc.array(table, { minLength: 6, maxLength: 6 }),
      contenders: fc.array(
        fc.record({
          roundScores: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 3 }),
          penalties: fc.option(fc.integer({ min: 1, max: 6 }), { nil: 0, freq: 4 }),
          countback: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
        }),
        { minLength: 4, maxLength: 4 },
      ),
    })
    .map(({ count, tieBreak, bestResults, stagesPerRound, tables, contenders }) => {
      // Keep the enumeration small: 65 orders per stage with 4 contenders, 16 with 3, 5 with 2.
      const budget = count === 4 ? 2 : count === 3 ? 3 : 5;
      const perRound: number[] = [];
      let used = 0;
      for (const wanted of stagesPerRound) {
        const take = Math.min(wanted, budget - used);
        if (take <= 0) break;
        perRound.push(take);
        used += take;
      }
      let t = 0;
      const stages = perRound.map((k) =>
        Array.from({ length: k }, () => tables[t++ % tables.length] as number[]),
      );
      const states: ContenderState[] = contenders.slice(0, count).map((c, i) => ({ id: `d${i}`, ...c }));
      return {
        stages,
        input: {
          contenders: states,
          remaining: stages.map((round, i) => ({
            round: 10 + i,
            maxPoints: round.reduce((a, s) => a + (s[0] ?? 0), 0),
          })),
          bestResults,
          tieBreak,
        },
      };
    });
}

/**
 * A term that calls the countback ("level on points with A, the countback goes to X") is checked on every
 * finishing order of the last round: wherever the two end level on points, the countback goes that way.
 */
function checkCalledTies(season: Season, needs: readonly NeedStatement[]) {
  const called = needs.flatMap((n) =>
    n.kind === 'margins' ? n.terms.filter((t) => t.level).map((t) => ({ self: n.contenderId, ...t })) : [],
  );
  if (called.length === 0) return;
  expect(season.input.remaining).toHaveLength(1);
  const ids = season.input.contenders.map((c) => c.id);
  enumerate(season, (scores, finals) => {
    for (const t of called) {
      const x = ids.indexOf(t.self);
      const y = ids.indexOf(t.rivalId);
      const tally = (k: number) => {
        const c = season.input.contenders[k] as ContenderState;
        const countback = [...c.countback];
        for (const p of finals[k] ?? []) countback[p - 1] = (countback[p - 1] ?? 0) + 1;
        return { points: finalPoints(c, scores[k] ?? [], season.input.bestResults), countback };
      };
      const a = tally(x);
      const b = tally(y);
      if (a.points !== b.points) continue;
      let diff = 0;
      for (let i = 0; i < Math.max(a.countback.length, b.countback.length) && diff === 0; i++)
        diff = (a.countback[i] ?? 0) - (b.countback[i] ?? 0);
      expect(t.level === 'contender' ? diff > 0 : diff < 0).toBe(true);
      tiesChecked++;
    }
  });
}
let tiesChecked = 0;

function holds(
  terms: readonly MarginTerm[],
  ids: readonly string[],
  points: readonly number[],
  self: string,
) {
  const mine = points[ids.indexOf(self)] ?? 0;
  return terms.every((t) => mine - (points[ids.indexOf(t.rivalId)] ?? 0) >= t.atLeast);
}

describe('title maths against every finishing order', () => {
  test('possible champions, clinched, points available and every "needs" statement match brute force', () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(seasonArbitrary(), (season) => {
        const analysis = analyseTitle(season.input);
        const truth = enumerate(season);
        const ids = season.input.contenders.map((c) => c.id);
        const leaderToday = Math.max(
          ...season.input.contenders.map((c) => finalPoints(c, [], season.input.bestResults)),
        );
        const inContention = new Set(analysis.standings.filter((s) => s.inContention).map((s) => s.id));
        expect(inContention).toEqual(truth.everyChampion);
        expect(analysis.clinchedBy).toBe(truth.everyChampion.size === 1 ? [...truth.everyChampion][0] : null);
        for (const s of analysis.standings)
          expect(s.points + s.available).toBe(truth.maxTotals[ids.indexOf(s.id)]);
        checkCalledTies(season, analysis.needs);
        for (const need of analysis.needs) {
          const kind = need.kind === 'margins' ? `${need.goal}${need.terms.length}` : need.kind;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          if (need.kind === 'open') continue;
          // A rival who cannot reach the leader's points today is covered by the margin over the leader.
          if (need.kind === 'margins')
            for (const t of [...need.terms, ...need.onlyIf])
              expect(truth.maxTotals[ids.indexOf(t.rivalId)]).toBeGreaterThanOrEqual(leaderToday);
          for (const group of truth.byNext) {
            const reached =
              need.kind === 'safe' || need.goal === 'stay'
                ? group.champions.has(need.contenderId)
                : group.champions.size === 1 && group.champions.has(need.contenderId);
            if (need.kind === 'safe') {
              expect(reached).toBe(true);
              continue;
            }
            if (holds(need.terms, ids, group.nextPoints, need.contenderId)) expect(reached).toBe(true);
            if (!holds(need.onlyIf, ids, group.nextPoints, need.contenderId)) expect(reached).toBe(false);
          }
        }
      }),
      { numRuns: 2000 },
    );
    // The generator must reach every kind of statement, not only the "open" fallback.
    for (const kind of ['clinch1', 'clinch2', 'stay1', 'stay2', 'safe', 'open'])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(30);
    expect(tiesChecked).toBeGreaterThan(30);
  }, 120_000);
});
