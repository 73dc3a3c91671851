/** One thing wrong with a data file: where (file, line when known, field path) and what. */
export interface DataProblem {
  file: string;
  line: number | null;
  field: string;
  message: string;
}

export function formatProblem(problem: DataProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}  ${problem.field || '(file)'}: ${problem.message}`;
}

/** Enough to fix a file in one go; more would only repeat the same mistake (and cost a line lookup each). */
export const MAX_PROBLEMS_PER_FILE = 50;

/** The first MAX_PROBLEMS_PER_FILE problems of each file, then one line saying how many more there are. */
export function capProblemsPerFile(problems: readonly DataProblem[]): DataProblem[] {
  const seen = new Map<string, number>();
  const kept: DataProblem[] = [];
  for (const problem of problems) {
    const count = (seen.get(problem.file) ?? 0) + 1;
    seen.set(problem.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) kept.push(problem);
  }
  for (const [file, count] of seen)
    if (count > MAX_PROBLEMS_PER_FILE)
      kept.push({
        file,
        line: null,
        field: '',
        message: `and ${count - MAX_PROBLEMS_PER_FILE} more problems in this file`,
      });
  return kept;
}

/** A folder's problems as check:data prints them: a count line, then one indented line per problem. */
export function formatFolderProblems(folder: string, problems: readonly DataProblem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return [`${folder}: ${count}`, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}

/** Thrown when a season folder cannot be loaded; carries every problem found, not just the first. */
export class SeasonLoadError extends Error {
  override readonly name = 'SeasonLoadError';
  constructor(
    readonly directory: string,
    readonly problems: readonly DataProblem[],
  ) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${directory}:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}
