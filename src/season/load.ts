import { basename, join } from 'node:path';
import { checkClassifiedRounds } from './classification-check.js';
import { readClassificationsFolder } from './classifications.js';
import { crossCheckSeason } from './cross-check.js';
import { buildSeasonModel, type ClassifiedRound, type SeasonModel } from './model.js';
import { capProblemsPerFile, type DataProblem, MAX_PROBLEMS_PER_FILE, SeasonLoadError } from './problems.js';
import { readSeasonFile } from './read-season-file.js';
import { readYaml, validateYaml, type YamlFile } from './read-yaml.js';
import {
  SEASON_FILE_KEYS,
  SEASON_FILE_NAMES,
  type SeasonFileName,
  type SeasonFiles,
  seasonFileSchemas,
} from './schema.js';
import { listSeasonFolders, readDirectory } from './season-folders.js';

export type SeasonLoadResult = { ok: true; model: SeasonModel } | { ok: false; problems: DataProblem[] };
export type SeasonCheckResult =
  | { ok: true; files: SeasonFiles; classified: ClassifiedRound[] }
  | { ok: false; problems: DataProblem[] };
type CheckedAndBuilt = { ok: true; files: SeasonFiles; classified: ClassifiedRound[]; model: SeasonModel };

/**
 * Read, validate and cross-check one season folder: everything that depends on what the files hold (and so
 * may be slow or hostile), without building the model. Problems are collected from every file before
 * giving up, so an admin sees them all at once. Throws a SeasonLoadError when the folder cannot be read.
 */
export function checkSeasonFolder(directory: string): SeasonCheckResult {
  // The model stays on the loader thread (functions and maps are not worth copying back), so it is built
  // without what only serving needs (the class ledgers).
  const checked = checkAndBuild(directory, { forChecking: true });
  return checked.ok ? { ok: true, files: checked.files, classified: checked.classified } : checked;
}

function checkAndBuild(
  directory: string,
  build: { forChecking: boolean },
): CheckedAndBuilt | { ok: false; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const yamls = new Map<SeasonFileName, YamlFile>();
  const files: Partial<SeasonFiles> = {};
  const present = new Set(readDirectory(directory));
  for (const name of present) {
    // Dotfiles are editor lock and swap files, not season data.
    if (
      name.endsWith('.yaml') &&
      !name.startsWith('.') &&
      !(SEASON_FILE_NAMES as readonly string[]).includes(name)
    )
      problems.push({
        file: name,
        line: null,
        field: '',
        message: `unexpected file (expected one of ${SEASON_FILE_NAMES.join(', ')})`,
      });
  }
  const schemas = seasonFileSchemas();
  for (const name of SEASON_FILE_NAMES) {
    const schema = schemas[name];
    if (!present.has(name)) {
      problems.push({ file: name, line: null, field: '', message: 'file is missing' });
      continue;
    }
    const file = readSeasonFile(join(directory, name), name);
    if (!file.ok) {
      problems.push(file.problem);
      continue;
    }
    const read = readYaml(name, file.text);
    if (read.problems.length > 0) {
      for (const problem of read.problems) problems.push(problem);
      continue;
    }
    yamls.set(name, read.yaml);
    const checked = validateYaml(read.yaml, schema as never);
    for (const problem of checked.problems) problems.push(problem);
    if (checked.data !== null) (files as Record<string, unknown>)[SEASON_FILE_KEYS[name]] = checked.data;
  }
  const live = readClassificationsFolder(directory);
  problems.push(...live.problems);
  if (problems.length > 0) return { ok: false, problems };
  const complete = files as SeasonFiles;
  // Problems past the cap are counted, not shown, so they need no line.
  const lookups = new Map<SeasonFileName, number>();
  const lineOf = (file: SeasonFileName, path: readonly PropertyKey[]) => {
    const count = (lookups.get(file) ?? 0) + 1;
    lookups.set(file, count);
    return count > MAX_PROBLEMS_PER_FILE ? null : (yamls.get(file)?.lineOf(path) ?? null);
  };
  const crossProblems = crossCheckSeason(complete, basename(directory), lineOf);
  if (crossProblems.length > 0) return { ok: false, problems: capProblemsPerFile(crossProblems) };
  // Round classifications are checked against the model's indexes (entries by round and class), so the
  // model is built here; a hot reload builds it again on the main thread from what this check returns.
  const model = buildSeasonModel(complete, live.rounds, build);
  const liveProblems = checkClassifiedRounds(model, live.rounds, live.yamls);
  if (liveProblems.length > 0) return { ok: false, problems: capProblemsPerFile(liveProblems) };
  return { ok: true, files: complete, classified: live.rounds, model };
}

/** Load one season folder: check it, then build the model. Nothing is read again per request. */
export function loadSeasonFolder(directory: string): SeasonLoadResult {
  const checked = checkAndBuild(directory, { forChecking: false });
  return checked.ok ? { ok: true, model: checked.model } : checked;
}

/** Load every season folder under a data directory (each sub-folder is a season). */
export function loadSeasonsDirectory(directory: string): {
  models: SeasonModel[];
  problems: Map<string, DataProblem[]>;
} {
  const models: SeasonModel[] = [];
  const problems = new Map<string, DataProblem[]>();
  for (const { folder, problem } of listSeasonFolders(directory)) {
    if (problem) {
      problems.set(folder, [problem]);
      continue;
    }
    try {
      const result = loadSeasonFolder(folder);
      if (result.ok) models.push(result.model);
      else problems.set(folder, result.problems);
    } catch (error) {
      // One unreadable season folder is that season's problem, not the data directory's.
      if (!(error instanceof SeasonLoadError)) throw error;
      problems.set(folder, [...error.problems]);
    }
  }
  return { models, problems };
}

/** Like loadSeasonFolder, but throws a SeasonLoadError listing every problem. */
export function loadSeasonFolderOrThrow(directory: string): SeasonModel {
  const result = loadSeasonFolder(directory);
  if (!result.ok) throw new SeasonLoadError(directory, result.problems);
  return result.model;
}
