/**
 * Where does a case's end-to-end excess over its floor go, in the bot's own process? The bot runs as in
 * section 3 (bundled with `npm start`'s options but readable identifiers, `npm start`'s flags, its own
 * process) under `node --cpu-prof`. Floor and case run in alternating blocks of 250, and each CPU sample of
 * the bot is credited to the block it falls in (blocks, not single interactions: the two processes' clocks
 * need not agree to the microsecond). Prints CPU per call by function for case and floor: Pitboard's own
 * functions (total time), then every function by self and total time, biggest difference first.
 * With --spans: no profiler, floor and case alternate one by one as in section 3; prints the two medians.
 * With --warm-all: first every command, autocomplete and press case, 20 rounds, as section 3 warms its bot
 * (shared code then sees every command's shapes, as in production), instead of this case alone.
 *
 *   npx tsx bench/e2e-profile.ts "/title pro" [--pairs=2000] [--top=25] [--spans] [--warm-all]
 *
 * One case per run, on a machine as quiet as possible; compare the floor and case columns of one run.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalDiscord } from '@pitboard/local-discord';
import { type BuildOptions, build } from 'esbuild';
import { commands } from '../commands/index.js';
// @ts-expect-error: a plain .mjs module without types
import { BUNDLE_OPTIONS, escapeNonAscii } from '../scripts/bundle-options.mjs';
import { deployCommands } from '../src/discord/deploy.js';
import { buildBundles } from './bundle.js';
import { AUTOCOMPLETE_CASES, COMMAND_CASES } from './cases.js';
import { autocompleteTarget, commandTarget, pictureBytes, type Target, uploadFloorLabel } from './e2e.js';
import { FLOOR_COMMAND_NAME, floorCommand } from './floor-command.js';
import { bundledMemoryProbe, forkBotProbe, request, stopBotProbe } from './memory.js';
import { pressTargets } from './press-targets.js';
import { REPO_ROOT, scratchDir } from './support.js';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const label = args.find((a) => !a.startsWith('--')) ?? '/title pro';
const flag = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const pairs = flag('pairs', 3000);
const top = flag('top', 25);
const BLOCK_CALLS = 250;
/** Spans only: floor and case alternating one by one as in section 3, no profiler. */
const spansOnly = args.includes('--spans');
const warmAll = args.includes('--warm-all');

const bundles = await buildBundles();
// Readable names in the profile: the bot's bundle again, identifiers not minified (all else as npm start).
await build({
  ...(BUNDLE_OPTIONS as BuildOptions),
  minify: false,
  minifyWhitespace: true,
  minifySyntax: true,
  entryPoints: [join(REPO_ROOT, 'bench/child/memory-bot.ts')],
  outfile: bundles.memoryBot,
});
escapeNonAscii(bundles.memoryBot);
const scratch = scratchDir('e2e-profile');
const profDir = join(scratch.dir, 'prof');
mkdirSync(profDir, { recursive: true });
const discord = await startLocalDiscord();
try {
  const guild = discord.guilds[0];
  if (!guild) throw new Error('no guild');
  await deployCommands({
    config: {
      discord: {
        token: discord.token,
        applicationId: discord.applicationId,
        guildId: guild.id,
        apiUrl: discord.restUrl,
      },
    },
    commands: [...commands, floorCommand],
  });
  const uploads = await pictureBytes();
  const c = COMMAND_CASES.find((x) => x.label === label);
  let target: Target;
  let base: Target;
  if (c) {
    target = commandTarget(
      c.label,
      c.command,
      c.options as Record<string, string | number | boolean>,
      c.locale,
    );
    const bytes = uploads.get(c.label);
    base = bytes
      ? commandTarget(uploadFloorLabel(bytes), FLOOR_COMMAND_NAME, { upload_bytes: bytes })
      : commandTarget('floor', FLOOR_COMMAND_NAME, {});
  } else {
    const press = pressTargets().find((p) => p.label === label);
    if (!press) throw new Error(`no case ${label}`);
    target = press;
    base = press.base;
  }
  const probe = bundledMemoryProbe(bundles);
  const child = forkBotProbe(
    discord,
    spansOnly
      ? probe
      : {
          ...probe,
          execArgv: [...probe.execArgv, '--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=50'],
        },
    join(scratch.dir, 'bot.sqlite'),
    { BENCH_FLOOR: '1', BENCH_FLOOR_BEFORE_ROUTER: '1' },
  );
  await request(child, {}, 'ready', 120_000);
  // performance.now() → the monotonic clock V8's profile timestamps use (µs).
  const toMono = (ms: number) => Number(process.hrtime.bigint()) / 1e3 - performance.now() * 1e3 + ms * 1e3;
  const windows: { from: number; to: number; which: 'case' | 'floor' }[] = [];
  let user = 500_000_000_000_000_000n;
  const spans = new Map<Target, number[]>();
  const time = async (t: Target) => {
    const i = t.inject(discord, String(user++));
    await i.final();
    const list = spans.get(t) ?? [];
    list.push((i.callback?.arrivedAt ?? Number.NaN) - i.sentAt);
    spans.set(t, list);
  };
  const medianOf = (t: Target) => {
    const s = [...(spans.get(t) ?? [])].sort((a, b) => a - b);
    return 1000 * (s[Math.floor(s.length / 2)] ?? Number.NaN);
  };
  if (warmAll) {
    const others = [
      ...COMMAND_CASES.map((x) =>
        commandTarget(x.label, x.command, x.options as Record<string, string | number | boolean>, x.locale),
      ),
      ...AUTOCOMPLETE_CASES.map((x) =>
        autocompleteTarget(x.label, x.command, x.focused.name, {
          ...(x.options as Record<string, string | number | boolean>),
          [x.focused.name]: x.focused.value,
        }),
      ),
      ...pressTargets(),
    ];
    for (let round = 0; round < 20; round++) {
      for (const other of others) await time(other);
      discord.clearHistory();
    }
  }
  for (let i = 0; i < 600; i++) {
    await time(base);
    await time(target);
    if (i % 200 === 199) discord.clearHistory();
  }
  spans.clear();
  // Blocks of one kind at a time, alternating: each CPU sample is credited to the block it falls in, so
  // the few µs between the two processes' clocks blur nothing.
  const BLOCK = spansOnly ? 1 : BLOCK_CALLS;
  for (let b = 0; b < Math.ceil((2 * pairs) / BLOCK); b++) {
    const which = b % 2 === 0 ? 'floor' : 'case';
    const from = toMono(performance.now());
    // One by one (--spans): in the order section 3 uses, floor-case then case-floor, so that what one
    // interaction leaves behind delays the other kind as often as its own.
    const kind = BLOCK === 1 && b % 4 >= 2 ? (which === 'floor' ? 'case' : 'floor') : which;
    for (let i = 0; i < BLOCK; i++) await time(kind === 'floor' ? base : target);
    windows.push({ from, to: toMono(performance.now()), which: kind });
    if (b % 200 === 199 || BLOCK > 1) discord.clearHistory();
  }
  await stopBotProbe(child);
  console.log(
    `span median: case ${medianOf(target).toFixed(1)} µs, floor ${medianOf(base).toFixed(1)} µs (×${(medianOf(target) / medianOf(base)).toFixed(3)})`,
  );
  if (spansOnly) process.exit(0);
  const file = readdirSync(profDir).find((f) => f.includes(`.${child.pid}.`));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as CpuProfile;
  report(profile, windows);
} finally {
  await discord.close();
  scratch.remove();
  bundles.remove();
}

function report(profile: CpuProfile, windows: { from: number; to: number; which: 'case' | 'floor' }[]): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
  const name = (n: CpuNode) => {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\/(node_modules\/)?/, '');
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const self = { case: new Map<string, number>(), floor: new Map<string, number>() };
  const total = { case: new Map<string, number>(), floor: new Map<string, number>() };
  const cpu = { case: 0, floor: 0 };
  const span = { case: 0, floor: 0 };
  const count = { case: 0, floor: 0 };
  for (const w of windows) {
    span[w.which] += w.to - w.from;
    count[w.which] += BLOCK_CALLS;
  }
  let t = profile.startTime;
  let wi = 0;
  windows.sort((a, b) => a.from - b.from);
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const us = profile.timeDeltas[i + 1] ?? 0;
    while (wi < windows.length && (windows[wi]?.to ?? 0) < t) wi++;
    const w = windows[wi];
    if (!w || t < w.from) return;
    const node = byId.get(id);
    if (!node) return;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)' || fn === '(program)' || fn === '(root)') return;
    cpu[w.which] += us;
    const key = name(node);
    self[w.which].set(key, (self[w.which].get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: CpuNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      const k = name(at);
      if (seen.has(k)) continue;
      seen.add(k);
      total[w.which].set(k, (total[w.which].get(k) ?? 0) + us);
    }
  });
  const per = (which: 'case' | 'floor', us: number) => us / Math.max(1, count[which]);
  console.log(
    `${label}: wall ${per('case', span.case).toFixed(1)} µs vs floor ${per('floor', span.floor).toFixed(1)} µs; CPU in span ${per('case', cpu.case).toFixed(1)} vs ${per('floor', cpu.floor).toFixed(1)} µs/call (${count.case} + ${count.floor} calls)`,
  );
  {
    const ours = [...total.case.keys(), ...total.floor.keys()].filter((k) => k.includes('memoryBot.mjs'));
    const rows = [...new Set(ours)]
      .map((k) => ({ k, c: per('case', total.case.get(k) ?? 0), f: per('floor', total.floor.get(k) ?? 0) }))
      .sort((a, b) => b.c - a.c)
      .slice(0, top);
    console.log('\nours (bundle), total µs per call: case  floor  diff  function');
    for (const r of rows)
      console.log(
        `${r.c.toFixed(1).padStart(7)} ${r.f.toFixed(1).padStart(6)} ${(r.c - r.f).toFixed(1).padStart(6)}  ${r.k}`,
      );
  }
  for (const kind of ['self', 'total'] as const) {
    const m = kind === 'self' ? self : total;
    const keys = new Set([...m.case.keys(), ...m.floor.keys()]);
    const rows = [...keys]
      .map((k) => ({ k, c: per('case', m.case.get(k) ?? 0), f: per('floor', m.floor.get(k) ?? 0) }))
      .sort((a, b) => Math.abs(b.c - b.f) - Math.abs(a.c - a.f))
      .slice(0, top);
    console.log(`\n${kind} time, µs per call: case  floor  diff  function`);
    for (const r of rows)
      console.log(
        `${r.c.toFixed(1).padStart(7)} ${r.f.toFixed(1).padStart(6)} ${(r.c - r.f).toFixed(1).padStart(6)}  ${r.k}`,
      );
  }
}
