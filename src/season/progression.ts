import type { SeasonModel } from './model.js';
import type { Stage } from './schema.js';
import { type ComputedRow, computeStandings } from './standings-engine.js';

/** One step of the season: a scoring stage of a classified round (a 24-hour round gives three). */
export interface ProgressionStep {
  round: number;
  stage: Stage;
  /** True for the round's last stage: the value there is the table's total after the round. */
  roundEnd: boolean;
}

export interface ProgressionSeries {
  /** The row's person ids (a crew that scored identically is one row). */
  personIds: string[];
  position: number;
  tied: boolean;
  /** Cumulative points after each step, in step order. */
  values: number[];
}

export interface Progression {
  classId: string;
  afterRound: number;
  steps: ProgressionStep[];
  series: ProgressionSeries[];
  /** Rows in the table beyond the ones shown. */
  more: number;
}

export const DEFAULT_PROGRESSION_ROWS = 6;

/**
 * Cumulative points by round for the top N rows of the class table after round N, each multi-stage round
 * split into its stages. At every round's end the value is the engine's total after that round (penalties
 * and best-N included); inside a round it is the previous total plus the stages scored so far.
 */
export function progression(
  model: SeasonModel,
  classId: string,
  afterRound: number,
  top = DEFAULT_PROGRESSION_ROWS,
): Progression {
  const final = computeStandings(model, classId, afterRound);
  const steps: ProgressionStep[] = [];
  for (const round of final.roundsClassified) {
    const data = model.classifications.get(round)?.data;
    const stages = (model.rounds[round - 1]?.scoring ?? []).filter((s) =>
      data?.classifications.some((c) => c.class === classId && c.stage === s.stage),
    );
    stages.forEach((s, i) => {
      steps.push({ round, stage: s.stage, roundEnd: i === stages.length - 1 });
    });
  }
  const shown = final.rows.slice(0, top);
  const totalAfter = (round: number, row: ComputedRow) => {
    if (round === 0) return 0;
    const table = computeStandings(model, classId, round);
    const id = row.personIds[0];
    return [...table.rows, ...table.zeroRows].find((r) => r.personIds.includes(id as string))?.points ?? 0;
  };
  const series = shown.map((row) => {
    let previousRound = 0;
    let base = 0;
    const values = steps.map((step) => {
      if (step.round !== previousRound) {
        base = totalAfter(previousRoundOf(final.roundsClassified, step.round), row);
        previousRound = step.round;
      }
      if (step.roundEnd) return totalAfter(step.round, row);
      const soFar = row.results
        .filter(
          (r) =>
            r.round === step.round &&
            stageIndex(model, r.round, r.stage) <= stageIndex(model, step.round, step.stage),
        )
        .reduce((a, r) => a + r.points, 0);
      return base + soFar;
    });
    return { personIds: row.personIds, position: row.position, tied: row.tied, values };
  });
  return { classId, afterRound, steps, series, more: Math.max(0, final.rows.length - shown.length) };
}

function previousRoundOf(rounds: readonly number[], round: number): number {
  const index = rounds.indexOf(round);
  return index > 0 ? (rounds[index - 1] as number) : 0;
}

function stageIndex(model: SeasonModel, round: number, stage: Stage): number {
  return model.rounds[round - 1]?.scoring.findIndex((s) => s.stage === stage) ?? -1;
}
