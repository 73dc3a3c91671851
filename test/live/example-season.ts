import { fileURLToPath } from 'node:url';
import type { RoundClassificationFile } from '../../src/season/classification-schema.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import { buildSeasonModel, type ClassifiedRound, type SeasonModel } from '../../src/season/model.js';
import type { SeasonFiles } from '../../src/season/schema.js';
import { computeStandings, positionText } from '../../src/season/standings-engine.js';

export const EXAMPLE_ID = '2026-example-endurance-league';
export const EXAMPLE_DIR = fileURLToPath(new URL(`../../examples/seasons/${EXAMPLE_ID}`, import.meta.url));
export const EXAMPLE_CSV_DIR = fileURLToPath(
  new URL(`../../examples/results/${EXAMPLE_ID}`, import.meta.url),
);

let cached: SeasonModel | null = null;
/** The example league season as shipped (rounds 1–3 classified). */
export function exampleModel(): SeasonModel {
  cached ??= loadSeasonFolderOrThrow(EXAMPLE_DIR);
  return cached;
}

/** The example's files and classifications with edits, built into a model (no checks run). */
export function editedModel(
  edit: {
    files?: (files: SeasonFiles) => SeasonFiles;
    rounds?: (rounds: RoundClassificationFile[]) => RoundClassificationFile[];
  } = {},
): SeasonModel {
  const base = exampleModel();
  const files = edit.files ? edit.files(structuredClone(base.files)) : base.files;
  const rounds = [...base.classifications.values()].map((c) => structuredClone(c.data));
  const edited = edit.rounds ? edit.rounds(rounds) : rounds;
  return buildSeasonModel(
    files,
    edited.map((data): ClassifiedRound => ({ file: `round-${data.round}`, data })),
  );
}

/** A computed table as short text lines: `=2 nora-noel/oscar-ortiz 74`. */
export function tableLines(model: SeasonModel, classId: string, afterRound: number): string[] {
  return computeStandings(model, classId, afterRound).rows.map(
    (row) => `${positionText(row)} ${row.personIds.join('/')} ${row.points}`,
  );
}
