import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLASSIFICATION_FILE_PATTERN,
  CLASSIFICATIONS_FOLDER,
  classificationFileName,
  RoundClassificationFileSchema,
} from './classification-schema.js';
import type { ClassifiedRound } from './model.js';
import type { DataProblem } from './problems.js';
import { readYaml, validateYaml, type YamlFile } from './read-yaml.js';

export interface ReadClassifications {
  rounds: ClassifiedRound[];
  /** Each file's parsed YAML, so later checks can name lines. */
  yamls: Map<string, YamlFile>;
  problems: DataProblem[];
}

/**
 * Read `classifications/round-NN.yaml` of a season folder (the folder is optional: a season with
 * published tables only has none). Every file is parsed and validated; problems from all are returned.
 */
export function readClassificationsFolder(seasonFolder: string): ReadClassifications {
  const folder = join(seasonFolder, CLASSIFICATIONS_FOLDER);
  const result: ReadClassifications = { rounds: [], yamls: new Map(), problems: [] };
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) {
      result.problems.push(problem(CLASSIFICATIONS_FOLDER, null, '', 'must be a folder of round files'));
      return result;
    }
    names = readdirSync(folder).sort();
  } catch {
    return result;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const file = `${CLASSIFICATIONS_FOLDER}/${name}`;
    const match = CLASSIFICATION_FILE_PATTERN.exec(name);
    if (!match) {
      result.problems.push(
        problem(file, null, '', 'unexpected file (round files are named round-01.yaml, round-02.yaml, …)'),
      );
      continue;
    }
    let text: string;
    try {
      text = readFileSync(join(folder, name), 'utf8');
    } catch (error) {
      result.problems.push(problem(file, null, '', `cannot read the file (${codeOf(error)})`));
      continue;
    }
    const parsed = parseClassificationFile(file, text);
    result.problems.push(...parsed.problems);
    if (parsed.yaml) result.yamls.set(file, parsed.yaml);
    if (!parsed.round) continue;
    if (name !== classificationFileName(parsed.round.data.round)) {
      result.problems.push(
        problem(
          file,
          parsed.yaml?.lineOf(['round']) ?? null,
          'round',
          `says round ${parsed.round.data.round}, but the file name says round ${Number(match[1])}`,
        ),
      );
      continue;
    }
    result.rounds.push(parsed.round);
  }
  return result;
}

/** Parse and validate one round file's text (also used by the importer on the file it is about to write). */
export function parseClassificationFile(
  file: string,
  text: string,
): { round: ClassifiedRound | null; yaml: YamlFile | null; problems: DataProblem[] } {
  const read = readYaml(file, text);
  if (read.problems.length > 0) return { round: null, yaml: null, problems: read.problems };
  const checked = validateYaml(read.yaml, RoundClassificationFileSchema);
  if (checked.data === null) return { round: null, yaml: read.yaml, problems: checked.problems };
  return { round: { file, data: checked.data }, yaml: read.yaml, problems: [] };
}

function problem(file: string, line: number | null, field: string, message: string): DataProblem {
  return { file, line, field, message };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
