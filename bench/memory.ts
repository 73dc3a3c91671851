import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { commands } from '../commands/index.js';
import { deployCommands } from '../src/discord/deploy.js';
import type { Bundles } from './bundle.js';
import { COMMAND_CASES } from './cases.js';
import { log, REPO_ROOT, scratchDir, sleep } from './support.js';

export interface MemorySnapshot {
  rss: number;
  /** Linux only: RSS of anonymous memory, and of file-backed pages (node binary, addons). */
  rssAnon?: number;
  rssFile?: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  guilds: number;
  channels: number;
  users: number;
  interactions: number;
  faults: number;
}

export interface MemoryScenario {
  name: string;
  guilds: number;
  interactions: number;
  /** Right after clientReady (plus a short settle). */
  afterStart: MemorySnapshot;
  afterStartGc: MemorySnapshot;
  /** After the interactions (if any), settled; then again after a forced full GC. */
  afterWork: MemorySnapshot | null;
  afterWorkGc: MemorySnapshot | null;
  /** Interactions that got no final answer. */
  unanswered: number;
  seconds: number;
}

export interface MemoryResult {
  /**
   * The one-guild scenario (the median run: the budget), many guilds, the bare-client floor, and the bare
   * client using Intl as Pitboard does (for scale).
   */
  scenarios: MemoryScenario[];
  /** Every run of the one-guild scenario. */
  oneGuildRuns?: MemoryScenario[];
  /** Every run of the bare client (the floor row is their median). */
  bareRuns?: MemoryScenario[];
  /** (RSS with many guilds − RSS with one) / extra guilds, bytes; also for the heap after GC. */
  perGuildRssBytes: number | null;
  perGuildHeapBytes: number | null;
}

const FIRST_USER = 500_000_000_000_000_000n;

export function request<T>(
  child: ChildProcess,
  message: object,
  reply: string,
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${reply}" from the memory probe`)), timeoutMs);
    const onMessage = (m: { type: string } & Record<string, unknown>) => {
      if (m.type !== reply) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    if (Object.keys(message).length > 0) child.send(message);
  });
}

export async function measure(child: ChildProcess, gc: boolean): Promise<MemorySnapshot> {
  return (await request<{ memory: MemorySnapshot }>(child, { type: 'measure', gc }, 'measured')).memory;
}

/** Inject `count` commands from distinct users, `concurrency` at a time, cycling through the cases. */
async function drive(discord: LocalDiscord, count: number, concurrency: number): Promise<number> {
  let unanswered = 0;
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => {
      const i = start + offset;
      const testCase = COMMAND_CASES[i % COMMAND_CASES.length];
      if (!testCase) return Promise.resolve();
      return discord
        .injectCommand({
          name: testCase.command,
          options: testCase.options as Record<string, string | number | boolean>,
          userId: String(FIRST_USER + BigInt(i)),
          ...(testCase.locale && { locale: testCase.locale }),
        })
        .final(30_000)
        .then(
          () => undefined,
          () => {
            unanswered++;
          },
        );
    });
    await Promise.all(batch);
    // The local Discord keeps every message and attachment: forget them (this process is not measured).
    discord.clearHistory();
  }
  return unanswered;
}

/**
 * One scenario in a fresh child process: the real runtime (bench/child/memory-bot.ts) against a local
 * Discord with `guilds` guilds held in this process, then `interactions` commands from distinct users.
 */
/** How to start the memory probe: tsx on the sources (as `npm start` runs) or compiled JS, extra env. */
export interface MemoryProbe {
  script: string;
  execArgv: string[];
  env?: Record<string, string>;
}

export const TSX_MEMORY_PROBE: MemoryProbe = {
  script: join(REPO_ROOT, 'bench/child/memory-bot.ts'),
  execArgv: ['--expose-gc', '--import', 'tsx'],
};

export async function memoryScenario(
  name: string,
  guilds: number,
  interactions: number,
  probe: MemoryProbe = TSX_MEMORY_PROBE,
): Promise<MemoryScenario> {
  const started = Date.now();
  const scratch = scratchDir('memory');
  const discord = await startLocalDiscord({ guilds, interactionDeadlineMs: 30_000 });
  const config = {
    discord: {
      token: discord.token,
      applicationId: discord.applicationId,
      guildId: null,
      apiUrl: discord.restUrl,
    },
  };
  await deployCommands({ config, commands });
  const child = forkBotProbe(discord, probe, join(scratch.dir, 'memory.sqlite'));
  try {
    await request(child, {}, 'ready', 120_000);
    await sleep(1000);
    const afterStart = await measure(child, false);
    const afterStartGc = await measure(child, true);
    let afterWork: MemorySnapshot | null = null;
    let afterWorkGc: MemorySnapshot | null = null;
    let unanswered = 0;
    if (interactions > 0) {
      unanswered = await drive(discord, interactions, 50);
      await sleep(1000);
      afterWork = await measure(child, false);
      afterWorkGc = await measure(child, true);
    }
    await stopBotProbe(child);
    const result = {
      name,
      guilds,
      interactions,
      afterStart,
      afterStartGc,
      afterWork,
      afterWorkGc,
      unanswered,
      seconds: (Date.now() - started) / 1000,
    };
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
    log(
      `memory ${name}: RSS after start ${mb(afterStart.rss)}${afterWork ? `, after ${interactions} interactions ${mb(afterWork.rss)}` : ''}`,
    );
    return result;
  } finally {
    await stopBotProbe(child);
    await discord.close();
    scratch.remove();
  }
}

/**
 * Stop the probe gracefully, then wait for its exit (so that its CPU time counts as this run's, not as other
 * processes'); SIGTERM if it is still there. Safe to call twice.
 */
export async function stopBotProbe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) await request(child, { type: 'stop' }, 'stopped', 30_000).catch(() => undefined);
  await Promise.race([exit, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    process.kill(child.pid, 'SIGTERM');
    await Promise.race([exit, sleep(5000)]);
  }
}

/** The bot probe (bench/child/memory-bot.ts) logging in to `discord`; answers 'ready' over IPC. */
export function forkBotProbe(
  discord: LocalDiscord,
  probe: MemoryProbe,
  storePath: string,
  env: Record<string, string> = {},
): ChildProcess {
  return fork(probe.script, [], {
    cwd: REPO_ROOT,
    execArgv: probe.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_TOKEN: discord.token,
      BENCH_APPLICATION_ID: discord.applicationId,
      BENCH_API_URL: discord.restUrl,
      BENCH_STORE: storePath,
      ...probe.env,
      ...env,
    },
  });
}

/** The memory probe bundled and run as `npm start` runs dist/main.mjs. */
export function bundledMemoryProbe(bundles: Bundles): MemoryProbe {
  return { script: bundles.memoryBot, execArgv: [...bundles.nodeFlags, '--expose-gc'] };
}

export async function runMemory(
  options: { interactions: number; manyGuilds: number; repeats: number },
  bundles: Bundles,
): Promise<MemoryResult> {
  const probe = bundledMemoryProbe(bundles);
  const bareProbe = { script: bundles.bareClient, execArgv: probe.execArgv };
  // RSS of the same scenario moves by several MB from run to run (allocator and V8 heap state at the
  // moment of reading): the budget compares the median of a few fresh processes of each, Pitboard's and
  // the bare client's, run alternately so that both see the same machine; every run is reported.
  const runs: MemoryScenario[] = [];
  const bareRuns: MemoryScenario[] = [];
  for (let i = 0; i < options.repeats; i++) {
    runs.push(await memoryScenario(`one guild, run ${i + 1}`, 1, options.interactions, probe));
    bareRuns.push(await memoryScenario(`bare client, run ${i + 1}`, 1, options.interactions, bareProbe));
  }
  const one = medianRun('one guild', runs);
  const bare = medianRun('floor: a bare discord.js client, one guild', bareRuns);
  const many = await memoryScenario(`${options.manyGuilds} guilds`, options.manyGuilds, 0, probe);
  // Not a budget: how much of the difference is Node's ICU, which any process that localises pays.
  const bareIntl = await memoryScenario(
    'for scale: the bare client also using Intl in six languages',
    1,
    options.interactions,
    { script: bundles.bareClient, execArgv: probe.execArgv, env: { BENCH_INTL: '1' } },
  );
  const extra = many.guilds - one.guilds;
  return {
    scenarios: [one, many, bare, bareIntl],
    oneGuildRuns: runs,
    bareRuns,
    perGuildRssBytes: extra > 0 ? (many.afterStart.rss - one.afterStart.rss) / extra : null,
    perGuildHeapBytes: extra > 0 ? (many.afterStartGc.heapUsed - one.afterStartGc.heapUsed) / extra : null,
  };
}

/** The run with the median RSS after the interactions, named as the scenario it stands for. */
function medianRun(name: string, runs: MemoryScenario[]): MemoryScenario {
  const byRss = [...runs].sort((a, b) => (a.afterWork?.rss ?? 0) - (b.afterWork?.rss ?? 0));
  const median = byRss[Math.floor((byRss.length - 1) / 2)] as MemoryScenario;
  return { ...median, name: runs.length > 1 ? `${name} (median of ${runs.length} runs)` : name };
}
