import { parentPort, workerData } from 'node:worker_threads';
import { checkSeasonFolder, type SeasonCheckResult } from './load.js';
import { SeasonLoadError } from './problems.js';

// The hot reload's loader thread (started by check-off-thread.ts, with memory and time limits): checks the
// folder named in workerData and posts the result.
const { folder } = workerData as { folder: string };
let result: SeasonCheckResult;
try {
  result = checkSeasonFolder(folder);
} catch (error) {
  result = {
    ok: false,
    problems:
      error instanceof SeasonLoadError
        ? [...error.problems]
        : [{ file: folder, line: null, field: '', message: `cannot load: ${(error as Error).message}` }],
  };
}
parentPort?.postMessage(result);
