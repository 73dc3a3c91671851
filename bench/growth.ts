import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type AppContext, createAppContext, describeProblems } from '../src/core/app-context.js';
import { runAutocomplete, runCommand } from '../src/core/run-command.js';
import { crossCheckSeason } from '../src/season/cross-check.js';
import { buildSeasonModel } from '../src/season/model.js';
import { readYaml, validateYaml, type YamlFile } from '../src/season/read-yaml.js';
import {
  SEASON_FILE_KEYS,
  SEASON_FILE_NAMES,
  type SeasonFileName,
  type SeasonFiles,
  seasonFileSchemas,
} from '../src/season/schema.js';
import { AUTOCOMPLETE_CASES, COMMAND_CASES, type SizeAxis } from './cases.js';
import { type SeasonSize, writeSeasonFolder } from './generate-season.js';
import {
  BENCH_INVOKER,
  type HandlerMeasurement,
  invokerFor,
  type LoopOptions,
  measureAutocompleteCase,
  measureCommandCase,
  requireCommand,
} from './handlers.js';
import { type ProfileLine, profileWork } from './profile.js';
import { logLogSlope } from './stats.js';
import { collectGarbage, log, scratchDir } from './support.js';
import { measureUncached, type UncachedResult } from './uncached.js';

export interface LoadSplit {
  /** parseDocument + toJS (the `yaml` package), all files. */
  parseMs: number;
  /** zod schemas, all files. */
  validateMs: number;
  crossCheckMs: number;
  buildModelMs: number;
}

export interface GrowthSize extends SeasonSize {
  teams: number;
  /** Distinct words in people's and teams' names (what name search scans on a typo). */
  nameTokens: number;
  standingsRows: number;
  yamlBytes: number;
  /** createAppContext on the generated data directory (loadSeasonFolder + catalog), JIT warm. */
  loadMs: number;
  loadSplit: LoadSplit;
  cases: HandlerMeasurement[];
}

export interface GrowthFit {
  label: string;
  kind: 'command' | 'autocomplete';
  axis: SizeAxis;
  /** Log-log slope of p50 against the axis size: 0 flat, 1 linear. */
  slopeP50: number | null;
  slopeP99: number | null;
}

export interface CaseProfile {
  label: string;
  where: string;
  cpuUsPerCall: number;
  top: ProfileLine[];
}

export interface GrowthResult {
  sizes: GrowthSize[];
  fits: GrowthFit[];
  loadSlope: number | null;
  /** Profiles of the cases that miss their budget on the largest season. */
  profiles: CaseProfile[];
  /** Every distinct request once on fresh loads of the largest season (bench/uncached.ts). */
  uncached?: UncachedResult | null;
}

/** The phases of loadSeasonFolder, timed one by one with the same exported functions it calls. */
function splitLoad(folder: string): LoadSplit {
  const split: LoadSplit = { parseMs: 0, validateMs: 0, crossCheckMs: 0, buildModelMs: 0 };
  const yamls = new Map<SeasonFileName, YamlFile>();
  const files: Partial<SeasonFiles> = {};
  const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
  const schemas = seasonFileSchemas();
  for (const name of SEASON_FILE_NAMES) {
    const schema = schemas[name];
    const text = readFileSync(join(folder, name), 'utf8');
    let t0 = process.hrtime.bigint();
    const read = readYaml(name, text);
    split.parseMs += ms(t0);
    yamls.set(name, read.yaml);
    t0 = process.hrtime.bigint();
    const checked = validateYaml(read.yaml, schema as never);
    split.validateMs += ms(t0);
    (files as Record<string, unknown>)[SEASON_FILE_KEYS[name]] = checked.data;
  }
  const complete = files as SeasonFiles;
  let t0 = process.hrtime.bigint();
  crossCheckSeason(complete, basename(folder), (file, path) => yamls.get(file)?.lineOf(path) ?? null);
  split.crossCheckMs = ms(t0);
  t0 = process.hrtime.bigint();
  buildSeasonModel(complete);
  split.buildModelMs = ms(t0);
  return split;
}

/**
 * The handler cases on generated seasons of growing size: each season is generated into a temp data
 * directory, loaded with createAppContext (as the bot loads its data directory), measured, dropped.
 */
export async function runGrowth(options: {
  sizes: SeasonSize[];
  loop: LoopOptions;
  /** Budgets on the largest size (ms, p99): cases over them are profiled. */
  commandBudgetMs: number;
  autocompleteBudgetMs: number;
  profileMs: number;
  uncached: { prefixes: number; unknown: number; passes: number };
}): Promise<GrowthResult> {
  const scratch = scratchDir('growth');
  const sizes: GrowthSize[] = [];
  const profiles: CaseProfile[] = [];
  let uncached: UncachedResult | null = null;
  // The JIT is warmed on other seasons (the bundled one, the size before) before the largest is measured.
  let previous: AppContext | null = null;
  try {
    for (const [index, size] of options.sizes.entries()) {
      const dataDir = join(scratch.dir, `size-${index}`);
      const { folder, bytes } = writeSeasonFolder(dataDir, size);
      collectGarbage();
      // The load as the bot does it at start-up (createAppContext → loadSeasonFolder).
      const t0 = process.hrtime.bigint();
      const app = createAppContext({ dataDir });
      const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (app.problems.size > 0)
        throw new Error(
          `generated season ${folder} does not load: ${describeProblems(app.problems).slice(0, 500)}`,
        );
      collectGarbage();
      const loadSplit = splitLoad(folder);
      log(
        `growth ${basename(folder)}: ${(bytes / 1024).toFixed(0)} KiB of YAML, loaded in ${loadMs.toFixed(0)} ms`,
      );
      const model = app.catalog.defaultSeason();
      const cases: HandlerMeasurement[] = [];
      for (const c of COMMAND_CASES) {
        collectGarbage();
        const m = await measureCommandCase(app, c, options.loop);
        cases.push(m);
        log(
          `  ${c.label}: p50 ${m.summary.p50.toFixed(3)} ms, p99 ${m.summary.p99.toFixed(3)} ms (cold ${m.coldMs.toFixed(1)} ms, ${m.summary.n} calls)`,
        );
      }
      for (const c of AUTOCOMPLETE_CASES) {
        collectGarbage();
        const m = await measureAutocompleteCase(app, c, options.loop);
        cases.push(m);
        log(
          `  ${c.label}: p50 ${m.summary.p50.toFixed(3)} ms, p99 ${m.summary.p99.toFixed(3)} ms (${m.summary.n} calls)`,
        );
      }
      const last = index === options.sizes.length - 1;
      if (last) {
        for (const m of cases) {
          const budget = m.kind === 'command' ? options.commandBudgetMs : options.autocompleteBudgetMs;
          if (m.summary.p99 <= budget) continue;
          const commandCase = COMMAND_CASES.find((c) => c.label === m.label);
          const autocompleteCase = AUTOCOMPLETE_CASES.find((c) => c.label === m.label);
          collectGarbage();
          const work = commandCase
            ? () =>
                runCommand(
                  requireCommand(commandCase.command),
                  commandCase.options,
                  app.makeContext(invokerFor(commandCase)),
                )
            : autocompleteCase
              ? () =>
                  runAutocomplete(
                    requireCommand(autocompleteCase.command),
                    autocompleteCase.focused,
                    autocompleteCase.options,
                    app.makeContext(BENCH_INVOKER),
                  )
              : null;
          if (!work) continue;
          const profile = await profileWork(work, { durationMs: options.profileMs });
          profiles.push({
            label: m.label,
            where: basename(folder),
            cpuUsPerCall: profile.cpuUsPerCall,
            top: profile.lines.slice(0, 8),
          });
        }
      }
      if (last) {
        collectGarbage();
        uncached = await measureUncached(
          () => createAppContext({ dataDir }),
          [createAppContext(), ...(previous ? [previous] : [])],
          options.uncached,
        );
        for (const row of uncached.rows)
          log(
            `  uncached ${row.label}: ${row.requests} requests, p50 ${row.summary.p50.toFixed(3)} ms, p99 ${row.summary.p99.toFixed(3)} ms`,
          );
      }
      previous = app;
      const nameTokens = model.index.names.tokens.length;
      const standingsRows = [...model.standings.values()].reduce((n, t) => n + t.rows.length, 0);
      sizes.push({
        ...size,
        teams: model.teams.size,
        nameTokens,
        standingsRows,
        yamlBytes: bytes,
        loadMs,
        loadSplit,
        cases,
      });
    }
  } finally {
    scratch.remove();
  }
  const axisValue = (s: GrowthSize, axis: SizeAxis) =>
    axis === 'rounds' ? s.rounds : axis === 'cars' ? s.cars : axis === 'teams' ? s.teams : s.people;
  const fits: GrowthFit[] = [...COMMAND_CASES, ...AUTOCOMPLETE_CASES].map((c) => {
    const points = (pick: (m: HandlerMeasurement) => number) =>
      sizes.flatMap((s) => {
        const m = s.cases.find((x) => x.label === c.label);
        return m ? [{ x: axisValue(s, c.axis), y: pick(m) }] : [];
      });
    return {
      label: c.label,
      kind: 'focused' in c ? 'autocomplete' : 'command',
      axis: c.axis,
      slopeP50: logLogSlope(points((m) => m.summary.p50)),
      slopeP99: logLogSlope(points((m) => m.summary.p99)),
    };
  });
  const loadSlope = logLogSlope(sizes.map((s) => ({ x: s.yamlBytes, y: s.loadMs })));
  return { sizes, fits, loadSlope, profiles, uncached };
}
