import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** One function's share of a CPU profile. */
export interface ProfileLine {
  /** "functionName (file:line)", file relative to the repository or to node_modules. */
  where: string;
  /** CPU time with the function on top of the stack, per call of the profiled work (µs). */
  selfUs: number;
  /** CPU time with the function anywhere on the stack, per call (µs). */
  totalUs: number;
  /** Shares of the profiled CPU time (idle excluded). */
  selfPercent: number;
  totalPercent: number;
}

export interface ProfileResult {
  calls: number;
  /** CPU time per call (µs), idle excluded. */
  cpuUsPerCall: number;
  /** Wall time per call (µs). */
  wallUsPerCall: number;
  /** Every function, most self time first. */
  lines: ProfileLine[];
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IDLE = new Set(['(idle)', '(program)', '(root)']);

function place(node: CpuNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  let file = url.replace(/^file:\/\//, '');
  const ours = file.startsWith(ROOT) && !file.includes('/node_modules/');
  if (file.startsWith(ROOT)) file = file.slice(ROOT.length);
  file = file.replace(/^.*node_modules\//, '');
  const name = functionName || '(anonymous)';
  if (!file) return name;
  // Our TypeScript runs transpiled by tsx: its line numbers do not match the source, so leave them out.
  return ours ? `${name} (${file})` : `${name} (${file}:${lineNumber + 1})`;
}

/**
 * Profile `work` with V8's sampling profiler through the inspector (the same data `node --cpu-prof`
 * writes) for about `durationMs`, and attribute CPU time per call to functions.
 */
export async function profileWork(
  work: () => unknown,
  { durationMs = 1500, intervalUs = 50 } = {},
): Promise<ProfileResult> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const t0 = process.hrtime.bigint();
    const end = t0 + BigInt(durationMs * 1e6);
    let calls = 0;
    while (process.hrtime.bigint() < end) {
      await work();
      calls++;
    }
    const wallUs = Number(process.hrtime.bigint() - t0) / 1e3;
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.post('Profiler.disable');
    return summarizeProfile(profile, calls, wallUs);
  } finally {
    session.disconnect();
  }
}

export function summarizeProfile(profile: CpuProfile, calls: number, wallUs: number): ProfileResult {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let cpu = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    // A sample's time is the delta to the next sample.
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    cpu += us;
    const key = place(node);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: CpuNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      if (IDLE.has(at.callFrame.functionName)) continue;
      const k = place(at);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  });
  const perCall = (us: number) => (calls > 0 ? us / calls : 0);
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([where, us]) => ({
      where,
      selfUs: perCall(us),
      totalUs: perCall(total.get(where) ?? us),
      selfPercent: cpu > 0 ? (100 * us) / cpu : 0,
      totalPercent: cpu > 0 ? (100 * (total.get(where) ?? us)) / cpu : 0,
    }));
  return { calls, cpuUsPerCall: perCall(cpu), wallUsPerCall: perCall(wallUs), lines };
}

/** Self time grouped by package or source folder, per call (µs), biggest first. */
export function byModule(result: ProfileResult): { module: string; us: number; percent: number }[] {
  const groups = new Map<string, number>();
  for (const line of result.lines) {
    const file = /\(([^():]+)(?::\d+)?\)$/.exec(line.where)?.[1] ?? '';
    let module: string;
    if (line.where.startsWith('(garbage collector)')) module = 'garbage collector';
    else if (file.startsWith('packages/local-discord/')) module = 'local Discord (packages/local-discord)';
    else if (file.startsWith('src/') || file.startsWith('commands/') || file.startsWith('bench/'))
      module = 'Pitboard (src, commands)';
    else if (file === '' || file.startsWith('node:'))
      module = 'Node.js internals (I/O, JSON, RegExp, natives)';
    else module = file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : (file.split('/')[0] ?? file);
    groups.set(module, (groups.get(module) ?? 0) + line.selfUs);
  }
  const cpu = result.cpuUsPerCall || 1;
  return [...groups.entries()]
    .map(([module, us]) => ({ module, us, percent: (100 * us) / cpu }))
    .sort((a, b) => b.us - a.us);
}
