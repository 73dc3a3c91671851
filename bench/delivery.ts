import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalDiscord } from '@pitboard/local-discord';
import { commands } from '../commands/index.js';
import type { Command } from '../src/core/command.js';
import { deployCommands } from '../src/discord/deploy.js';
import type { Bundles } from './bundle.js';
import { COMMAND_CASES } from './cases.js';
import {
  type HttpStages,
  httpStages,
  type InProcessTimes,
  inProcessTimes,
  type SpanRecord,
  type SpanReport,
} from './delivery-spans.js';
import { FLOOR_COMMAND_NAME, floorCommand } from './floor-command.js';
import {
  bundledMemoryProbe,
  forkBotProbe,
  type MemorySnapshot,
  measure,
  request,
  stopBotProbe,
} from './memory.js';
import { median } from './stats.js';
import { log, scratchDir } from './support.js';
import { measureVerification } from './verify-cost.js';

export type Delivery = 'gateway' | 'http';

/** One text command, each delivery against the floor command answered the same way, samples interleaved. */
export interface DeliveryRow {
  label: string;
  /** Samples per delivery (command and floor alike). */
  samples: number;
  /** From the interaction leaving the local Discord until the reply's last byte arrived there. */
  gatewayMedianMs: number;
  gatewayFloorMs: number;
  httpMedianMs: number;
  httpFloorMs: number;
  /** Inside each bot process (bench/delivery-spans.ts); absent in old results. */
  inProcess?: InProcessTimes;
}

export interface DeliveryResult {
  rows: DeliveryRow[];
  /** Interactions each bot answered before its memory was read. */
  interactions: { gateway: number; http: number };
  /** Each bot process after its interactions, after a forced full GC. */
  memory: { gateway: MemorySnapshot; http: MemorySnapshot };
  faults: number;
  validationFailures: number;
  /**
   * The endpoint's signature check alone (bench/verify-cost.ts) over a body as large as the interactions
   * delivered: the work HTTP delivery requires and the gateway does not. Absent in old results.
   */
  verification?: { medianUs: number; bodyBytes: number };
  /** The HTTP worker's stages over every timed interaction, commands and floors (absent in old results). */
  httpStages?: HttpStages;
  /** Each bot process's heap after a full GC after each row (MB), in row order: a leak shows here. */
  heapByRow?: { gateway: number[]; http: number[] };
}

const FIRST_USER = 600_000_000_000_000_000n;
const SPANS_PRELOAD = pathToFileURL(join(import.meta.dirname, 'delivery-spans-preload.mjs')).href;

/**
 * HTTP inline reply vs gateway reply: two bot processes (bench/child/memory-bot.ts, bundled as `npm start`
 * runs), one logged in over the gateway, one serving HTTP mode, both on one local Discord. The local
 * Discord switches delivery between them (setInteractionsEndpoint(url) / (null)) in blocks, alternating
 * which goes first, so drift hits both alike; inside a block floor and command alternate.
 */
export async function runDelivery(
  options: { samples: number; blocks: number; warmupRounds: number },
  bundles: Bundles,
): Promise<DeliveryResult> {
  const scratch = scratchDir('delivery');
  const discord = await startLocalDiscord();
  const children: ChildProcess[] = [];
  try {
    const guild = discord.guilds[0];
    if (!guild) throw new Error('the local Discord has no guild');
    const registered: Command[] = [...commands, floorCommand];
    await deployCommands({
      config: {
        discord: {
          token: discord.token,
          applicationId: discord.applicationId,
          guildId: guild.id,
          apiUrl: discord.restUrl,
        },
      },
      commands: registered,
    });
    const probe = bundledMemoryProbe(bundles);
    const start = async (mode: Delivery) => {
      const child = forkBotProbe(discord, probe, join(scratch.dir, `${mode}.sqlite`), {
        BENCH_FLOOR: '1',
        BENCH_MODE: mode,
        BENCH_PUBLIC_KEY: discord.publicKey,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${SPANS_PRELOAD}`.trim(),
      });
      children.push(child);
      const ready = await request<{ interactionsUrl?: string | null }>(child, {}, 'ready', 120_000);
      return { child, url: ready.interactionsUrl ?? null };
    };
    const gateway = await start('gateway');
    const http = await start('http');
    if (!http.url) throw new Error('the HTTP-mode bot reported no endpoint URL');
    const deliverBy = (mode: Delivery) => discord.setInteractionsEndpoint(mode === 'http' ? http.url : null);

    let user = 0n;
    let largestPayload = '';
    let lastId = '';
    const spans = (child: ChildProcess) =>
      request<SpanReport>(child, { type: 'delivery-spans' }, 'delivery-spans');
    const time = async (name: string, opts: Record<string, string | number | boolean>, locale?: string) => {
      const interaction = discord.injectCommand({
        name,
        options: opts,
        userId: String(FIRST_USER + user++),
        ...(locale && { locale }),
      });
      lastId = interaction.id;
      await interaction.final();
      // After the answer: an HTTP request leaves on the next tick (sentAt is set before), so work done here
      // before awaiting would count against HTTP delivery only.
      const payload = JSON.stringify(interaction.payload);
      if (payload.length > largestPayload.length) largestPayload = payload;
      const arrivedAt = interaction.callback?.arrivedAt;
      if (arrivedAt === undefined) throw new Error(`/${name}: no reply recorded`);
      return arrivedAt - interaction.sentAt;
    };
    const textCases = COMMAND_CASES.filter((c) => !c.picture);
    const asOptions = (o: unknown) => o as Record<string, string | number | boolean>;

    for (const mode of ['gateway', 'http'] as const) {
      await deliverBy(mode);
      for (let round = 0; round < options.warmupRounds; round++) {
        await time(FLOOR_COMMAND_NAME, {});
        for (const c of textCases) await time(c.command, asOptions(c.options), c.locale);
      }
      discord.clearHistory();
    }
    await spans(gateway.child);
    await spans(http.child);
    const heapByRow = { gateway: [] as number[], http: [] as number[] };
    const stageSamples: SpanRecord[] = [];

    const rows: DeliveryRow[] = [];
    const perBlock = Math.max(1, Math.round(options.samples / options.blocks));
    for (const [index, c] of textCases.entries()) {
      const got: Record<Delivery, { cmd: number[]; floor: number[] }> = {
        gateway: { cmd: [], floor: [] },
        http: { cmd: [], floor: [] },
      };
      const commandIds = new Set<string>();
      for (let block = 0; block < options.blocks; block++) {
        const mode: Delivery = (block + index) % 2 === 0 ? 'gateway' : 'http';
        await deliverBy(mode);
        for (let i = 0; i < perBlock; i++) {
          const floorFirst = i % 2 === 0;
          if (floorFirst) got[mode].floor.push(await time(FLOOR_COMMAND_NAME, {}));
          got[mode].cmd.push(await time(c.command, asOptions(c.options), c.locale));
          commandIds.add(lastId);
          if (!floorFirst) got[mode].floor.push(await time(FLOOR_COMMAND_NAME, {}));
        }
        discord.clearHistory();
      }
      const [gatewaySpans, httpSpans] = [await spans(gateway.child), await spans(http.child)];
      heapByRow.gateway.push(gatewaySpans.heapUsed / 2 ** 20);
      heapByRow.http.push(httpSpans.heapUsed / 2 ** 20);
      stageSamples.push(...httpSpans.records);
      const row: DeliveryRow = {
        label: c.label,
        samples: got.http.cmd.length,
        gatewayMedianMs: median(got.gateway.cmd),
        gatewayFloorMs: median(got.gateway.floor),
        httpMedianMs: median(got.http.cmd),
        httpFloorMs: median(got.http.floor),
        inProcess: inProcessTimes(gatewaySpans, httpSpans, commandIds),
      };
      rows.push(row);
      log(
        `delivery ${c.label}: HTTP ${row.httpMedianMs.toFixed(3)} ms (floor ${row.httpFloorMs.toFixed(3)}) vs gateway ${row.gatewayMedianMs.toFixed(3)} ms (floor ${row.gatewayFloorMs.toFixed(3)}); in-process HTTP ${row.inProcess?.httpMs.toFixed(3)} (${row.inProcess?.httpWithoutCheckMs.toFixed(3)} without the check) vs gateway ${row.inProcess?.gatewayMs.toFixed(3)}; heap HTTP ${(httpSpans.heapUsed / 2 ** 20).toFixed(1)} MB ELU ${httpSpans.eventLoopUtilization.toFixed(2)}, gateway ${(gatewaySpans.heapUsed / 2 ** 20).toFixed(1)} MB ELU ${gatewaySpans.eventLoopUtilization.toFixed(2)}`,
      );
    }
    await deliverBy('gateway');
    const verification = measureVerification(Buffer.from(largestPayload));
    const stages = httpStages(stageSamples);
    log(
      `delivery: HTTP worker stages from the request event (median ms): ${Object.entries(stages)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(', ')}`,
    );
    log(
      `delivery: Ed25519 verification of a ${verification.bodyBytes}-byte interaction ${verification.medianUs.toFixed(1)} µs`,
    );
    const memGateway = await measure(gateway.child, true);
    const memHttp = await measure(http.child, true);
    log(
      `delivery: RSS after GC, gateway bot ${(memGateway.rss / 2 ** 20).toFixed(0)} MB, HTTP worker ${(memHttp.rss / 2 ** 20).toFixed(0)} MB`,
    );
    return {
      rows,
      interactions: { gateway: memGateway.interactions, http: memHttp.interactions },
      memory: { gateway: memGateway, http: memHttp },
      faults: memGateway.faults + memHttp.faults,
      validationFailures: discord.validationFailures.length,
      verification,
      httpStages: stages,
      heapByRow,
    };
  } finally {
    for (const child of children) await stopBotProbe(child);
    await discord.close();
    scratch.remove();
  }
}
