import { isMap, isSeq, parseDocument } from 'yaml';
import { checkClassifiedRounds, checkRoundClassification, type Locator } from './classification-check.js';
import {
  CLASSIFICATIONS_FOLDER,
  classificationFileName,
  type RoundClassificationFile,
  type StageClassificationData,
} from './classification-schema.js';
import { parseClassificationFile } from './classifications.js';
import type { SeasonModel } from './model.js';
import { type DataProblem, fieldPath } from './problems.js';
import { type CsvColumn, type CsvRow, columnLabel, parseResultsCsv } from './results-csv.js';
import type { Stage } from './schema.js';

export interface ImportRequest {
  seasonDir: string;
  round: number;
  classId: string;
  /** Required when the round has more than one scoring stage. */
  stage: string | null;
  csvName: string;
  csvText: string;
}

export type ImportPlan =
  | {
      ok: true;
      /** The round file to write, relative to the season folder, and its whole new text. */
      file: string;
      text: string;
      stage: Stage;
      replaced: boolean;
    }
  | { ok: false; problems: DataProblem[] };

/**
 * What importing the CSV would write, or every problem: the options against the season, the CSV itself,
 * the round as it would be with the CSV's rows (CSV line and column for those), and that the new text reads
 * back as exactly that classification. Pure: the caller reads the season and the previous file and writes.
 */
export function planRoundImport(
  model: SeasonModel,
  request: Omit<ImportRequest, 'seasonDir'>,
  previousText: string | null,
): ImportPlan {
  const option = (field: string, message: string): ImportPlan => ({
    ok: false,
    problems: [{ file: 'command line', line: null, field, message }],
  });
  const calendarRound = model.rounds[request.round - 1];
  if (!calendarRound)
    return option('--round', `round ${request.round} is not in the calendar (1–${model.rounds.length})`);
  if (!model.classes.some((c) => c.id === request.classId))
    return option(
      '--class',
      `unknown class "${request.classId}" (one of ${model.classes.map((c) => c.id).join(', ')})`,
    );
  const stages = calendarRound.scoring.map((s) => s.stage);
  let stage: Stage;
  if (request.stage === null) {
    if (stages.length > 1)
      return option(
        '--stage',
        `round ${request.round} is scored at ${stages.join(', ')}: say which with --stage`,
      );
    stage = stages[0] as Stage;
  } else {
    const named = stages.find((s) => s === request.stage);
    if (!named)
      return option(
        '--stage',
        `round ${request.round} has no "${request.stage}" stage (${stages.join(', ')})`,
      );
    stage = named;
  }

  const csv = parseResultsCsv(model, request.csvName, request.csvText);
  const incoming: StageClassificationData = {
    class: request.classId,
    stage,
    order: csv.rows.map((r) => r.order),
  };
  const fileName = `${CLASSIFICATIONS_FOLDER}/${classificationFileName(request.round)}`;
  const existing = model.classifications.get(request.round)?.data ?? {
    round: request.round,
    classifications: [],
    penalties: [],
  };
  const index = existing.classifications.findIndex((c) => c.class === request.classId && c.stage === stage);
  const next: RoundClassificationFile = {
    ...existing,
    classifications:
      index >= 0
        ? existing.classifications.map((c, i) => (i === index ? incoming : c))
        : [...existing.classifications, incoming],
  };
  const inFile =
    (prefix: PropertyKey[]): Locator =>
    (path) => ({ file: fileName, line: null, field: fieldPath([...prefix, ...path]) });
  const roundProblems = checkRoundClassification(
    model,
    request.round,
    next.classifications.map((data, i) => ({
      data,
      at: data === incoming ? csvLocator(request.csvName, csv.rows) : inFile(['classifications', i]),
    })),
    next.penalties.map((data, p) => ({ data, at: inFile(['penalties', p]) })),
  );
  // In file order, so an admin can walk down the CSV fixing each line.
  const problems = [...csv.problems, ...roundProblems].sort(
    (a, b) =>
      Number(b.file === request.csvName) - Number(a.file === request.csvName) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  if (problems.length > 0) return { ok: false, problems };

  const text = renderRoundFile(previousText, next, index);
  const reread = parseClassificationFile(fileName, text);
  const rereadProblems = reread.round
    ? checkClassifiedRounds(model, [reread.round], new Map())
    : reread.problems;
  if (rereadProblems.length > 0 || JSON.stringify(reread.round?.data) !== JSON.stringify(next))
    return {
      ok: false,
      problems: [
        { file: fileName, line: null, field: '', message: 'the file to write does not read back the same' },
        ...rereadProblems,
      ],
    };
  return { ok: true, file: fileName, text, stage, replaced: index >= 0 };
}

/** Locates a stage's paths in the CSV: ['order', i, 'car'] → that row's line, the car column. */
function csvLocator(file: string, rows: readonly CsvRow[]): Locator {
  return (path) => {
    const [, row, column, name] = path;
    const line = typeof row === 'number' ? (rows[row]?.line ?? null) : null;
    if (path[0] !== 'order') return { file: 'command line', line: null, field: `--${String(path[0])}` };
    if (typeof column !== 'string') return { file, line, field: columnLabel('position') };
    const label = columnLabel(column as CsvColumn);
    return { file, line, field: typeof name === 'number' ? `${label}, name ${name + 1}` : label };
  };
}

const HEADER = `# Round classification: per class and scoring stage, each car's class position (null when unclassified),
# car number, status (Ret, DNF, DSQ, NC, DNS; null when classified) and the drivers who score (null = the
# car's crew for the round from entries.yaml). Written by \`npm run results -- import\`; hand edits are fine.
`;

/**
 * The round file's new text. An existing file keeps its comments and layout; only the imported
 * classification is replaced (or appended). Each car is one flow-style line, as an admin writes it.
 */
export function renderRoundFile(
  previousText: string | null,
  next: RoundClassificationFile,
  replacedIndex: number,
): string {
  const doc = parseDocument(
    previousText ?? `${HEADER}round: ${next.round}\nclassifications: []\npenalties: []\n`,
  );
  const index = replacedIndex >= 0 ? replacedIndex : next.classifications.length - 1;
  const node = doc.createNode(next.classifications[index]);
  if (isMap(node)) {
    const order = node.get('order', true);
    if (isSeq(order))
      for (const item of order.items)
        if (isMap(item)) {
          item.flow = true;
          const drivers = item.get('drivers', true);
          if (isSeq(drivers)) drivers.flow = true;
        }
  }
  const list = doc.get('classifications', true);
  if (isSeq(list)) {
    list.flow = false;
    if (replacedIndex >= 0) list.set(replacedIndex, node);
    else list.add(node);
  }
  return doc.toString({ lineWidth: 0 });
}
