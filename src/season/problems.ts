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
