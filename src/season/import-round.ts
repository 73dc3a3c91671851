import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadSeasonFolder } from './load.js';
import type { SeasonModel } from './model.js';
import { type ImportRequest, planRoundImport } from './plan-import.js';
import { type DataProblem, SeasonLoadError } from './problems.js';
import type { Stage } from './schema.js';

export type ImportOutcome =
  | {
      ok: true;
      /** The round file written, relative to the season folder. */
      file: string;
      stage: Stage;
      replaced: boolean;
      before: SeasonModel;
      after: SeasonModel;
    }
  | { ok: false; problems: DataProblem[] };

/**
 * Import one class's classification of one round stage from the results CSV into the season folder's
 * round file (planRoundImport says what, or why not). On any problem nothing is written. The file is
 * written atomically (temp file and rename), replacing that class and stage's classification whole.
 */
export function importRound(request: ImportRequest): ImportOutcome {
  const loaded = loadOrProblems(request.seasonDir);
  if (!loaded.ok)
    return {
      ok: false,
      problems: [
        {
          file: request.seasonDir,
          line: null,
          field: '',
          message: 'the season does not load as it is; fix these problems first',
        },
        ...loaded.problems,
      ],
    };
  const model = loaded.model;
  const round = model.classifications.get(request.round);
  const path = round ? join(request.seasonDir, round.file) : null;
  let previousText: string | null = null;
  if (path)
    try {
      previousText = readFileSync(path, 'utf8');
    } catch {
      previousText = null;
    }
  const plan = planRoundImport(model, request, previousText);
  if (!plan.ok) return plan;

  const target = join(request.seasonDir, plan.file);
  // A dotfile: the loader and watcher skip it, so a half-written file is never read.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, plan.text);
    renameSync(temp, target);
  } catch (error) {
    try {
      rmSync(temp, { force: true }); // our temp file only: never a directory of the same name
    } catch {}
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ok: false,
      problems: [
        {
          file: plan.file,
          line: null,
          field: '',
          message: `cannot write the file (${code}); nothing was changed`,
        },
      ],
    };
  }
  const after = loadOrProblems(request.seasonDir);
  if (!after.ok) {
    // Cannot happen for a checked file; if it does, put the folder back as it was.
    if (previousText === null) rmSync(target, { force: true });
    else writeFileSync(target, previousText);
    return { ok: false, problems: after.problems };
  }
  return {
    ok: true,
    file: plan.file,
    stage: plan.stage,
    replaced: plan.replaced,
    before: model,
    after: after.model,
  };
}

function loadOrProblems(folder: string): ReturnType<typeof loadSeasonFolder> {
  try {
    return loadSeasonFolder(folder);
  } catch (error) {
    if (error instanceof SeasonLoadError) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}
