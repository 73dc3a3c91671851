import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startLocalDiscord } from '@pitboard/local-discord';
import { DEFAULT_DATA_DIR } from '../src/core/app-context.js';
import { loadSeasonFolder } from '../src/season/load.js';
import type { Bundles } from './bundle.js';
import { forkBotProbe, request, stopBotProbe } from './memory.js';
import { median } from './stats.js';
import { log, REPO_ROOT, scratchDir } from './support.js';

export interface ModelReadyRun {
  /** Parent's spawn() call → the child's model is ready (what an operator waits for). */
  totalMs: number;
  /** spawn() → first line of the probe script runs (Node boot + tsx loader). */
  bootMs: number;
  /** Importing src/core/app-context.ts and its module graph (zod, yaml, season code) through tsx. */
  importMs: number;
  /** createAppContext(): read, parse, validate and index the bundled season. */
  loadMs: number;
  /** Node's own view: its time origin → model ready. */
  fromOriginMs: number;
}

/** spawn() → exit of an empty script: the floor any Node process pays. */
async function emptyProcessMs(args: string[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args, '-e', '0'], { cwd: REPO_ROOT, stdio: 'ignore' });
  await exited(child);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface ModelReadySummary {
  runs: ModelReadyRun[];
  medianTotalMs: number;
  medianBootMs: number;
  medianImportMs: number;
  medianLoadMs: number;
}

export interface StartupResult {
  /** spawn → exit of `node -e 0` and of `node --import tsx -e 0`. */
  emptyNodeMs: number;
  emptyTsxMs: number;
  /** As `npm start` runs: the esbuild bundle under plain `node` with START_NODE_FLAGS (the budget). */
  bundled: ModelReadySummary;
  /** `node --import tsx` on the TypeScript sources (development, tests, the CLI). */
  tsx: ModelReadySummary;
  inProcessLoad: { firstMs: number; warmMedianMs: number; runs: number };
  clientReady: { bundled: { runs: number[]; medianMs: number }; tsx: { runs: number[]; medianMs: number } };
  /**
   * The reference for clientReady: a bare discord.js client (bench/child/bare-client.ts, bundled, same
   * flags and client options) from fork() until it has logged in to the same kind of local Discord.
   */
  bareClientReady?: { runs: number[]; medianMs: number };
}

/** fork() → a bare discord.js client reports clientReady over IPC; then it is stopped. */
async function bareClientReadyOnce(script: string, nodeFlags: string[]): Promise<number> {
  const scratch = scratchDir('startup-bare');
  const discord = await startLocalDiscord();
  try {
    const forkedAt = process.hrtime.bigint();
    const child = forkBotProbe(discord, { script, execArgv: [...nodeFlags] }, join(scratch.dir, 'x'));
    try {
      await request(child, {}, 'ready', 30_000);
      return Number(process.hrtime.bigint() - forkedAt) / 1e6;
    } finally {
      await stopBotProbe(child);
    }
  } finally {
    await discord.close();
    scratch.remove();
  }
}

/** Wait for the first stdout line matching `test`; resolves with the hrtime when it arrived. */
function waitForLine(
  child: ChildProcess,
  test: (line: string) => boolean,
  timeoutMs: number,
): Promise<{ at: bigint; line: string }> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error('child has no stdout'));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`no matching line within ${timeoutMs} ms`)), timeoutMs);
    lines.on('line', (line) => {
      if (!test(line)) return;
      clearTimeout(timer);
      lines.close();
      resolve({ at: process.hrtime.bigint(), line });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before the expected line`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** How to start the probe: with tsx on the TypeScript sources (as `npm start` runs), or compiled JS. */
export interface ProbeCommand {
  args: string[];
}

export const TSX_MODEL_PROBE: ProbeCommand = {
  args: ['--import', 'tsx', join(REPO_ROOT, 'bench/child/model-ready.ts')],
};

export async function modelReadyOnce(probe: ProbeCommand = TSX_MODEL_PROBE): Promise<ModelReadyRun> {
  const spawnedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, probe.args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { line } = await waitForLine(child, (l) => l.startsWith('{'), 30_000);
  await exited(child);
  const timings = JSON.parse(line) as {
    started: string;
    imported: string;
    ready: string;
    readyFromOriginMs: number;
  };
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const started = BigInt(timings.started);
  const imported = BigInt(timings.imported);
  const ready = BigInt(timings.ready);
  return {
    totalMs: ms(spawnedAt, ready),
    bootMs: ms(spawnedAt, started),
    importMs: ms(started, imported),
    loadMs: ms(imported, ready),
    fromOriginMs: timings.readyFromOriginMs,
  };
}

/**
 * Process start → clientReady: the bot's entry point (src/main.ts, bundled as `npm start` runs it, or
 * through tsx) with a token for a local Discord running in this process, until the "bot ready" log line;
 * then SIGTERM (graceful stop).
 */
async function clientReadyOnce(args: string[]): Promise<number> {
  const scratch = scratchDir('startup');
  const discord = await startLocalDiscord();
  try {
    const spawnedAt = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_URL: discord.restUrl,
        DISCORD_GUILD_ID: '',
        PITBOARD_STORE_URL: join(scratch.dir, 'startup.sqlite'),
        PITBOARD_DATA_DIR: DEFAULT_DATA_DIR,
        LOG_LEVEL: 'info',
      },
    });
    try {
      const { at } = await waitForLine(child, (l) => l.includes('"msg":"bot ready"'), 30_000);
      return Number(at - spawnedAt) / 1e6;
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
      const stop = setTimeout(() => {
        if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      }, 10_000);
      await exited(child);
      clearTimeout(stop);
    }
  } finally {
    await discord.close();
    scratch.remove();
  }
}

function summarize(runs: ModelReadyRun[]): ModelReadySummary {
  return {
    runs,
    medianTotalMs: median(runs.map((r) => r.totalMs)),
    medianBootMs: median(runs.map((r) => r.bootMs)),
    medianImportMs: median(runs.map((r) => r.importMs)),
    medianLoadMs: median(runs.map((r) => r.loadMs)),
  };
}

async function modelReadyRuns(probe: ProbeCommand, count: number): Promise<ModelReadySummary> {
  // One unmeasured run first, so the file system cache (and tsx's transform cache) is warm, as it is for
  // every start but the very first.
  await modelReadyOnce(probe);
  const runs: ModelReadyRun[] = [];
  for (let i = 0; i < count; i++) runs.push(await modelReadyOnce(probe));
  return summarize(runs);
}

export async function runStartup(
  options: { runs: number; clientRuns: number; loadRuns: number },
  bundles: Bundles,
): Promise<StartupResult> {
  const bundled = await modelReadyRuns({ args: [...bundles.nodeFlags, bundles.modelReady] }, options.runs);
  log(`start-up to model ready (bundle, as npm start): median ${bundled.medianTotalMs.toFixed(0)} ms`);
  const tsx = await modelReadyRuns(TSX_MODEL_PROBE, options.runs);
  log(`start-up to model ready (tsx): median ${tsx.medianTotalMs.toFixed(0)} ms`);

  // In this process (modules already loaded and warm): just loadSeasonFolder on the bundled season.
  const folder = join(DEFAULT_DATA_DIR, readdirSync(DEFAULT_DATA_DIR).sort()[0] ?? '');
  const loads: number[] = [];
  for (let i = 0; i < options.loadRuns; i++) {
    const t0 = process.hrtime.bigint();
    const result = loadSeasonFolder(folder);
    loads.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!result.ok) throw new Error('the bundled season does not load');
  }

  const bare: number[] = [];
  const withTsx: number[] = [];
  for (let i = 0; i < Math.max(3, options.runs); i++) {
    bare.push(await emptyProcessMs([]));
    withTsx.push(await emptyProcessMs(['--import', 'tsx']));
  }

  const clientBundled: number[] = [];
  for (let i = 0; i < options.clientRuns; i++)
    clientBundled.push(await clientReadyOnce([...bundles.nodeFlags, bundles.main]));
  const clientTsx: number[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(options.clientRuns / 2)); i++)
    clientTsx.push(await clientReadyOnce(['--import', 'tsx', join(REPO_ROOT, 'src/main.ts')]));
  const bareClient: number[] = [];
  for (let i = 0; i < options.clientRuns; i++)
    bareClient.push(await bareClientReadyOnce(bundles.bareClient, bundles.nodeFlags));
  log(
    `start-up to clientReady: bundle ${median(clientBundled).toFixed(0)} ms, tsx ${median(clientTsx).toFixed(0)} ms, bare discord.js client ${median(bareClient).toFixed(0)} ms`,
  );
  return {
    emptyNodeMs: median(bare),
    emptyTsxMs: median(withTsx),
    bundled,
    tsx,
    inProcessLoad: {
      firstMs: loads[0] ?? Number.NaN,
      warmMedianMs: median(loads.slice(1)),
      runs: loads.length,
    },
    clientReady: {
      bundled: { runs: clientBundled, medianMs: median(clientBundled) },
      tsx: { runs: clientTsx, medianMs: median(clientTsx) },
    },
    bareClientReady: { runs: bareClient, medianMs: median(bareClient) },
  };
}
