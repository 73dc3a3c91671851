import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SeasonCheckResult } from './load.js';
import type { FolderChecked } from './load-worker.js';

export interface OffThreadLimits {
  /** The whole check is stopped after this long; unfinished folders get a problem. */
  timeoutMs: number;
  /** The loader thread's heap limit. */
  maxMemoryMb: number;
}

/** Generous for the largest generated season (about 3 s on a busy two-core machine). */
export const DEFAULT_OFF_THREAD_LIMITS: OffThreadLimits = { timeoutMs: 60_000, maxMemoryMb: 1024 };

/**
 * Check season folders on a worker thread, so that reading, parsing, validating and cross-checking — whose
 * cost depends on what the files hold — never blocks the event loop that answers Discord. The thread has
 * a heap limit and a deadline; running out of either is a problem of the unfinished folders, not a crash.
 * Never rejects.
 */
export function checkSeasonFoldersOffThread(
  folders: readonly string[],
  limits: OffThreadLimits = DEFAULT_OFF_THREAD_LIMITS,
): Promise<Map<string, SeasonCheckResult>> {
  const results = new Map<string, SeasonCheckResult>();
  if (folders.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    const finish = (message: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const folder of folders)
        if (!results.has(folder))
          results.set(folder, {
            ok: false,
            problems: [
              { file: folder, line: null, field: '', message: message ?? 'the loader stopped early' },
            ],
          });
      void worker?.terminate();
      resolve(results);
    };
    const timer = setTimeout(
      () => finish(`loading took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped`),
      limits.timeoutMs,
    );
    try {
      const entry = workerEntry();
      worker = new Worker(entry.file, {
        workerData: { folders: [...folders] },
        eval: entry.eval,
        resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      finish(`cannot start the loader thread: ${(error as Error).message}`);
      return;
    }
    worker.on('message', ({ folder, result }: FolderChecked) => {
      results.set(folder, result);
      if (results.size === folders.length) finish(null);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `loading needed more than ${limits.maxMemoryMb} MB of memory and was stopped`
          : `the loader failed: ${error.message}`,
      ),
    );
    worker.on('exit', () => finish(null));
  });
}

/**
 * The thread's entry point: next to this module as TypeScript when running from the sources (tsx, vitest),
 * next to the bundle as season-load-worker.mjs when built (scripts/build.mjs builds both).
 */
function workerEntry(): { file: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { file: new URL('./season-load-worker.mjs', here), eval: false };
  // Workers do not inherit tsx's loader (and its `--import` entry skips worker threads): import the
  // TypeScript entry through tsx's API instead. The API's ES module sits next to the CommonJS one.
  const api = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./load-worker.ts', here).href;
  return {
    file: `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}));`,
    eval: true,
  };
}
