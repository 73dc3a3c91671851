import { loadSeasonsDirectory } from './load.js';
import type { SeasonModel } from './model.js';
import type { DataProblem } from './problems.js';
import { compareText } from './search.js';

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

/** Load every season under a directory; seasons with problems are reported and left out. */
export function loadSeasonCatalog(
  directory: string,
  preferredDefault?: string | null,
): { catalog: SeasonCatalog; problems: Map<string, DataProblem[]> } {
  const { models, problems } = loadSeasonsDirectory(directory);
  return { catalog: createSeasonCatalog(models, preferredDefault), problems };
}
