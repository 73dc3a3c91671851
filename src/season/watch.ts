import { existsSync, type FSWatcher, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { SeasonCatalog } from './catalog.js';
import {
  checkSeasonFoldersOffThread,
  DEFAULT_OFF_THREAD_LIMITS,
  type OffThreadLimits,
} from './check-off-thread.js';
import { CLASSIFICATIONS_FOLDER } from './classification-schema.js';
import type { SeasonCheckResult } from './load.js';
import { buildSeasonModel, type SeasonModel } from './model.js';
import { type DataProblem, formatProblem } from './problems.js';
import { emptyOutcome, planReload, type ReloadOutcome } from './reload-plan.js';
import { listSeasonFolders } from './season-folders.js';

export type { ReloadOutcome, SeasonFailure } from './reload-plan.js';

/** The part of a pino logger the watcher uses (object first, then message). */
export interface WatchLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WatchSeasonsOptions {
  /** The data directory: one sub-folder per season. */
  directory: string;
  catalog: SeasonCatalog;
  logger: WatchLogger;
  /** Quiet time after the last file event before reloading (an editor writes several files). */
  debounceMs?: number;
  /** Called after each reload, watched or direct; errors (and rejections) are logged, never thrown. */
  onReload?: (outcome: ReloadOutcome) => void | Promise<void>;
  /** Time and memory for the loader thread that checks the files (reloads never parse on this thread). */
  loaderLimits?: OffThreadLimits;
}

export interface SeasonWatcher {
  /** Reload every season folder now (also what a file change triggers). Resolves; never rejects. */
  reload(): Promise<ReloadOutcome>;
  /** Stop watching and cancel a pending debounced reload. `reload()` still works afterwards. */
  close(): void;
}

/**
 * Watch a data directory and hot-reload its seasons into the catalog.
 *
 * Watching: the directory itself and each season folder are watched non-recursively. Node 20's
 * `fs.watch(dir, { recursive: true })` on Linux watches each file's inode, so after an editor's atomic save
 * (write a temp file, rename it over the original) further saves of that file are silently missed; a
 * directory watch sees every create/rename/write of the files inside it. Season folders matter at their
 * top level and in their classifications/ folder (the loader descends nowhere else), so this covers
 * everything; folder watchers are re-synced on every reload (new folders watched, gone ones closed,
 * re-created ones re-watched).
 */
export function watchSeasons({
  directory,
  catalog,
  logger,
  debounceMs = 250,
  onReload,
  loaderLimits = DEFAULT_OFF_THREAD_LIMITS,
}: WatchSeasonsOptions): SeasonWatcher {
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!closed) void enqueue(true);
    }, debounceMs);
  };

  /** Reloads run one after another, so `onReload` calls never overlap and arrive in order. */
  const enqueue = (fromWatch: boolean): Promise<ReloadOutcome> => {
    const run = queue.then(async () => {
      if (fromWatch && closed) return null;
      const outcome = await safeReload();
      if (onReload) {
        try {
          await onReload(outcome);
        } catch (error) {
          logger.error({ err: error }, 'season onReload callback failed');
        }
      }
      return outcome;
    });
    queue = run.catch(() => undefined);
    return run.then((outcome) => outcome ?? emptyOutcome('watcher closed'));
  };

  const safeReload = async (): Promise<ReloadOutcome> => {
    try {
      if (!closed) syncWatchers();
      return await reloadInto(directory, catalog, logger, loaderLimits);
    } catch (error) {
      const message = messageOf(error);
      logger.error({ directory, err: error }, 'season reload failed; keeping every model');
      return emptyOutcome(message);
    }
  };

  const watchPath = (path: string, isRoot: boolean) => {
    let ino: number;
    try {
      ino = statSync(path).ino;
    } catch {
      return; // gone already; the next sync closes its old watcher
    }
    const existing = watchers.get(path);
    if (existing && existing.ino === ino) return;
    existing?.watcher.close();
    watchers.delete(path);
    try {
      const watcher = watch(path, { persistent: true }, (_event, filename) => {
        try {
          // In a season folder only *.yaml files matter (editor temp and swap files do not).
          const name = filename === null ? null : String(filename);
          if (isRoot || name === null || name.endsWith('.yaml') || name === CLASSIFICATIONS_FOLDER)
            schedule();
        } catch (error) {
          logger.error({ err: error }, 'season watcher callback failed');
        }
      });
      watcher.on('error', (error) => {
        logger.warn({ folder: path, err: error }, 'season folder watcher failed; it will be re-created');
        watcher.close();
        if (watchers.get(path)?.watcher === watcher) watchers.delete(path);
        schedule();
      });
      watchers.set(path, { watcher, ino });
    } catch (error) {
      logger.warn({ folder: path, err: error }, 'cannot watch season folder');
    }
  };

  const syncWatchers = () => {
    watchPath(directory, true);
    const seasons = listSeasonFolders(directory)
      .filter((entry) => entry.problem === null)
      .map((entry) => entry.folder);
    // Round classification files live one level down (classifications/round-NN.yaml): watched too.
    const live = seasons
      .map((folder) => join(folder, CLASSIFICATIONS_FOLDER))
      .filter((path) => existsSync(path));
    const folders = new Set([...seasons, ...live]);
    for (const [path, { watcher }] of watchers) {
      if (path !== directory && !folders.has(path)) {
        watcher.close();
        watchers.delete(path);
      }
    }
    for (const folder of folders) watchPath(folder, false);
  };

  try {
    syncWatchers();
  } catch (error) {
    logger.error({ directory, err: error }, 'cannot watch the season directory');
  }

  return {
    reload: () => enqueue(false),
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * Load every folder and swap the catalog once. The files are read and checked on the loader thread; only
 * the model of a valid folder is built here. Throws only when the directory itself cannot be read.
 */
async function reloadInto(
  directory: string,
  catalog: SeasonCatalog,
  logger: WatchLogger,
  loaderLimits: OffThreadLimits,
): Promise<ReloadOutcome> {
  const current = catalog.list();
  const entries = listSeasonFolders(directory);
  const checked = await checkSeasonFoldersOffThread(
    entries.filter((entry) => entry.problem === null).map((entry) => entry.folder),
    loaderLimits,
  );
  // The loader requires season.yaml's id to equal the folder name, so the entry's name is the season's id.
  const { outcome, models } = planReload(
    current,
    entries.map(({ id, folder, problem }) => ({
      id,
      folder,
      result: problem ? { ok: false as const, problems: [problem] } : buildModel(folder, checked),
    })),
  );
  for (const { folder, problems, kept } of outcome.failed) {
    const lines = problems.map(formatProblem);
    if (kept) logger.error({ folder, problems: lines }, 'season reload failed; keeping the last good model');
    else logger.error({ folder, problems: lines }, 'season folder is invalid; not loaded');
  }
  if (outcome.removalRefused.length > 0)
    logger.warn(
      { directory, seasons: outcome.removalRefused },
      'season folders are gone but no other season would remain; keeping them',
    );
  if (models === null) return outcome;

  try {
    catalog.replace(models);
  } catch (error) {
    outcome.error = messageOf(error);
    logger.error(
      { directory, err: error, changed: outcome.changed, added: outcome.added, removed: outcome.removed },
      'season catalog refused the reloaded set; keeping every model',
    );
    return outcome;
  }
  outcome.applied = true;
  logger.info(
    {
      changed: outcome.changed.map(({ id, to }) => ({ id, version: to })),
      added: outcome.added,
      removed: outcome.removed,
      failed: outcome.failed.map(({ id }) => id),
    },
    'seasons reloaded',
  );
  return outcome;
}

/** The model of a folder the loader thread found valid; its problems otherwise. */
function buildModel(
  folder: string,
  checked: ReadonlyMap<string, SeasonCheckResult>,
): { ok: true; model: SeasonModel } | { ok: false; problems: DataProblem[] } {
  const result = checked.get(folder);
  if (!result)
    return { ok: false, problems: [{ file: folder, line: null, field: '', message: 'not checked' }] };
  if (!result.ok) return result;
  try {
    return { ok: true, model: buildSeasonModel(result.files, result.classified) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: folder, line: null, field: '', message: `cannot load: ${messageOf(error)}` }],
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
