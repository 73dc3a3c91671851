import { type BenchResults, BUDGETS } from './budgets.js';
import { START_NODE_FLAGS } from './bundle.js';
import { kb, mark, table, us } from './markdown.js';
import { fmtMs } from './stats.js';

/** Section 3 of the report: each case against the floor it was paired with, and where a round trip's CPU goes. */
export function endToEndSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push('## 3. End to end through discord.js and the local Discord', '');
  const e = r.e2e;
  if (!e) out.push('_Not run._', '');
  else {
    out.push(
      `The bot runs in a process of its own — \`startRuntime\` (seasons, SQLite settings, the real discord.js client) bundled and run with \`node ${START_NODE_FLAGS.join(' ')}\` as \`npm start\` runs it (bench/child/memory-bot.ts with BENCH_FLOOR=1) — logged in to a local Discord in the benchmark's process. The command list is commands/index.ts plus the floor command \`/bench-floor\` (bench/floor-command.ts: answers "ok"; its autocomplete answers one fixed choice), which is answered before Pitboard's router sees it (bench/floor-press.ts): discord.js builds the interaction and its REST client posts a reply encoded once, and none of Pitboard's handling runs (router, options, invoker, context, deadline, responder), so all of that counts against each case. Each case is injected at the local Discord and timed from the moment its INTERACTION_CREATE frame has been handed to the bot's socket until the last byte of the bot's callback has been read by the local Discord (**Median**, the budget): the bot's work plus loopback, none of the local Discord's. **Answered** is the same sample timed from the inject call until the local Discord has parsed, validated and answered the callback (what a test awaiting \`final()\` sees). Before any case is timed, every case runs ${r.settings.e2e.warmupRounds ?? 0} times (the bot's JIT warms up); then floor and case samples alternate (floor-case, case-floor, …), one interaction at a time, each from a new user, and each case is compared with the floor samples taken beside it. A text reply is paired with the plain floor; a reply that uploads a picture with the floor answering "ok" with a file of exactly the picture's size (built once and shared like Pitboard's pictures), so that the budget (≤ ${BUDGETS.e2eRatio}×) judges the bot's work and not the upload (column **Paired floor**). A button press is paired with the press floor (bench/floor-press.ts): the same press — a payload of the same size, on the same kind of message, which discord.js turns into a ButtonInteraction and a cached Message before any handler runs — on a button the bench answers with a fixed private "ok" as soon as discord.js hands it over, posted as Pitboard posts every callback; none of Pitboard's press path runs for it (no custom_id decoding, plan, command or private copy), so all of that counts as the press's own cost. The reference rows are the floor answering a 1 KiB embed (what a reply's size alone adds) and the plain floor injected with two options, a string and a boolean, as /standings pro text:true carries (what options in the payload alone add: discord.js's work, before any of Pitboard's; the plain floor carries none). Command floor median ${fmtMs(e.floorMedianMs)}, autocomplete floor ${fmtMs(e.floorAutocompleteMedianMs)}. Faults ${e.faults}, validation failures ${e.validationFailures}, unexpected routes ${e.unexpectedRoutes}.`,
      '',
      table(
        [
          'Case',
          'Median',
          'p99',
          'Paired floor',
          'Floor median',
          'Ratio',
          'Excess over floor',
          'Answered (floor)',
          'Handler p50 (§1)',
          'Callback bytes',
        ],
        e.cases.map((c) => {
          const handler = r.handlers?.cases.find((h) => h.label === c.label);
          const budgeted = c.kind === 'command' && !c.reference;
          return [
            c.label,
            fmtMs(c.medianMs),
            fmtMs(c.p99Ms),
            c.floorLabel ?? (c.kind === 'command' ? 'floor' : 'floor autocomplete'),
            fmtMs(c.floorMedianMs),
            `×${c.ratio.toFixed(2)}${budgeted ? mark(c.ratio, BUDGETS.e2eRatio) : ''}`,
            fmtMs(c.excessMs),
            c.answeredMedianMs === undefined
              ? '–'
              : `${fmtMs(c.answeredMedianMs)} (${fmtMs(c.answeredFloorMedianMs)})`,
            handler ? fmtMs(handler.summary.p50) : '–',
            kb(c.callbackBytes),
          ];
        }),
      ),
      '',
    );
    const floorProfile = e.profiles.find((p) => p.label === 'floor');
    if (floorProfile) {
      const profiled = e.profiles.filter((p) => p.label !== 'floor autocomplete');
      // Columns: the modules that matter most in any of the round trips.
      const weight = new Map<string, number>();
      for (const p of profiled)
        for (const x of p.modules) weight.set(x.module, Math.max(weight.get(x.module) ?? 0, x.us));
      const modules = [...weight.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 11)
        .map(([module]) => module);
      out.push(
        "CPU per round trip by module (V8 sampling profiler). The profiler sees one process, so for these rows the bot runs in the benchmark's process beside the local Discord (createBot through tsx): both sides show, and the wall times are longer than above. Rows: the floor, then each command; columns: where the CPU went.",
        '',
        table(
          ['Round trip', 'Wall', 'CPU', ...modules, 'other'],
          profiled.map((p) => {
            const known = modules.map((mod) => p.modules.find((x) => x.module === mod)?.us ?? 0);
            const other = p.cpuUsPerCall - known.reduce((a, b) => a + b, 0);
            return [p.label, us(p.wallUsPerCall), us(p.cpuUsPerCall), ...known.map(us), us(other)];
          }),
        ),
        '',
        'Hottest functions of the floor round trip:',
        '',
        floorProfile.top
          .slice(0, 8)
          .map((l) => `- ${us(l.selfUs)} self (${l.selfPercent.toFixed(0)} %) — \`${l.where}\``)
          .join('\n'),
        '',
      );
    }
  }

  return out;
}
