/**
 * `npm run bench` — Pitboard's benchmarks, outside the test suite. One run measures, on this machine:
 *   1. handler latency in process (bundled season): each case repeated (memo hits), and every distinct
 *      request once on fresh loads after warming the JIT on another season (bench/uncached.ts);
 *   2. growth on generated seasons of increasing size, with a log-log fit per case and load time, and
 *      the distinct requests once on the largest;
 *   3. end to end through the real discord.js client and the local Discord, against a floor command; and
 *      HTTP inline replies against gateway replies, each against its floor, with RSS per bot process; and
 *      interactions per second at p99 < 100 ms, gateway and HTTP with 1 and 2 workers (a ramp);
 *   4. start-up: process start → model ready, and → clientReady, with their references (an empty node
 *      process, a bare discord.js client);
 *   5. memory (fresh child processes): after start, after N interactions, with many guilds;
 *   6. recap fan-out to many servers (10,000 in a full run) under Discord's global rate limit, paced by the
 *      fleet pacer in Redis, and the same pacer at higher rates on fewer servers;
 *   8. live seasons: a changed round file → the new table served (example season, largest generated one);
 * and writes docs/benchmarks.md and bench/results.json.
 *
 * Flags: --quick (fewer iterations and sizes, every section still runs), --check (exit 1 when a budget is
 * missed; the last line printed is the one-line summary), --only=handlers,growth,e2e,delivery,throughput,startup,memory,fanout,
 * whatif,live (development: run some sections; the report then lacks the others), --report-only (re-render
 * docs/benchmarks.md from bench/results.json, e.g. after editing bench/analysis.md), --wait / --no-wait
 * (before each section, wait up to 90 s for other processes to leave the CPU; default on for full runs).
 *
 *   npx tsx bench/run.ts [--quick] [--check] [--only=…] [--report-only] [--wait | --no-wait]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppContext } from '../src/core/app-context.js';
import { runAutocomplete, runCommand } from '../src/core/run-command.js';
import {
  type BenchResults,
  BUDGETS,
  type Budget,
  evaluateBudgets,
  type RunSettings,
  summaryLine,
} from './budgets.js';
import { buildBundles } from './bundle.js';
import { AUTOCOMPLETE_CASES, COMMAND_CASES } from './cases.js';
import { runDelivery } from './delivery.js';
import { runEndToEnd } from './e2e.js';
import { runFanOut } from './fanout.js';
import { writeSeasonFolder } from './generate-season.js';
import { runGrowth } from './growth.js';
import {
  BENCH_INVOKER,
  type HandlerMeasurement,
  invokerFor,
  measureAutocompleteCase,
  measureCommandCase,
  requireCommand,
} from './handlers.js';
import { runLiveUpdate } from './live-update.js';
import { runMemory } from './memory.js';
import { profileWork } from './profile.js';
import { renderReport } from './report.js';
import { FULL, QUICK } from './settings.js';
import { runStartup } from './startup.js';
import {
  collectGarbage,
  cpuSnapshot,
  log,
  machineInfo,
  otherCpuShare,
  REPO_ROOT,
  scratchDir,
  sleep,
} from './support.js';
import { runThroughput } from './throughput.js';
import { measureUncached, type UncachedResult } from './uncached.js';
import { runWhatIf } from './what-if.js';

const SECTIONS = [
  'handlers',
  'growth',
  'e2e',
  'delivery',
  'throughput',
  'startup',
  'memory',
  'fanout',
  'whatif',
  'live',
] as const;
type Section = (typeof SECTIONS)[number];

/**
 * On a shared machine, wait (up to `maxSeconds`) until other processes use under 10 % of the CPU over 3 s,
 * so that a section does not start in the middle of someone else's build or test run.
 */
async function waitForQuietMachine(section: string, maxSeconds: number): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  for (;;) {
    const before = cpuSnapshot();
    await sleep(3000);
    const share = otherCpuShare(before, cpuSnapshot());
    if (share === null || share < 0.1) return;
    if (Date.now() > deadline) {
      log(`machine still busy (${(share * 100).toFixed(0)} % CPU used by others): running ${section} anyway`);
      return;
    }
    log(
      `waiting for a quiet machine before ${section}: other processes use ${(share * 100).toFixed(0)} % of the CPU`,
    );
  }
}

function parseArgs(argv: string[]): {
  quick: boolean;
  check: boolean;
  reportOnly: boolean;
  waitQuiet: boolean;
  only: Set<Section>;
} {
  let quick = false;
  let check = false;
  let reportOnly = false;
  let waitQuiet: boolean | null = null;
  let only = new Set<Section>(SECTIONS);
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--check') check = true;
    else if (arg === '--report-only') reportOnly = true;
    else if (arg === '--no-wait') waitQuiet = false;
    else if (arg === '--wait') waitQuiet = true;
    else if (arg.startsWith('--only=')) {
      const wanted = arg.slice('--only='.length).split(',');
      const unknown = wanted.filter((w) => !(SECTIONS as readonly string[]).includes(w));
      if (unknown.length > 0)
        throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
      only = new Set(wanted as Section[]);
    } else if (arg !== '--')
      throw new Error(
        `unknown argument ${arg} (use --quick, --check, --only=…, --report-only, --wait, --no-wait)`,
      );
  }
  // A full run waits for a quiet machine before each section; a quick smoke run does not.
  return { quick, check, reportOnly, waitQuiet: waitQuiet ?? !quick, only };
}

/** The season the JIT warms on before the bundled one is measured uncached: generated, so not the same data. */
const WARM_SEASON = { rounds: 5, cars: 100, people: 400, seed: 7 };

async function runHandlers(settings: RunSettings): Promise<BenchResults['handlers']> {
  // First what users hit: every distinct request once, on fresh loads of the bundled season.
  const scratch = scratchDir('warm');
  let uncached: UncachedResult;
  try {
    writeSeasonFolder(scratch.dir, WARM_SEASON);
    const warm = createAppContext({ dataDir: scratch.dir });
    uncached = await measureUncached(() => createAppContext(), [warm], settings.uncached);
  } finally {
    scratch.remove();
  }
  for (const row of uncached.rows)
    log(
      `uncached ${row.label}: ${row.requests} requests, p50 ${(row.summary.p50 * 1000).toFixed(1)} µs, p99 ${(row.summary.p99 * 1000).toFixed(1)} µs, slowest ${row.slowest}`,
    );
  const app = createAppContext();
  const cases: HandlerMeasurement[] = [];
  for (const c of COMMAND_CASES) {
    collectGarbage();
    const m = await measureCommandCase(app, c, settings.handlers);
    cases.push(m);
    log(
      `handler ${c.label}: p50 ${(m.summary.p50 * 1000).toFixed(1)} µs, p99 ${(m.summary.p99 * 1000).toFixed(1)} µs, cold ${m.coldMs.toFixed(2)} ms`,
    );
  }
  for (const c of AUTOCOMPLETE_CASES) {
    collectGarbage();
    const m = await measureAutocompleteCase(app, c, settings.handlers);
    cases.push(m);
    log(
      `autocomplete ${c.label}: p50 ${(m.summary.p50 * 1000).toFixed(1)} µs, p99 ${(m.summary.p99 * 1000).toFixed(1)} µs`,
    );
  }
  // Profiles of the cases over budget: where their time goes.
  const profiles: BenchResults['handlers']['profiles'] = [];
  for (const m of cases) {
    const budget = m.kind === 'command' ? BUDGETS.handlerBundledMs : BUDGETS.autocompleteBundledMs;
    if (m.summary.p99 <= budget) continue;
    const commandCase = COMMAND_CASES.find((c) => c.label === m.label);
    const autocompleteCase = AUTOCOMPLETE_CASES.find((c) => c.label === m.label);
    collectGarbage();
    const profile = await profileWork(
      commandCase
        ? () =>
            runCommand(
              requireCommand(commandCase.command),
              commandCase.options,
              app.makeContext(invokerFor(commandCase)),
            )
        : () => {
            const a = autocompleteCase as (typeof AUTOCOMPLETE_CASES)[number];
            return runAutocomplete(
              requireCommand(a.command),
              a.focused,
              a.options,
              app.makeContext(BENCH_INVOKER),
            );
          },
      { durationMs: settings.profileMs },
    );
    profiles.push({
      label: m.label,
      where: 'bundled',
      cpuUsPerCall: profile.cpuUsPerCall,
      top: profile.lines.slice(0, 8),
    });
  }
  return { cases, profiles, uncached };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.reportOnly) {
    // Re-render docs/benchmarks.md from bench/results.json (after editing bench/analysis.md): no measuring.
    const saved = JSON.parse(readFileSync(join(REPO_ROOT, 'bench/results.json'), 'utf8')) as BenchResults;
    saved.timeline ??= [];
    saved.fanOutDefaultOffset ??= null;
    writeFileSync(join(REPO_ROOT, 'docs/benchmarks.md'), renderReport(saved));
    process.stdout.write(`${summaryLine(saved)}\n`);
    return args.check && saved.budgets.some((b) => b.pass === false) ? 1 : 0;
  }
  const settings = args.quick ? QUICK : FULL;
  const startedAt = Date.now();
  const results: BenchResults = {
    machine: machineInfo(),
    mode: args.quick ? 'quick' : 'full',
    sections: [...args.only],
    settings,
    durationSeconds: 0,
    timeline: [],
    handlers: { cases: [], profiles: [], uncached: null },
    growth: null,
    e2e: null,
    startup: null,
    memory: null,
    fanOut: null,
    fanOutDefaultOffset: null,
    fanOutRates: [],
    delivery: null,
    throughput: null,
    whatIf: null,
    liveUpdate: null,
    budgets: [],
  };
  log(
    `Pitboard benchmarks (${results.mode}) on ${results.machine.cpuModel}, ${results.machine.cores} cores, Node ${results.machine.node}`,
  );
  const section = async (name: string, work: () => Promise<void>) => {
    if (args.waitQuiet) await waitForQuietMachine(name, 90);
    const before = cpuSnapshot();
    const t0 = Date.now();
    await work();
    const share = otherCpuShare(before, cpuSnapshot());
    results.timeline.push({ section: name, seconds: (Date.now() - t0) / 1000, otherCpuShare: share });
    if (share !== null && share > 0.1)
      log(
        `warning: other processes used ${(share * 100).toFixed(0)} % of the CPU during ${name}: numbers are skewed`,
      );
  };
  // Order: the in-process latency sections first (clean heap), child-process sections next, the growth
  // section (huge generated seasons, big pictures in the cache) last.
  if (args.only.has('handlers'))
    await section('handlers', async () => {
      results.handlers = await runHandlers(settings);
    });
  const childSections = ['e2e', 'delivery', 'throughput', 'startup', 'memory', 'whatif'].some((name) =>
    args.only.has(name as Section),
  );
  const bundles = childSections ? await buildBundles() : null;
  try {
    if (bundles && args.only.has('e2e'))
      await section('e2e', async () => {
        results.e2e = await runEndToEnd(settings.e2e, bundles);
      });
    if (bundles && args.only.has('delivery') && settings.delivery)
      await section('delivery', async () => {
        results.delivery = await runDelivery(
          settings.delivery as NonNullable<RunSettings['delivery']>,
          bundles,
        );
      });
    if (bundles && args.only.has('throughput') && settings.throughput)
      await section('throughput', async () => {
        results.throughput = await runThroughput(
          settings.throughput as NonNullable<RunSettings['throughput']>,
          bundles,
        );
      });
    if (bundles && args.only.has('startup'))
      await section('startup', async () => {
        results.startup = await runStartup(settings.startup, bundles);
      });
    if (bundles && args.only.has('memory'))
      await section('memory', async () => {
        results.memory = await runMemory(settings.memory, bundles);
      });
    if (bundles && args.only.has('whatif') && !settings.quick)
      await section('whatif', async () => {
        results.whatIf = await runWhatIf({ interactions: settings.memory.interactions }, bundles);
      });
  } finally {
    bundles?.remove();
  }
  if (args.only.has('fanout'))
    await section('fanout', async () => {
      // As a fleet runs: Redis store, the runtime's fleet pacer at FLEET_REST_PER_SECOND.
      results.fanOut = await runFanOut({ guilds: settings.fanOutGuilds, restOffset: 0, pacing: 'fleet' });
      // The same pacer at higher rates (what FLEET_REST_PER_SECOND could be), fewer servers.
      results.fanOutRates = [];
      for (const perSecond of settings.fanOutRates?.perSecond ?? [])
        results.fanOutRates.push(
          await runFanOut({ guilds: settings.fanOutRates?.guilds ?? 0, restOffset: 0, pacing: perSecond }),
        );
      if (!settings.quick)
        results.fanOutDefaultOffset = await runFanOut({
          guilds: settings.fanOutRates?.guilds ?? settings.fanOutGuilds,
          restOffset: null,
          pacing: 'fleet',
        });
    });
  if (args.only.has('live'))
    await section('live', async () => {
      const largest = settings.growthSizes.at(-1);
      if (!largest) return;
      const samples = settings.liveSamples ?? 5;
      results.liveUpdate = await runLiveUpdate({
        samples,
        largestSamples: settings.liveLargestSamples ?? samples,
        largest,
      });
    });
  if (args.only.has('growth'))
    await section('growth', async () => {
      results.growth = await runGrowth({
        sizes: settings.growthSizes,
        loop: settings.growthLoop,
        commandBudgetMs: BUDGETS.handlerLargestMs,
        autocompleteBudgetMs: BUDGETS.autocompleteLargestMs,
        profileMs: settings.profileMs,
        uncached: {
          ...settings.uncached,
          passes: settings.uncached.largestPasses,
        },
      });
    });
  results.durationSeconds = (Date.now() - startedAt) / 1000;
  results.budgets = evaluateBudgets(results);

  writeFileSync(join(REPO_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, 'docs/benchmarks.md'), renderReport(results));
  log('wrote docs/benchmarks.md and bench/results.json');

  const missed = results.budgets.filter((b: Budget) => b.pass === false);
  process.stdout.write(`${summaryLine(results)}\n`);
  return args.check && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.stdout.write('bench: FAILED to run (see the error above)\n');
    process.exitCode = 2;
  },
);
