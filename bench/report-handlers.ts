import type { BenchResults } from './budgets.js';
import { BUDGETS } from './budgets.js';
import type { CaseProfile } from './growth.js';
import type { HandlerMeasurement } from './handlers.js';
import { kb, mark, n, table, us } from './markdown.js';
import { uncachedBlock } from './report-uncached.js';
import { fmtMs } from './stats.js';

function handlerTable(cases: HandlerMeasurement[], commandLimit: number, autocompleteLimit: number): string {
  return table(
    ['Case', 'Cold (1st call)', 'p50', 'p90', 'p99', 'Max', 'Calls', 'Reply JSON', 'Answer'],
    cases.map((c) => [
      c.label,
      fmtMs(c.coldMs),
      fmtMs(c.summary.p50),
      fmtMs(c.summary.p90),
      `${fmtMs(c.summary.p99)}${mark(c.summary.p99, c.kind === 'command' ? commandLimit : autocompleteLimit)}`,
      fmtMs(c.summary.max),
      n(c.summary.n),
      c.fileBytes ? `${kb(c.replyBytes)} + PNG ${kb(c.fileBytes)}` : kb(c.replyBytes),
      c.outcome,
    ]),
  );
}

function profileBlock(profiles: CaseProfile[]): string {
  if (profiles.length === 0) return '_No case over budget: nothing profiled._';
  return profiles
    .map((p) => {
      const lines = p.top
        .slice(0, 6)
        .map(
          (l) =>
            `  - ${us(l.selfUs)} self, ${us(l.totalUs)} total (${l.selfPercent.toFixed(0)} % self) — \`${l.where}\``,
        )
        .join('\n');
      return `- **${p.label}** (${p.where}): ${us(p.cpuUsPerCall)} CPU per call\n${lines}`;
    })
    .join('\n');
}

/** Section 1 of the report: handler latency on the bundled season. */
export function handlerSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push(
    '## 1. Handler latency, bundled season (the same request repeated: mostly memo hits)',
    '',
    `\`runCommand\` / \`runAutocomplete\` (src/core/run-command.ts) on the command modules of commands/index.ts, with a fresh \`createAppContext().makeContext(invoker)\` per call, timed with \`process.hrtime.bigint()\`. ${n(r.settings.handlers.calls)} measured calls per case after ${n(r.settings.handlers.warmup)} warm-up calls; a full GC between cases. "Cold" is the first call in the process (for /standings and /calendar it renders the PNG; later calls hit the picture cache). Budgets: p99 ≤ ${BUDGETS.handlerBundledMs * 1000} µs per command, ≤ ${BUDGETS.autocompleteBundledMs * 1000} µs per autocomplete (❌ = over).`,
    '',
  );
  if (r.handlers.cases.length > 0) {
    out.push(handlerTable(r.handlers.cases, BUDGETS.handlerBundledMs, BUDGETS.autocompleteBundledMs), '');
    out.push(
      '### What users hit: every distinct request once, bundled season',
      '',
      ...uncachedBlock(r.handlers.uncached, {
        commandMs: BUDGETS.handlerUncachedBundledMs,
        autocompleteMs: BUDGETS.autocompleteUncachedBundledMs,
      }),
    );
    out.push(
      'Where the time goes in the cases over budget (V8 sampling profiler, per call):',
      '',
      profileBlock(r.handlers.profiles),
      '',
    );
  } else out.push('_Not run._', '');
  return out;
}

/** Section 2 of the report: load and handler times on generated seasons of growing size. */
export function growthSection(r: BenchResults): string[] {
  const out: string[] = ['## 2. Growth on generated seasons', ''];
  const g = r.growth;
  if (!g) return [...out, '_Not run._', ''];
  out.push(
    'Seasons generated on the fly by `bench/generate-season.ts` (deterministic, seed 2013) into a temp directory as YAML season folders, loaded with `createAppContext({ dataDir })`. Cases run until 10,000 calls or the time cap per case (see settings in results.json), whichever comes first. Load is `createAppContext` on the folder; the split re-runs the phases of `loadSeasonFolder` one by one.',
    '',
    table(
      [
        'Rounds',
        'Cars',
        'People',
        'Teams',
        'Name words',
        'Standings rows',
        'YAML',
        'Load',
        'YAML parse',
        'zod',
        'Cross-check',
        'Build model',
      ],
      g.sizes.map((s) => [
        n(s.rounds),
        n(s.cars),
        n(s.people),
        n(s.teams),
        n(s.nameTokens),
        n(s.standingsRows),
        kb(s.yamlBytes),
        fmtMs(s.loadMs),
        fmtMs(s.loadSplit.parseMs),
        fmtMs(s.loadSplit.validateMs),
        fmtMs(s.loadSplit.crossCheckMs),
        fmtMs(s.loadSplit.buildModelMs),
      ]),
    ),
    '',
    `Load time grows with a log-log slope of ${g.loadSlope?.toFixed(2) ?? '–'} against the YAML size.`,
    '',
    `p50 / p99 per case and size; the slope is the log-log fit of p50 (and p99) against the size the case follows (its axis). ❌ = p99 over the budget for the largest season (${BUDGETS.handlerLargestMs} ms command, ${BUDGETS.autocompleteLargestMs} ms autocomplete).`,
    '',
  );
  const head = [
    'Case',
    'Axis',
    ...g.sizes.map((s) => `${s.rounds} r / ${n(s.cars)} c / ${n(s.people)} p`),
    'Slope p50 (p99)',
  ];
  const rows = g.fits.map((fit) => {
    const limit = fit.kind === 'command' ? BUDGETS.handlerLargestMs : BUDGETS.autocompleteLargestMs;
    return [
      fit.label,
      fit.axis,
      ...g.sizes.map((s, i) => {
        const c = s.cases.find((x) => x.label === fit.label);
        if (!c) return '–';
        const last = i === g.sizes.length - 1;
        return `${fmtMs(c.summary.p50)} / ${fmtMs(c.summary.p99)}${last ? mark(c.summary.p99, limit) : ''}`;
      }),
      `${fit.slopeP50?.toFixed(2) ?? '–'} (${fit.slopeP99?.toFixed(2) ?? '–'})`,
    ];
  });
  out.push(table(head, rows), '');
  const commandLabels = g.sizes[0]?.cases.filter((c) => c.kind === 'command').map((c) => c.label) ?? [];
  if (commandLabels.length > 0) {
    out.push(
      'First call of each command on each season (a fresh model: reply parts are built, then memoised per model; /standings and /calendar also render their PNG). The p50/p99 above are the calls after it:',
      '',
      table(
        ['Case', ...g.sizes.map((s) => `${s.rounds} r / ${n(s.cars)} c / ${n(s.people)} p`)],
        commandLabels.map((label) => [
          label,
          ...g.sizes.map((s) => {
            const c = s.cases.find((x) => x.label === label);
            return c ? `${fmtMs(c.coldMs)}${c.fileBytes ? `, PNG ${kb(c.fileBytes)}` : ''}` : '–';
          }),
        ]),
      ),
      '',
    );
  }
  const largest = g.sizes.at(-1);
  out.push(
    `### What users hit: every distinct request once, largest generated season${largest ? ` (${largest.rounds} rounds, ${n(largest.cars)} cars, ${n(largest.people)} people)` : ''}`,
    '',
    ...uncachedBlock(g.uncached, {
      commandMs: BUDGETS.handlerUncachedLargestMs,
      autocompleteMs: BUDGETS.autocompleteUncachedLargestMs,
    }),
  );
  out.push(
    'Profiles of the cases over budget on the largest season (per call):',
    '',
    profileBlock(g.profiles),
    '',
  );
  return out;
}
