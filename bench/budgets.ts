import type { EndToEndResult } from './e2e.js';
import type { FanOutResult } from './fanout.js';
import type { SeasonSize } from './generate-season.js';
import type { CaseProfile, GrowthResult } from './growth.js';
import type { HandlerMeasurement, LoopOptions } from './handlers.js';
import type { MemoryResult } from './memory.js';
import type { StartupResult } from './startup.js';
import type { MachineInfo } from './support.js';
import type { WhatIfResult } from './what-if.js';

/** How much a run measures (full or --quick). */
export interface RunSettings {
  quick: boolean;
  handlers: LoopOptions;
  growthSizes: SeasonSize[];
  growthLoop: LoopOptions;
  e2e: { pairs: number; warmupPairs: number; warmupRounds: number; profileMs: number };
  startup: { runs: number; clientRuns: number; loadRuns: number };
  memory: { interactions: number; manyGuilds: number; repeats: number };
  fanOutGuilds: number;
  profileMs: number;
}

export interface BenchResults {
  machine: MachineInfo;
  mode: 'full' | 'quick';
  sections: string[];
  settings: RunSettings;
  durationSeconds: number;
  /** Per section: wall time and the share of the machine's CPU other processes used meanwhile. */
  timeline: { section: string; seconds: number; otherCpuShare: number | null }[];
  handlers: { cases: HandlerMeasurement[]; profiles: CaseProfile[] };
  growth: GrowthResult | null;
  e2e: EndToEndResult | null;
  startup: StartupResult | null;
  memory: MemoryResult | null;
  fanOut: FanOutResult | null;
  /** The same fan-out with discord.js's default REST offset (as src/main.ts runs), full runs only. */
  fanOutDefaultOffset: FanOutResult | null;
  whatIf: WhatIfResult | null;
  budgets: Budget[];
}

export interface Budget {
  id: string;
  title: string;
  limit: string;
  measured: string;
  /** null when the section did not run. */
  pass: boolean | null;
  /** The cases over the limit, for the summary line and the report. */
  misses: string[];
}

/** Discord's global limit makes 1,000 posts take ≥ 20 s; the fan-out may take 10 % more. */
export const BUDGETS = {
  handlerBundledMs: 0.1,
  handlerLargestMs: 1,
  autocompleteBundledMs: 0.2,
  autocompleteLargestMs: 2,
  e2eRatio: 1.1,
  modelReadyMs: 300,
  rssMb: 100,
  fanOutRatio: 1.1,
} as const;

const ms = (v: number) => (v >= 1 ? `${v.toFixed(2)} ms` : `${(v * 1000).toFixed(0)} µs`);

function latencyBudget(
  id: string,
  title: string,
  cases: HandlerMeasurement[] | null,
  limitMs: number,
): Budget {
  if (!cases || cases.length === 0)
    return { id, title, limit: `p99 ≤ ${ms(limitMs)}`, measured: 'not run', pass: null, misses: [] };
  const worst = [...cases].sort((a, b) => b.summary.p99 - a.summary.p99)[0] as HandlerMeasurement;
  const misses = cases
    .filter((c) => c.summary.p99 > limitMs)
    .sort((a, b) => b.summary.p99 - a.summary.p99)
    .map((c) => `${c.label} ${ms(c.summary.p99)}`);
  return {
    id,
    title,
    limit: `p99 ≤ ${ms(limitMs)}`,
    measured: `worst ${worst.label} ${ms(worst.summary.p99)}; ${cases.length - misses.length}/${cases.length} within`,
    pass: misses.length === 0,
    misses,
  };
}

export function evaluateBudgets(results: BenchResults): Budget[] {
  const budgets: Budget[] = [];
  const bundled = results.handlers.cases;
  const largest = results.growth?.sizes.at(-1)?.cases ?? null;
  const largestName = results.growth?.sizes.at(-1);
  const sizeText = largestName
    ? ` (${largestName.rounds} rounds, ${largestName.cars} cars, ${largestName.people} people)`
    : '';
  budgets.push(
    latencyBudget(
      'handler-bundled',
      'Handler p99, every command, bundled season',
      bundled.length ? bundled.filter((c) => c.kind === 'command') : null,
      BUDGETS.handlerBundledMs,
    ),
    latencyBudget(
      'handler-largest',
      `Handler p99, every command, largest generated season${sizeText}`,
      largest?.filter((c) => c.kind === 'command') ?? null,
      BUDGETS.handlerLargestMs,
    ),
    latencyBudget(
      'autocomplete-bundled',
      'Autocomplete p99, bundled season',
      bundled.length ? bundled.filter((c) => c.kind === 'autocomplete') : null,
      BUDGETS.autocompleteBundledMs,
    ),
    latencyBudget(
      'autocomplete-largest',
      `Autocomplete p99, largest generated season${sizeText}`,
      largest?.filter((c) => c.kind === 'autocomplete') ?? null,
      BUDGETS.autocompleteLargestMs,
    ),
  );

  const e2e = results.e2e?.cases.filter((c) => c.kind === 'command' && !c.reference) ?? null;
  if (!e2e)
    budgets.push({
      id: 'e2e',
      title: 'End-to-end median vs floor, every command',
      limit: `≤ ${BUDGETS.e2eRatio}× floor`,
      measured: 'not run',
      pass: null,
      misses: [],
    });
  else {
    const misses = e2e
      .filter((c) => c.ratio > BUDGETS.e2eRatio)
      .sort((a, b) => b.ratio - a.ratio)
      .map((c) => `${c.label} ×${c.ratio.toFixed(2)}`);
    const worst = [...e2e].sort((a, b) => b.ratio - a.ratio)[0];
    budgets.push({
      id: 'e2e',
      title: 'End-to-end median vs floor, every command',
      limit: `≤ ${BUDGETS.e2eRatio}× floor`,
      measured: `floor ${ms(results.e2e?.floorMedianMs ?? Number.NaN)}; worst ${worst?.label} ×${worst?.ratio.toFixed(2)}; ${e2e.length - misses.length}/${e2e.length} within`,
      pass: misses.length === 0,
      misses,
    });
  }

  const startup = results.startup;
  budgets.push({
    id: 'startup',
    title: 'Process start → model ready (median, as `npm start` runs: esbuild bundle, plain node)',
    limit: `≤ ${BUDGETS.modelReadyMs} ms`,
    measured: startup ? `${startup.bundled.medianTotalMs.toFixed(0)} ms` : 'not run',
    pass: startup ? startup.bundled.medianTotalMs <= BUDGETS.modelReadyMs : null,
    misses:
      startup && startup.bundled.medianTotalMs > BUDGETS.modelReadyMs
        ? [`${startup.bundled.medianTotalMs.toFixed(0)} ms`]
        : [],
  });

  const one = results.memory?.scenarios[0];
  const rss = one?.afterWork ? one.afterWork.rss / 2 ** 20 : null;
  budgets.push({
    id: 'rss',
    title: `RSS after ${one?.interactions.toLocaleString('en') ?? '10,000'} interactions, one guild`,
    limit: `≤ ${BUDGETS.rssMb} MB`,
    measured:
      rss === null
        ? 'not run'
        : `${rss.toFixed(0)} MB (after start ${((one?.afterStart.rss ?? 0) / 2 ** 20).toFixed(0)} MB)`,
    pass: rss === null ? null : rss <= BUDGETS.rssMb,
    misses: rss !== null && rss > BUDGETS.rssMb ? [`${rss.toFixed(0)} MB`] : [],
  });

  const f = results.fanOut;
  if (!f)
    budgets.push({
      id: 'fanout',
      title: 'Recap fan-out',
      limit: `≤ ${BUDGETS.fanOutRatio}× floor, 0 duplicates, 0 losses`,
      measured: 'not run',
      pass: null,
      misses: [],
    });
  else {
    const misses = [
      ...(f.ratio > BUDGETS.fanOutRatio
        ? [`${f.seconds.toFixed(1)} s > ${(f.floorSeconds * BUDGETS.fanOutRatio).toFixed(1)} s`]
        : []),
      ...(f.duplicates > 0 ? [`${f.duplicates} duplicates`] : []),
      ...(f.losses > 0 ? [`${f.losses} losses`] : []),
    ];
    budgets.push({
      id: 'fanout',
      title: `Recap fan-out to ${f.guilds.toLocaleString('en')} servers`,
      limit: `≤ ${BUDGETS.fanOutRatio}× ${f.floorSeconds} s, 0 duplicates, 0 losses`,
      measured: `${f.seconds.toFixed(2)} s (×${f.ratio.toFixed(2)}), ${f.duplicates} duplicates, ${f.losses} losses`,
      pass: misses.length === 0,
      misses,
    });
  }
  return budgets;
}

/** The one line printed last: pass/fail counts and each missed budget with its worst case. */
export function summaryLine(results: BenchResults): string {
  const ran = results.budgets.filter((b) => b.pass !== null);
  const missed = ran.filter((b) => b.pass === false);
  const skipped = results.budgets.length - ran.length;
  const head = `bench (${results.mode}): ${ran.length - missed.length}/${ran.length} budgets met${skipped ? `, ${skipped} not run` : ''}`;
  if (missed.length === 0) return `${head}; PASS`;
  const parts = missed.map((b) => {
    const shown = b.misses.slice(0, 2).join(', ');
    const more = b.misses.length > 2 ? ` +${b.misses.length - 2} more` : '';
    return `${b.id} (${shown}${more})`;
  });
  return `${head}; FAIL: ${parts.join('; ')}`;
}
