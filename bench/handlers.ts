import { findCommand } from '../commands/index.js';
import type { AppContext } from '../src/core/app-context.js';
import type { Command, Invoker, Reply } from '../src/core/command.js';
import { runAutocomplete, runCommand } from '../src/core/run-command.js';
import type { AutocompleteCase, CommandCase } from './cases.js';
import { type LatencySummary, summarizeNs } from './stats.js';

/** Who asks, as the Discord adapter builds it for a guild member (the handlers only read guildId). */
export const BENCH_INVOKER: Invoker = {
  guildId: '900000000000000001',
  channelId: '900000000000000002',
  userId: '900000000000000003',
  permissions: '0',
};

/** The bench's invoker, asking from a client in the case's language (English when it names none). */
export function invokerFor(testCase: { readonly locale?: string }): Invoker {
  return testCase.locale ? { ...BENCH_INVOKER, locale: testCase.locale } : BENCH_INVOKER;
}

export interface LoopOptions {
  /** Measured calls (at most). */
  calls: number;
  /** Unmeasured calls first, so the JIT has settled. */
  warmup: number;
  /** Stop measuring after this much time even if `calls` is not reached (growth runs on huge seasons). */
  timeCapMs?: number;
  /** But measure at least this many calls. */
  minCalls?: number;
}

export interface HandlerMeasurement {
  label: string;
  kind: 'command' | 'autocomplete';
  /** First call in this process (renders the PNG for picture commands), ms. */
  coldMs: number;
  summary: LatencySummary;
  /** What the call answered, for a reader to check the case does what its label says. */
  outcome: string;
  /** Size of the reply body as JSON (bytes) and of its files. */
  replyBytes: number;
  fileBytes: number;
}

export function requireCommand(name: string): Command {
  const command = findCommand(name);
  if (!command) throw new Error(`no /${name} in commands/index.ts`);
  return command;
}

export function describeReply(reply: Reply, failure: unknown): string {
  if (failure) return `FAULT: ${failure instanceof Error ? failure.message : String(failure)}`;
  const ephemeral = ((reply.data.flags ?? 0) & 64) !== 0;
  const embeds = reply.data.embeds ?? [];
  if (embeds.length === 0)
    return `${ephemeral ? 'ephemeral ' : ''}text: ${(reply.data.content ?? '').slice(0, 60)}`;
  const fields = embeds.reduce((n, e) => n + (e.fields?.length ?? 0), 0);
  const files = reply.files?.length ?? 0;
  return `${ephemeral ? 'ephemeral ' : ''}embed "${(embeds[0]?.title ?? '').slice(0, 50)}"${fields ? `, ${fields} fields` : ''}${files ? `, ${files} PNG` : ''}`;
}

async function loop(
  options: LoopOptions,
  once: () => Promise<unknown> | unknown,
): Promise<{ samples: Float64Array; count: number }> {
  for (let i = 0; i < options.warmup; i++) await once();
  const samples = new Float64Array(options.calls);
  const started = process.hrtime.bigint();
  const cap = options.timeCapMs === undefined ? null : BigInt(Math.round(options.timeCapMs * 1e6));
  const minCalls = options.minCalls ?? options.calls;
  let count = 0;
  while (count < options.calls) {
    const t0 = process.hrtime.bigint();
    await once();
    const t1 = process.hrtime.bigint();
    samples[count++] = Number(t1 - t0);
    if (cap !== null && count >= minCalls && t1 - started > cap) break;
  }
  return { samples: samples.subarray(0, count), count };
}

/** Time `runCommand` exactly as the adapters call it: a fresh context per call, the shared model. */
export async function measureCommandCase(
  app: AppContext,
  testCase: CommandCase,
  options: LoopOptions,
): Promise<HandlerMeasurement> {
  const command = requireCommand(testCase.command);
  const call = () => runCommand(command, testCase.options, app.makeContext(invokerFor(testCase)));
  const t0 = process.hrtime.bigint();
  const first = await call();
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const { samples } = await loop(options, call);
  const fileBytes = (first.reply.files ?? []).reduce((n, f) => n + f.data.byteLength, 0);
  return {
    label: testCase.label,
    kind: 'command',
    coldMs,
    summary: summarizeNs(samples),
    outcome: describeReply(first.reply, first.failure),
    replyBytes: Buffer.byteLength(JSON.stringify(first.reply.data)),
    fileBytes,
  };
}

/** Time `runAutocomplete` as the adapter calls it (synchronous; the await mirrors the adapter's async path). */
export async function measureAutocompleteCase(
  app: AppContext,
  testCase: AutocompleteCase,
  options: LoopOptions,
): Promise<HandlerMeasurement> {
  const command = requireCommand(testCase.command);
  const call = () =>
    runAutocomplete(command, testCase.focused, testCase.options, app.makeContext(BENCH_INVOKER));
  const t0 = process.hrtime.bigint();
  const first = call();
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const { samples } = await loop(options, call);
  const top = first.choices.slice(0, 3).map((c) => c.name.split(' · ')[0]);
  return {
    label: testCase.label,
    kind: 'autocomplete',
    coldMs,
    summary: summarizeNs(samples),
    outcome: first.failure
      ? `FAULT: ${String(first.failure)}`
      : `${first.choices.length} choices${top.length ? `: ${top.join(', ')}${first.choices.length > 3 ? ', …' : ''}` : ''}`,
    replyBytes: Buffer.byteLength(JSON.stringify(first.choices)),
    fileBytes: 0,
  };
}
