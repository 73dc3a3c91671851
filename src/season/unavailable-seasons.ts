import { dirname, resolve } from 'node:path';
import { type DataProblem, formatFolderProblems } from './problems.js';

/**
 * Thrown at start-up when the seasons cannot be served: nothing loaded, or the configured default season is
 * not among them. The message is the whole report for a person (every problem, as check:data prints it,
 * and what to change); callers print it and exit, without a stack.
 */
export class SeasonsUnavailableError extends Error {
  override readonly name = 'SeasonsUnavailableError';
}

export type SeasonsUnavailable =
  | { kind: 'unreadable'; directory: string; problem: DataProblem }
  | { kind: 'empty'; directory: string; isSeasonFolder: boolean }
  | { kind: 'all-broken'; directory: string; problems: ReadonlyMap<string, readonly DataProblem[]> }
  | {
      kind: 'unknown-default';
      directory: string;
      wanted: string;
      loaded: readonly string[];
      problems: ReadonlyMap<string, readonly DataProblem[]>;
    };

const LAYOUT = 'The data folder (PITBOARD_DATA_DIR) must hold one sub-folder per season.';

export function describeSeasonsUnavailable(reason: SeasonsUnavailable): string {
  const directory = resolve(reason.directory);
  switch (reason.kind) {
    case 'unreadable':
      return `No season could be loaded: the data folder ${directory} ${reason.problem.message}. ${LAYOUT}`;
    case 'empty':
      return reason.isSeasonFolder
        ? `No season could be loaded: ${directory} is a season folder itself (it holds season.yaml). ${LAYOUT} ` +
            `Set PITBOARD_DATA_DIR to its parent: ${dirname(directory)}`
        : `No season could be loaded: ${directory} has no season folders. ${LAYOUT}`;
    case 'all-broken':
      return [
        `No season could be loaded from ${directory}:`,
        ...[...reason.problems].map(([folder, list]) => formatFolderProblems(folder, list)),
      ].join('\n');
    case 'unknown-default': {
      const broken = [...reason.problems].filter(([folder]) => folder.endsWith(`/${reason.wanted}`));
      return [
        `The default season "${reason.wanted}" (PITBOARD_DEFAULT_SEASON) is not among the seasons loaded from ` +
          `${directory}: ${reason.loaded.join(', ')}.`,
        ...broken.map(([folder, list]) => formatFolderProblems(folder, list)),
      ].join('\n');
    }
  }
}
