import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { commands } from '../commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import { freePort, startRedis } from '../test/support/redis-server.js';
import type { Bundles } from './bundle.js';
import { COMMAND_CASES } from './cases.js';
import { bundledMemoryProbe, forkBotProbe, request, stopBotProbe } from './memory.js';
import { percentile } from './stats.js';
import { log, scratchDir, sleep } from './support.js';

export const P99_LIMIT_MS = 100;

export interface RampStep {
  perSecond: number;
  sent: number;
  /** No reply within the step's grace period (or an error answer). */
  unanswered: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU over the step, in cores: the bot's processes, this process (local Discord + load), the rest. */
  botCores: number;
  discordCores: number;
  otherCores: number;
  /** The first attempt at this rate was over the limit; these figures are the second. */
  retried?: boolean;
}

export interface RampResult {
  label: string;
  delivery: 'gateway' | 'http';
  workers: number;
  steps: RampStep[];
  /** The highest offered rate whose p99 stayed under the limit with every interaction answered. */
  sustainedPerSecond: number | null;
}

export interface RampOptions {
  /** Offered rates, in order; the ramp stops at the first step over the limit. */
  rates: number[];
  stepSeconds: number;
}

/** The highest rate of a ramp held under the p99 limit with nothing unanswered (steps in order). */
export function sustainedRate(steps: readonly RampStep[], limitMs = P99_LIMIT_MS): number | null {
  let best: number | null = null;
  for (const s of steps) {
    if (s.unanswered > 0 || !(s.p99Ms < limitMs)) break;
    best = s.perSecond;
  }
  return best;
}

const TICKS_PER_SECOND = 100;

/**
 * utime + stime of a process and all its descendants (node:cluster workers), in clock ticks; with
 * `alone`, of the process only (this one: the local Discord and the load, without its child processes).
 */
function treeTicks(rootPid: number, alone = false): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // Exited meanwhile.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += stats.get(pid)?.ticks ?? 0;
    if (alone) break;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total;
}

function machineTicks(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  return f.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
}

/**
 * One step: `perSecond` text commands for `stepSeconds`, open loop (sent on schedule whatever the answers),
 * timed from the interaction leaving the local Discord until the reply's last byte arrived there.
 */
async function step(
  discord: LocalDiscord,
  botPid: number,
  perSecond: number,
  stepSeconds: number,
): Promise<RampStep> {
  const cases = COMMAND_CASES.filter((c) => !c.picture);
  const total = Math.round(perSecond * stepSeconds);
  const pending: Promise<number | null>[] = [];
  const t0 = performance.now();
  const [bot0, self0, all0] = [treeTicks(botPid), treeTicks(process.pid, true), machineTicks()];
  for (let i = 0; i < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * perSecond) + 1);
    for (; i < due; i++) {
      const c = cases[i % cases.length] as (typeof cases)[number];
      const interaction = discord.injectCommand({
        name: c.command,
        options: c.options as Record<string, string | number | boolean>,
        userId: String(700_000_000_000_000_000n + BigInt(i)),
        ...(c.locale && { locale: c.locale }),
      });
      pending.push(
        interaction.final(10_000).then(
          () => {
            const at = interaction.callback?.arrivedAt;
            return at === undefined ? null : at - interaction.sentAt;
          },
          () => null,
        ),
      );
    }
    await sleep(1);
  }
  const spans = await Promise.all(pending);
  const seconds = (performance.now() - t0) / 1000;
  const [bot1, self1, all1] = [treeTicks(botPid), treeTicks(process.pid, true), machineTicks()];
  const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  const answered = spans.filter((s): s is number => s !== null).sort((a, b) => a - b);
  discord.clearHistory();
  return {
    perSecond,
    sent: total,
    unanswered: total - answered.length,
    p50Ms: answered.length ? percentile(answered, 50) : Number.NaN,
    p99Ms: answered.length ? percentile(answered, 99) : Number.NaN,
    botCores: cores(bot1 - bot0),
    discordCores: cores(self1 - self0),
    otherCores: Math.max(0, cores(all1 - all0 - (bot1 - bot0) - (self1 - self0))),
  } satisfies RampStep;
}

async function ramp(
  label: string,
  target: { delivery: 'gateway' | 'http'; workers: number; pid: number },
  discord: LocalDiscord,
  options: RampOptions,
): Promise<RampResult> {
  // Warm the bot's JIT and caches at a gentle rate before the first timed step.
  await step(discord, target.pid, options.rates[0] ?? 10, 1);
  const steps: RampStep[] = [];
  const over = (s: RampStep) => s.unanswered > 0 || !(s.p99Ms < P99_LIMIT_MS);
  for (const perSecond of options.rates) {
    let s: RampStep = await step(discord, target.pid, perSecond, options.stepSeconds);
    // On a shared machine one step can be hit by someone else's burst: a step over the limit is run once
    // more, and the ramp ends only when it is over again.
    if (over(s)) {
      log(
        `throughput ${label} ${perSecond}/s: p99 ${s.p99Ms.toFixed(1)} ms, ${s.unanswered} unanswered; once more`,
      );
      await sleep(1000);
      s = { ...(await step(discord, target.pid, perSecond, options.stepSeconds)), retried: true };
    }
    steps.push(s);
    log(
      `throughput ${label} ${perSecond}/s: p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, ${s.unanswered} unanswered; cores bot ${s.botCores.toFixed(2)}, local Discord ${s.discordCores.toFixed(2)}, other ${s.otherCores.toFixed(2)}`,
    );
    if (over(s)) break;
    await sleep(500);
  }
  return { label, ...target, steps, sustainedPerSecond: sustainedRate(steps) };
}

/** `npm start` (the bundled main) in HTTP mode with `workers` node:cluster workers on one Redis. */
async function startHttpFleet(discord: LocalDiscord, bundles: Bundles, redisUrl: string, workers: number) {
  const port = await freePort();
  const child = spawn(process.execPath, [...bundles.nodeFlags, bundles.main], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.restUrl,
      DISCORD_PUBLIC_KEY: discord.publicKey,
      PITBOARD_MODE: 'http',
      PITBOARD_WORKERS: String(workers),
      PITBOARD_STORE_URL: redisUrl,
      PITBOARD_HTTP_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ready = 0;
  const stderr: string[] = [];
  createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (line) => {
    if (line.includes('"interactions endpoint ready"')) ready++;
  });
  createInterface({ input: child.stderr as NonNullable<typeof child.stderr> }).on('line', (line) =>
    stderr.push(line),
  );
  const deadline = Date.now() + 90_000;
  while (ready < workers) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${stderr.slice(-5).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`${ready}/${workers} workers ready after 90 s`);
    await sleep(100);
  }
  await discord.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
  return { child, pid: child.pid as number };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exit, sleep(15_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Interactions per second at p99 < 100 ms: the gateway bot (one process: a gateway session is not shared
 * between processes), then `npm start` in HTTP mode with 1 and with 2 node:cluster workers, each ramped
 * through `rates` until p99 crosses the limit or an interaction goes unanswered.
 */
export async function runThroughput(options: RampOptions, bundles: Bundles): Promise<RampResult[]> {
  const scratch = scratchDir('throughput');
  const discord = await startLocalDiscord();
  const redis = await startRedis();
  const results: RampResult[] = [];
  try {
    const guild = discord.guilds[0];
    if (!guild) throw new Error('the local Discord has no guild');
    await deployCommands({
      config: {
        discord: {
          token: discord.token,
          applicationId: discord.applicationId,
          guildId: guild.id,
          apiUrl: discord.restUrl,
        },
      },
      commands,
    });
    const gateway = forkBotProbe(discord, bundledMemoryProbe(bundles), join(scratch.dir, 'gw.sqlite'));
    try {
      await request(gateway, {}, 'ready', 120_000);
      results.push(
        await ramp(
          'gateway, 1 process',
          { delivery: 'gateway', workers: 1, pid: gateway.pid as number },
          discord,
          options,
        ),
      );
    } finally {
      await stopBotProbe(gateway);
    }
    for (const workers of [1, 2]) {
      const fleet = await startHttpFleet(discord, bundles, redis.url, workers);
      try {
        results.push(
          await ramp(
            `HTTP, ${workers} worker${workers > 1 ? 's' : ''}`,
            { delivery: 'http', workers, pid: fleet.pid },
            discord,
            options,
          ),
        );
      } finally {
        await discord.setInteractionsEndpoint(null);
        await stopProcess(fleet.child);
      }
    }
    return results;
  } finally {
    await discord.close();
    await redis.stop();
    scratch.remove();
  }
}
