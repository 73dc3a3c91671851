import type { SeasonModel } from './model.js';
import type { DataProblem } from './problems.js';

export interface SeasonFailure {
  id: string;
  folder: string;
  problems: DataProblem[];
  /** True when the season's last good model is still served; false for a folder that never loaded. */
  kept: boolean;
}

/** What one reload did. Ids are season ids (= folder names). */
export interface ReloadOutcome {
  /** Seasons whose data changed meaning (new version now served). */
  changed: { id: string; from: string; to: string }[];
  /** New valid folders, now served. */
  added: { id: string; version: string }[];
  /** Seasons whose folder is gone, no longer served. */
  removed: string[];
  /** Seasons whose folder is gone but which are still served because no other season would remain. */
  removalRefused: string[];
  /** Folders with problems: their last good model (if any) is kept. */
  failed: SeasonFailure[];
  /** Valid folders whose version did not change (e.g. only comments were edited). */
  unchanged: string[];
  /** True when the catalog got a new set of models (one `replace` call). */
  applied: boolean;
  /** Set when the reload could not run or the swap was refused (e.g. the directory is unreadable). */
  error: string | null;
}

/** One season folder as the reload found it: a model built from valid files, or its problems. */
export interface FolderFound {
  id: string;
  folder: string;
  result: { ok: true; model: SeasonModel } | { ok: false; problems: DataProblem[] };
}

export function emptyOutcome(error: string | null): ReloadOutcome {
  return {
    changed: [],
    added: [],
    removed: [],
    removalRefused: [],
    failed: [],
    unchanged: [],
    applied: false,
    error,
  };
}

/**
 * Which seasons a reload serves, from what is served now and what the folders hold: a valid folder's model
 * replaces the served one only when its version changed; a folder with problems keeps its last good model;
 * a gone folder's season is dropped unless no season would remain. `models` is the set to swap in, in the
 * catalog's order with new seasons last (folder order), or null when nothing was added, changed or removed.
 */
export function planReload(
  current: readonly SeasonModel[],
  found: readonly FolderFound[],
): { outcome: ReloadOutcome; models: SeasonModel[] | null } {
  const outcome = emptyOutcome(null);
  const byId = new Map(current.map((model) => [model.id, model]));
  const next = new Map<string, SeasonModel>();
  const present = new Set<string>();
  const added: SeasonModel[] = [];
  for (const { id, folder, result } of found) {
    present.add(id);
    const old = byId.get(id);
    if (!result.ok) {
      outcome.failed.push({ id, folder, problems: result.problems, kept: old !== undefined });
      if (old) next.set(id, old);
    } else if (!old) {
      outcome.added.push({ id, version: result.model.version });
      added.push(result.model);
      next.set(id, result.model);
    } else if (old.version !== result.model.version) {
      outcome.changed.push({ id, from: old.version, to: result.model.version });
      next.set(id, result.model);
    } else {
      outcome.unchanged.push(id);
      next.set(id, old);
    }
  }
  const gone = current.filter((model) => !present.has(model.id));
  if (next.size === 0) {
    outcome.removalRefused.push(...gone.map((model) => model.id));
    for (const model of gone) next.set(model.id, model);
  } else {
    outcome.removed.push(...gone.map((model) => model.id));
  }
  if (outcome.changed.length + outcome.added.length + outcome.removed.length === 0)
    return { outcome, models: null };
  const models = [
    ...current.map((model) => next.get(model.id)).filter((model) => model !== undefined),
    ...added,
  ];
  return { outcome, models };
}
