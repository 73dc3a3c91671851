import { parentPort, workerData } from 'node:worker_threads';
import { checkSeasonFolder, type SeasonCheckResult } from './load.js';
import { SeasonLoadError } from './problems.js';

/**
 * The hot reload's loader thread (see check-off-thread.ts): checks each folder named in workerData and
 * posts one result per folder, in order. Runs with memory limits; the parent stops it when it takes too long.
 */
export interface FolderChecked {
  folder: string;
  result: SeasonCheckResult;
}

for (const folder of (workerData as { folders: string[] }).folders) {
  let result: SeasonCheckResult;
  try {
    result = checkSeasonFolder(folder);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = {
      ok: false,
      problems:
        error instanceof SeasonLoadError
          ? [...error.problems]
          : [{ file: folder, line: null, field: '', message: `cannot load: ${message}` }],
    };
  }
  parentPort?.postMessage({ folder, result } satisfies FolderChecked);
}
