import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SeasonCheckResult } from './load.js';

export interface OffThreadLimits {
  /** A folder's check is stopped after this long; the folder gets a problem. */
  timeoutMs: number;
  /** The loader thread's heap limit. */
  maxMemoryMb: number;
}

/** Per folder; generous for the largest generated season (a few seconds on a busy two-core machine). */
export const DEFAULT_OFF_THREAD_LIMITS: OffThreadLimits = { timeoutMs: 60_000, maxMemoryMb: 1024 };

/**
 * Check season folders on worker threads, so that reading, parsing, validating and cross-checking — whose
 * cost depends on what the files hold — never blocks the event loop that answers Discord. Each folder gets
 * its own thread, one after another, with a heap limit and a deadline: running out of either is a problem
 * of that folder only, never a crash and never another season's failure. Never rejects.
 */
export async function checkSeasonFoldersOffThread(
  folders: readonly string[],
  limits: OffThreadLimits = DEFAULT_OFF_THREAD_LIMITS,
): Promise<Map<string, SeasonCheckResult>> {
  const results = new Map<string, SeasonCheckResult>();
  for (const folder of folders) results.set(folder, await checkOnThread(folder, limits));
  return results;
}

function checkOnThread(folder: string, limits: OffThreadLimits): Promise<SeasonCheckResult> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker | null = null;
    const finish = (result: SeasonCheckResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      resolve(result);
    };
    const fail = (message: string) =>
      finish({ ok: false, problems: [{ file: folder, line: null, field: '', message }] });
    const timer = setTimeout(
      () => fail(`loading took longer than ${formatDuration(limits.timeoutMs)} and was stopped`),
      limits.timeoutMs,
    );
    try {
      const entry = workerEntry();
      worker = new Worker(entry.file, {
        workerData: { folder },
        eval: entry.eval,
        resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb },
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      fail(`cannot start the loader thread: ${(error as Error).message}`);
      return;
    }
    worker.on('message', (result: SeasonCheckResult) => finish(result));
    worker.on('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `loading needed more than ${limits.maxMemoryMb} MB of memory and was stopped`
          : `the loader failed: ${error.message}`,
      ),
    );
    worker.on('exit', () => fail('the loader stopped before it answered'));
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

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
