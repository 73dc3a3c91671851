/**
 * Live seasons: the time from a changed round file to the new table being served. A round file is
 * written as the importer writes it (a dotfile renamed over round-NN.yaml); the season watcher of the bot
 * (`watchSeasons`: debounce, loader thread, catalog swap) picks it up; then /standings is asked until it
 * answers from the new model. Measured on the example league season (the bundled data format) and on the
 * largest generated season made live (bench/generate-classifications.ts). The watcher's debounce (quiet
 * time after the last file event, so an editor's several writes make one reload) is part of the time and
 * reported apart.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../src/core/app-context.js';
import { runCommand } from '../src/core/run-command.js';
import { watchSeasons } from '../src/season/watch.js';
import { classificationFor, makeSeasonLive, writeRoundFile } from './generate-classifications.js';
import { type SeasonSize, seasonIdFor, writeSeasonFolder } from './generate-season.js';
import { BENCH_INVOKER, describeReply, requireCommand } from './handlers.js';
import { percentile } from './stats.js';
import { log, REPO_ROOT, scratchDir, sleep } from './support.js';

export const EXAMPLE_SEASON = '2026-example-endurance-league';
const DEBOUNCE_MS = 250;
const TIMEOUT_MS = 120_000;

export interface LiveUpdateTarget {
  label: string;
  seasonId: string;
  /** Changed round files measured (absent in old results: LiveUpdateResult.samples). */
  samples?: number;
  round: number;
  /** Order lines in the season's round files before the first change. */
  classifiedLines: number;
  /** Milliseconds per sample: file renamed → model swapped in the catalog (debounce included). */
  reloadMs: number[];
  /** Milliseconds per sample: file renamed → /standings answered from the new model. */
  servedMs: number[];
  servedP50Ms: number;
  servedMaxMs: number;
  error: string | null;
}

export interface LiveUpdateResult {
  debounceMs: number;
  /** Samples on the example season; the largest season's may be fewer (each target says). */
  samples: number;
  targets: LiveUpdateTarget[];
}

export async function runLiveUpdate(options: {
  samples: number;
  /** Samples on the largest season (default: samples). */
  largestSamples?: number;
  largest: SeasonSize;
}): Promise<LiveUpdateResult> {
  const scratch = scratchDir('live');
  try {
    const exampleDir = join(scratch.dir, 'example');
    cpSync(join(REPO_ROOT, 'examples', 'seasons', EXAMPLE_SEASON), join(exampleDir, EXAMPLE_SEASON), {
      recursive: true,
    });
    const targets = [
      await measureTarget(
        'example league season (bundled format)',
        exampleDir,
        EXAMPLE_SEASON,
        options.samples,
      ),
    ];
    const label = `generated ${options.largest.rounds} rounds, ${options.largest.cars} cars`;
    const generatedDir = join(scratch.dir, 'generated');
    try {
      const { folder } = writeSeasonFolder(generatedDir, options.largest);
      makeSeasonLive(folder);
    } catch (error) {
      // Reported in its row; the rest of the benchmark still runs.
      targets.push({ ...emptyTarget(label, seasonIdFor(options.largest)), error: errorText(error) });
      return { debounceMs: DEBOUNCE_MS, samples: options.samples, targets };
    }
    targets.push(
      await measureTarget(
        label,
        generatedDir,
        seasonIdFor(options.largest),
        options.largestSamples ?? options.samples,
      ),
    );
    return { debounceMs: DEBOUNCE_MS, samples: options.samples, targets };
  } finally {
    scratch.remove();
  }
}

async function measureTarget(
  label: string,
  dataDir: string,
  seasonId: string,
  samples: number,
): Promise<LiveUpdateTarget> {
  const app = createAppContext({ dataDir });
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  const watcher = watchSeasons({
    directory: dataDir,
    catalog: app.catalog,
    logger: silent,
    debounceMs: DEBOUNCE_MS,
  });
  const standings = requireCommand('standings');
  const target = { ...emptyTarget(label, seasonId), samples };
  try {
    await watcher.reload();
    const first = app.catalog.get(seasonId);
    if (!first) throw new Error(`${seasonId} did not load`);
    // The round after the latest classified one (the example's next round; the generated season's last).
    const round = Math.min(first.rounds.length, Math.max(0, ...first.classifications.keys()) + 1);
    target.round = round;
    for (const { data } of first.classifications.values())
      target.classifiedLines += data.classifications.reduce((sum, c) => sum + c.order.length, 0);
    const folder = join(dataDir, seasonId);
    for (let i = 0; i < samples; i++) {
      const before = app.catalog.get(seasonId)?.version;
      const data = classificationFor(app.catalog.get(seasonId) ?? first, round, i + 1);
      const t0 = performance.now();
      writeRoundFile(folder, data);
      while (app.catalog.get(seasonId)?.version === before) {
        if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`no reload within ${TIMEOUT_MS / 1000} s`);
        await sleep(1);
      }
      const t1 = performance.now();
      const { reply, failure } = await runCommand(
        standings,
        { class: 'pro', season: seasonId, text: true },
        app.makeContext(BENCH_INVOKER),
      );
      const t2 = performance.now();
      const text = describeReply(reply, failure);
      if (!JSON.stringify(reply).includes(`after round ${round}`))
        throw new Error(`the served table is not the one after round ${round}: ${text.slice(0, 200)}`);
      target.reloadMs.push(t1 - t0);
      target.servedMs.push(t2 - t0);
      // Let the watcher settle (the rename's late events) before the next change.
      await sleep(DEBOUNCE_MS * 2);
    }
    const sorted = [...target.servedMs].sort((a, b) => a - b);
    target.servedP50Ms = percentile(sorted, 50);
    target.servedMaxMs = sorted.at(-1) ?? 0;
    log(
      `live update, ${label}: p50 ${target.servedP50Ms.toFixed(0)} ms, max ${target.servedMaxMs.toFixed(0)} ms`,
    );
  } catch (error) {
    target.error = errorText(error);
    log(`live update, ${label}: failed: ${target.error}`);
  } finally {
    watcher.close();
  }
  return target;
}

function emptyTarget(label: string, seasonId: string): LiveUpdateTarget {
  return {
    label,
    seasonId,
    round: 0,
    classifiedLines: 0,
    reloadMs: [],
    servedMs: [],
    servedP50Ms: 0,
    servedMaxMs: 0,
    error: null,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
