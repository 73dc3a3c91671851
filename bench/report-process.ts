import { type BenchResults, BUDGETS } from './budgets.js';
import { START_NODE_FLAGS } from './bundle.js';
import { kb, mark, mb, n, table } from './markdown.js';
import type { MemoryScenario } from './memory.js';
import { fmtMs } from './stats.js';

const MEMORY_HEAD = [
  'Scenario',
  'Guilds',
  'Interactions',
  'RSS after start',
  'Heap after start + GC',
  'RSS after work',
  'of which anon / file',
  'RSS after work + GC',
  'Heap after work + GC',
  'ArrayBuffers after work',
  'Cached',
  'Unanswered',
];

function memoryRow(s: MemoryScenario): string[] {
  return [
    s.name,
    n(s.guilds),
    n(s.interactions),
    mb(s.afterStart.rss),
    mb(s.afterStartGc.heapUsed),
    mb(s.afterWork?.rss),
    s.afterWork?.rssAnon !== undefined && s.afterWork.rssFile !== undefined
      ? `${mb(s.afterWork.rssAnon)} / ${mb(s.afterWork.rssFile)}`
      : '–',
    mb(s.afterWorkGc?.rss),
    mb(s.afterWorkGc?.heapUsed),
    mb(s.afterWork?.arrayBuffers),
    s.afterWork
      ? `${s.afterWork.users} users, ${s.afterWork.channels} channels`
      : `${s.afterStart.guilds} guilds, ${s.afterStart.channels} channels`,
    String(s.unanswered),
  ];
}

/** Section 4 of the report: process start to model ready and to clientReady. */
export function startupSection(r: BenchResults): string[] {
  const out: string[] = ['## 4. Start-up', ''];
  const s = r.startup;
  if (!s) return [...out, '_Not run._', ''];
  const b = s.bundled;
  const t = s.tsx;
  out.push(
    `Process start → model ready: a probe (bench/child/model-ready.ts) that imports src/core/app-context.ts and calls \`createAppContext()\`, spawned ${b.runs.length} times each way after one unmeasured run: bundled by esbuild with the options of scripts/build.mjs and run by \`node ${START_NODE_FLAGS.join(' ')}\` (as \`npm start\` runs dist/main.mjs: the budget), and through \`node --import tsx\` on the sources (development, tests, CLI). Times are \`process.hrtime\` (monotonic, shared by parent and child) from the parent's \`spawn()\`.`,
    '',
    table(
      ['Phase (median)', 'Bundle (npm start)', 'tsx'],
      [
        [
          'spawn → probe script starts (Node boot, loader, parsing the bundle)',
          fmtMs(b.medianBootMs),
          fmtMs(t.medianBootMs),
        ],
        ['importing app-context and its module graph', fmtMs(b.medianImportMs), fmtMs(t.medianImportMs)],
        [
          'createAppContext(): read, parse, validate, index the bundled season (cold JIT)',
          fmtMs(b.medianLoadMs),
          fmtMs(t.medianLoadMs),
        ],
        [
          '**process start → model ready**',
          `**${fmtMs(b.medianTotalMs)}** (×${(b.medianTotalMs / s.emptyNodeMs).toFixed(2)} an empty process${mark(b.medianTotalMs / s.emptyNodeMs, BUDGETS.modelReadyRatio)})`,
          fmtMs(t.medianTotalMs),
        ],
        [
          'for scale: an empty process (`node -e 0`, `node --import tsx -e 0`), spawn → exit',
          fmtMs(s.emptyNodeMs),
          fmtMs(s.emptyTsxMs),
        ],
        [
          '**process start → clientReady**: src/main.ts with a token for a local Discord, until the "bot ready" log line',
          `**${fmtMs(s.clientReady.bundled.medianMs)}** (${s.clientReady.bundled.runs.map((x) => fmtMs(x)).join(', ')})`,
          `${fmtMs(s.clientReady.tsx.medianMs)} (${s.clientReady.tsx.runs.map((x) => fmtMs(x)).join(', ')})`,
        ],
        [
          'for reference: a bare discord.js client (bench/child/bare-client.ts, bundled, same flags), fork → clientReady',
          s.bareClientReady
            ? `${fmtMs(s.bareClientReady.medianMs)} (${s.bareClientReady.runs.map((x) => fmtMs(x)).join(', ')}); Pitboard ×${(s.clientReady.bundled.medianMs / s.bareClientReady.medianMs).toFixed(2)}${mark(s.clientReady.bundled.medianMs / s.bareClientReady.medianMs, BUDGETS.clientReadyRatio)}`
            : 'not measured in this run',
          '–',
        ],
      ],
    ),
    '',
    `In this process, warm: \`loadSeasonFolder\` on the bundled season takes ${fmtMs(s.inProcessLoad.warmMedianMs)} (median of ${s.inProcessLoad.runs - 1}).`,
    '',
  );
  return out;
}

/** Section 5 of the report: memory per scenario, against a bare discord.js client. */
export function memorySection(r: BenchResults): string[] {
  const out: string[] = ['## 5. Memory', ''];
  const mem = r.memory;
  if (!mem) return [...out, '_Not run._', ''];
  out.push(
    `Each scenario in a fresh child process (bench/child/memory-bot.ts: \`startRuntime\` — seasons, SQLite store, discord.js client — bundled and run with \`node ${START_NODE_FLAGS.join(' ')}\` as \`npm start\` runs dist/main.mjs) logged in to a local Discord held by the parent process, so the child holds only the bot. Interactions cycle through the command cases of section 1, 50 at a time, each from a distinct user, all in one guild. RSS is read after a 1 s settle, then again after a forced full GC; "anon / file" splits it as Linux does (memory the process allocated / pages of the node binary and native addons, which follow the page cache). The one-guild scenario and the floor run ${mem.oneGuildRuns?.length ?? 1} times each in fresh processes, alternately, and the budget compares their median runs (every run is listed). The floor row is a bare discord.js client (bench/child/bare-client.ts: the same client options, answering every command "ok" through discord.js's \`reply()\`) doing the same interactions with the same flags: what the process costs before Pitboard adds anything.`,
    '',
    table(
      MEMORY_HEAD,
      [...mem.scenarios, ...(mem.oneGuildRuns ?? []), ...(mem.bareRuns ?? [])].map(memoryRow),
    ),
    '',
    `Cost per extra guild (${n(mem.scenarios[1]?.guilds ?? 0)} guilds vs 1, after start): ${mem.perGuildHeapBytes === null ? '–' : kb(Math.round(mem.perGuildHeapBytes))} of heap after GC, ${mem.perGuildRssBytes === null ? '–' : kb(Math.round(mem.perGuildRssBytes))} of RSS (RSS moves by several MB between runs, so the heap figure is the steadier one).`,
    '',
  );
  return out;
}

/** Section 7 of the report: the one-guild memory scenario without each Node flag, with source maps, through tsx. */
export function whatIfSection(r: BenchResults): string[] {
  const out: string[] = [];
  const w = r.whatIf;
  if (!w) return out;
  out.push(
    '## 7. Experiments: what the memory numbers are made of',
    '',
    `The one-guild scenario of section 5 again (one run each), changing only how the process runs: without each of the Node flags npm start passes (\`node ${START_NODE_FLAGS.join(' ')}\`), with \`--enable-source-maps\` added (stack traces mapped to the TypeScript), and through \`node --import tsx\` on the sources instead of the bundle.`,
    '',
  );
  if (w.error) out.push(`_Failed: ${w.error}_`, '');
  const rows = [
    r.memory?.scenarios[0],
    ...(w.withoutFlag ?? []).map((x) => x.memory),
    w.sourceMapsMemory,
    w.tsxMemory,
  ].filter((x): x is MemoryScenario => Boolean(x));
  if (rows.length > 0) out.push(table(MEMORY_HEAD, rows.map(memoryRow)), '');
  return out;
}
