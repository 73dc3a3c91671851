import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { loadSeasonCatalog, type SeasonCatalog } from '../season/catalog.js';
import type { DataProblem } from '../season/problems.js';
import { formatFolderProblems } from '../season/problems.js';
import type { CommandContext, Invoker } from './command.js';

/** The bundled seasons, found from the project root so that any working directory works. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data', 'seasons');

export const NO_INVOKER: Invoker = { guildId: null, channelId: null, userId: null, permissions: null };

export interface AppContext {
  catalog: SeasonCatalog;
  /** Problems of seasons that failed to load (the others are served). */
  problems: Map<string, DataProblem[]>;
  now: () => Date;
  makeContext(invoker?: Invoker): CommandContext;
}

/** Load the seasons once and hand out per-request contexts that share them. */
export function createAppContext(
  options: { dataDir?: string; defaultSeason?: string | null; now?: () => Date } = {},
): AppContext {
  const { catalog, problems } = loadSeasonCatalog(options.dataDir ?? DEFAULT_DATA_DIR, options.defaultSeason);
  const now = options.now ?? (() => new Date());
  return {
    catalog,
    problems,
    now,
    makeContext: (invoker = NO_INVOKER) => ({ now, invoker, seasons: catalog }),
  };
}

/** Every folder's problems, as check:data prints them. */
export function describeProblems(problems: Map<string, DataProblem[]>): string {
  return [...problems].map(([folder, list]) => formatFolderProblems(folder, list)).join('\n');
}
