import { loadSeasonsDirectory } from './load.js';
import type { SeasonModel } from './model.js';
import { type DataProblem, SeasonLoadError } from './problems.js';
import { compareText } from './search.js';
import { looksLikeSeasonFolder } from './season-folders.js';
import {
  describeSeasonsUnavailable,
  type SeasonsUnavailable,
  SeasonsUnavailableError,
} from './unavailable-seasons.js';

/**
 * The seasons the bot serves. The object stays the same for the life of the process; `replace` swaps the
 * whole set at once (hot reload), so a request sees either the old models or the new ones, never a mix.
 */
export interface SeasonCatalog {
  list(): readonly SeasonModel[];
  /** The season with this id; the default season when id is empty; null when unknown. */
  get(id?: string | null): SeasonModel | null;
  defaultSeason(): SeasonModel;
  replace(models: readonly SeasonModel[]): void;
}

export function createSeasonCatalog(
  models: readonly SeasonModel[],
  preferredDefault?: string | null,
): SeasonCatalog {
  let current = index(models, preferredDefault);
  return {
    list: () => current.models,
    get: (id) => (id ? (current.byId.get(id.trim()) ?? null) : current.fallback),
    defaultSeason: () => current.fallback,
    replace: (next) => {
      current = index(next, preferredDefault);
    },
  };
}

function index(models: readonly SeasonModel[], preferredDefault?: string | null) {
  if (models.length === 0) throw new Error('no season could be loaded');
  const byId = new Map(models.map((m) => [m.id, m]));
  const newest = [...models].sort((a, b) => b.year - a.year || compareText(a.id, b.id))[0] as SeasonModel;
  const preferred = preferredDefault ? byId.get(preferredDefault) : undefined;
  if (preferredDefault && !preferred)
    throw new Error(
      `default season "${preferredDefault}" is not among the loaded seasons (${[...byId.keys()].join(', ')})`,
    );
  return { models: [...models], byId, fallback: preferred ?? newest };
}

/**
 * Load every season under a directory; seasons with problems are reported and left out. Throws a
 * SeasonsUnavailableError, whose message is the full report, when nothing can be served or the preferred
 * default season is not among the loaded ones.
 */
export function loadSeasonCatalog(
  directory: string,
  preferredDefault?: string | null,
): { catalog: SeasonCatalog; problems: Map<string, DataProblem[]> } {
  let loaded: ReturnType<typeof loadSeasonsDirectory>;
  try {
    loaded = loadSeasonsDirectory(directory);
  } catch (error) {
    const problem = error instanceof SeasonLoadError ? error.problems[0] : undefined;
    if (!problem) throw error;
    throw unavailable({ kind: 'unreadable', directory, problem });
  }
  const { models, problems } = loaded;
  if (models.length === 0)
    throw unavailable(
      problems.size > 0
        ? { kind: 'all-broken', directory, problems }
        : { kind: 'empty', directory, isSeasonFolder: looksLikeSeasonFolder(directory) },
    );
  if (preferredDefault && !models.some((model) => model.id === preferredDefault))
    throw unavailable({
      kind: 'unknown-default',
      directory,
      wanted: preferredDefault,
      loaded: models.map((model) => model.id),
      problems,
    });
  return { catalog: createSeasonCatalog(models, preferredDefault), problems };
}

function unavailable(reason: SeasonsUnavailable): SeasonsUnavailableError {
  return new SeasonsUnavailableError(describeSeasonsUnavailable(reason));
}
