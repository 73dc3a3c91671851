import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkClassifiedRounds } from './classification-check.js';
import { readClassificationsFolder } from './classifications.js';
import { crossCheckSeason } from './cross-check.js';
import { buildSeasonModel, type SeasonModel } from './model.js';
import { type DataProblem, SeasonLoadError } from './problems.js';
import { readYaml, validateYaml, type YamlFile } from './read-yaml.js';
import { SEASON_FILE_KEYS, SEASON_FILES, type SeasonFileName, type SeasonFiles } from './schema.js';

export type SeasonLoadResult = { ok: true; model: SeasonModel } | { ok: false; problems: DataProblem[] };

/**
 * Load one season folder: parse every file, validate it, then check across files. Problems are collected
 * from every file before giving up, so an admin sees them all at once. Nothing is read again per request.
 */
export function loadSeasonFolder(directory: string): SeasonLoadResult {
  const problems: DataProblem[] = [];
  const yamls = new Map<SeasonFileName, YamlFile>();
  const files: Partial<SeasonFiles> = {};
  const present = new Set(safeReaddir(directory));
  for (const name of present) {
    // Dotfiles are editor lock and swap files, not season data.
    if (name.endsWith('.yaml') && !name.startsWith('.') && !(name in SEASON_FILES))
      problems.push({
        file: name,
        line: null,
        field: '',
        message: `unexpected file (expected one of ${Object.keys(SEASON_FILES).join(', ')})`,
      });
  }
  for (const [name, schema] of Object.entries(SEASON_FILES) as [
    SeasonFileName,
    (typeof SEASON_FILES)[SeasonFileName],
  ][]) {
    if (!present.has(name)) {
      problems.push({ file: name, line: null, field: '', message: 'file is missing' });
      continue;
    }
    const text = readFileSync(join(directory, name), 'utf8');
    const read = readYaml(name, text);
    problems.push(...read.problems);
    if (read.problems.length > 0) continue;
    yamls.set(name, read.yaml);
    const checked = validateYaml(read.yaml, schema as never);
    problems.push(...checked.problems);
    if (checked.data !== null) (files as Record<string, unknown>)[SEASON_FILE_KEYS[name]] = checked.data;
  }
  const live = readClassificationsFolder(directory);
  problems.push(...live.problems);
  if (problems.length > 0) return { ok: false, problems };
  const complete = files as SeasonFiles;
  const lineOf = (file: SeasonFileName, path: readonly PropertyKey[]) =>
    yamls.get(file)?.lineOf(path) ?? null;
  const crossProblems = crossCheckSeason(complete, basename(directory), lineOf);
  if (crossProblems.length > 0) return { ok: false, problems: crossProblems };
  const model = buildSeasonModel(complete, live.rounds);
  const liveProblems = checkClassifiedRounds(model, live.rounds, live.yamls);
  if (liveProblems.length > 0) return { ok: false, problems: liveProblems };
  return { ok: true, model };
}

/** Load every season folder under a data directory (each sub-folder is a season). */
export function loadSeasonsDirectory(directory: string): {
  models: SeasonModel[];
  problems: Map<string, DataProblem[]>;
} {
  const models: SeasonModel[] = [];
  const problems = new Map<string, DataProblem[]>();
  for (const name of safeReaddir(directory).sort()) {
    const folder = join(directory, name);
    if (!statSync(folder).isDirectory()) continue;
    const result = loadSeasonFolder(folder);
    if (result.ok) models.push(result.model);
    else problems.set(folder, result.problems);
  }
  return { models, problems };
}

/** Like loadSeasonFolder, but throws a SeasonLoadError listing every problem. */
export function loadSeasonFolderOrThrow(directory: string): SeasonModel {
  const result = loadSeasonFolder(directory);
  if (!result.ok) throw new SeasonLoadError(directory, result.problems);
  return result.model;
}

function safeReaddir(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch (error) {
    throw new SeasonLoadError(directory, [
      {
        file: directory,
        line: null,
        field: '',
        message: `cannot read the folder: ${(error as Error).message}`,
      },
    ]);
  }
}
