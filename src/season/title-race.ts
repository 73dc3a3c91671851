import type { Round, SeasonModel } from './model.js';
import type { Stage } from './schema.js';
import { type ComputedRow, computeStandings, countbackVector } from './standings-engine.js';
import {
  analyseTitle,
  type ContenderState,
  type RemainingRound,
  type TitleAnalysis,
  type TitleInput,
} from './title-maths.js';

/** The contender standing for every driver who has not yet scored a result in the class. */
export const YET_TO_SCORE = '*yet-to-score*';

export interface TitleRace {
  classId: string;
  afterRound: number;
  analysis: TitleAnalysis;
  /** Each contender id's table row (the pseudo-contender YET_TO_SCORE has none). */
  rows: ReadonlyMap<string, ComputedRow>;
  remaining: readonly RemainingRound[];
  /** The first round after which the title was clinched; null while open. */
  decidedAt: number | null;
}

/**
 * The title fight of a computed class after round N: the engine's table after N as plain numbers for the
 * title maths, the rounds after N at their tables' maximum, and the round that decided it. A row of the
 * table (a crew that scored identically) is one contender; one more stands for any driver yet to score,
 * who could still enter and win everything left. Memoised per model, class and round.
 */
export function titleRace(model: SeasonModel, classId: string, afterRound: number): TitleRace {
  let cache = races.get(model);
  if (!cache) {
    cache = new Map();
    races.set(model, cache);
  }
  const key = `${classId}/${afterRound}`;
  let race = cache.get(key);
  if (!race) {
    race = buildRace(model, classId, afterRound);
    cache.set(key, race);
  }
  return race;
}
const races = new WeakMap<SeasonModel, Map<string, TitleRace>>();

/** The title maths' input for the class after round N (exported for the tests that check it against the engine). */
export function titleInput(
  model: SeasonModel,
  classId: string,
  afterRound: number,
): { input: TitleInput; rows: Map<string, ComputedRow> } {
  const table = computeStandings(model, classId, afterRound);
  const finalStages = new Map<number, Stage>();
  for (const round of model.rounds.slice(0, afterRound)) {
    const last = round.scoring.at(-1);
    if (last) finalStages.set(round.round, last.stage);
  }
  const rows = new Map<string, ComputedRow>();
  const contenders: ContenderState[] = [];
  for (const row of [...table.rows, ...table.zeroRows]) {
    const id = row.personIds.join('+');
    rows.set(id, row);
    const byRound = new Map<number, number>();
    for (const r of row.results) byRound.set(r.round, (byRound.get(r.round) ?? 0) + r.points);
    contenders.push({
      id,
      roundScores: [...byRound.values()],
      penalties: row.penalties.reduce((a, p) => a + p.points, 0),
      countback: countbackVector(row.results, finalStages),
    });
  }
  const remaining = remainingRounds(model, afterRound);
  if (remaining.length > 0)
    contenders.push({ id: YET_TO_SCORE, roundScores: [], penalties: 0, countback: [] });
  return {
    input: {
      contenders,
      remaining,
      bestResults: model.files.scoring.rules.best_results ?? null,
      tieBreak: model.files.scoring.rules.tie_break ?? 'countback',
    },
    rows,
  };
}

/** The rounds after N that score, each at the most one driver can take from it. */
export function remainingRounds(model: SeasonModel, afterRound: number): RemainingRound[] {
  return model.rounds
    .filter((r) => r.round > afterRound && r.scoring.length > 0)
    .map((r) => ({ round: r.round, maxPoints: roundMaximum(model, r) }));
}

function roundMaximum(model: SeasonModel, round: Round): number {
  return round.scoring.reduce(
    (sum, s) => sum + Math.max(0, ...(model.pointsTables.get(s.tableId)?.points ?? [])),
    0,
  );
}

function buildRace(model: SeasonModel, classId: string, afterRound: number): TitleRace {
  const { input, rows } = titleInput(model, classId, afterRound);
  const analysis = analyseTitle(input);
  let decidedAt: number | null = null;
  if (analysis.clinchedBy !== null) {
    decidedAt = afterRound;
    for (let round = 1; round < afterRound; round++)
      if (analyseTitle(titleInput(model, classId, round).input).clinchedBy !== null) {
        decidedAt = round;
        break;
      }
  }
  return { classId, afterRound, analysis, rows, remaining: input.remaining, decidedAt };
}
