import type { BenchResults } from './budgets.js';
import { START_NODE_FLAGS } from './bundle.js';
import { mb, n, table } from './markdown.js';
import { fmtMs } from './stats.js';
import { P99_LIMIT_MS } from './throughput.js';

/** Section 3b of the report: HTTP inline replies against gateway replies, and RSS per bot process. */
export function deliverySection(r: BenchResults): string[] {
  const out: string[] = ['## 3b. HTTP inline reply vs gateway reply', ''];
  const d = r.delivery;
  if (!d) return [...out, '_Not run._', ''];
  const s = r.settings.delivery;
  out.push(
    `Two bot processes (bench/child/memory-bot.ts with BENCH_FLOOR=1, bundled and run with \`node ${START_NODE_FLAGS.join(' ')}\` as \`npm start\` runs it) on one local Discord: one logged in over the gateway, one in HTTP mode (PITBOARD_MODE=http: signed POSTs, the reply is the HTTP response). The local Discord switches delivery between them in ${s?.blocks ?? '–'} blocks per command, alternating which goes first; inside a block floor (\`/bench-floor\`, answered the same way) and command alternate, one at a time, each from a new user, after ${s?.warmupRounds ?? '–'} warm-up rounds per delivery. Timed from the interaction leaving the local Discord (gateway frame handed to the socket; HTTP request written) until the reply's last byte arrived there. Budget: the HTTP median at or under the gateway median for every text command (pictures are deferred or uploaded, outside this budget). Faults ${d.faults}, validation failures ${d.validationFailures}.`,
    '',
    table(
      [
        'Command',
        'Samples',
        'HTTP median',
        'HTTP floor',
        'Gateway median',
        'Gateway floor',
        'HTTP / gateway',
        'HTTP − gateway',
      ],
      d.rows.map((row) => [
        row.label,
        n(row.samples),
        fmtMs(row.httpMedianMs),
        fmtMs(row.httpFloorMs),
        fmtMs(row.gatewayMedianMs),
        fmtMs(row.gatewayFloorMs),
        `×${(row.httpMedianMs / row.gatewayMedianMs).toFixed(2)}${row.httpMedianMs <= row.gatewayMedianMs ? '' : ' ❌'}`,
        `${((row.httpMedianMs - row.gatewayMedianMs) * 1000).toFixed(0)} µs`,
      ]),
    ),
    '',
    ...verificationNote(d),
    ...inProcessSection(d),
    `Memory per bot process after its interactions and a forced full GC (gateway ${n(d.interactions.gateway)}, HTTP ${n(d.interactions.http)} interactions, one guild): HTTP worker RSS ${mb(d.memory.http.rss)} (heap ${mb(d.memory.http.heapUsed)}), gateway bot RSS ${mb(d.memory.gateway.rss)} (heap ${mb(d.memory.gateway.heapUsed)}). A \`PITBOARD_WORKERS=N\` fleet on one machine is N such workers plus a small primary that only forks them.`,
    '',
  );
  return out;
}

/** Section 3c of the report: interactions per second at p99 < 100 ms, gateway and HTTP with 1 and 2 workers. */
export function throughputSection(r: BenchResults): string[] {
  const out: string[] = ['## 3c. Interactions per second at p99 < 100 ms', ''];
  const t = r.throughput;
  if (!t || t.length === 0) return [...out, '_Not run._', ''];
  const s = r.settings.throughput;
  out.push(
    `Open-loop load (sent on schedule whatever the answers) of the text commands of section 1 in turn, each from a new user, at rising rates (${s?.rates.join(', ') ?? '–'}/s, ${s?.stepSeconds ?? '–'} s each, after a 1-s warm-up), stopping at the first step whose p99 reaches ${P99_LIMIT_MS} ms or leaves an interaction unanswered within 10 s, twice in a row (a step over the limit runs once more: a shared machine's bursts). Timed as in section 3b. Gateway: the bundled runtime in one process (a gateway session is not shared between processes, so "2 workers" does not apply; sharding splits guilds, not one guild's load). HTTP: \`npm start\` (the bundled dist/main) with PITBOARD_MODE=http and PITBOARD_WORKERS=1 or 2 on one Redis, node:cluster sharing the port. CPU per step in cores (of ${r.machine.cores}): the bot's processes (primary and workers), this process (the local Discord: signing, delivering, validating every reply, plus the load generator) and everything else on the machine.`,
    '',
    table(
      [
        'Setup',
        'Sustained (p99 < 100 ms)',
        'Rate',
        'p50',
        'p99',
        'Unanswered',
        'Bot cores',
        'Local Discord cores',
        'Other cores',
      ],
      t.flatMap((ramp) =>
        ramp.steps.map((step, i) => [
          i === 0 ? ramp.label : '',
          i === 0 ? (ramp.sustainedPerSecond === null ? 'none' : `${n(ramp.sustainedPerSecond)}/s`) : '',
          `${n(step.perSecond)}/s${step.retried ? ' (2nd try)' : ''}`,
          fmtMs(step.p50Ms),
          fmtMs(step.p99Ms),
          n(step.unanswered),
          step.botCores.toFixed(2),
          step.discordCores.toFixed(2),
          step.otherCores.toFixed(2),
        ]),
      ),
    ),
    '',
  );
  return out;
}

/**
 * The signature check is the one piece of work HTTP delivery adds: next to the table, what it costs alone,
 * and why a modelled network latency would not change the comparison.
 */
function verificationNote(d: NonNullable<BenchResults['delivery']>): string[] {
  const v = d.verification;
  if (!v) return [];
  const gaps = d.rows.map((row) => (row.httpMedianMs - row.gatewayMedianMs) * 1000).sort((a, b) => a - b);
  const middle = gaps[Math.floor(gaps.length / 2)] ?? Number.NaN;
  return [
    `What HTTP delivery adds: the endpoint checks the Ed25519 signature of every request before reading it (src/http/signature.ts, node:crypto; Discord revokes endpoints that skip it) — ${v.medianUs.toFixed(0)} µs per ${n(v.bodyBytes)}-byte interaction on this machine, timed alone in the benchmark's process. The middle HTTP − gateway difference above is ${middle.toFixed(0)} µs. Both spans hold one trip each way (gateway: the frame down, the callback POST up a kept-alive connection; HTTP: the request down, the response up), so a network latency added to both would add the same to each and leave the difference where it is; loopback hides nothing here. A difference at or under the verification time is the check Discord requires, not Pitboard's work.`,
    '',
  ];
}

/**
 * Where the time goes inside each bot process (bench/delivery-spans.ts): the round trip above also holds the
 * local Discord's work and two loopback hops, which differ between the deliveries and move with the load.
 */
function inProcessSection(d: NonNullable<BenchResults['delivery']>): string[] {
  const rows = d.rows.filter((row) => row.inProcess);
  if (rows.length === 0) return [];
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  const stages = d.httpStages;
  const stageText = stages
    ? ` Inside the HTTP worker, medians from the request event over every timed interaction: body read ${us(stages.bodyRead)}, signature checked ${us(stages.verified)}, parsed and validated ${us(stages.parsed)}, dispatched (the handler's synchronous part) ${us(stages.dispatched)}, answer in hand ${us(stages.ready)}, response head built ${us(stages.out)}${stages.ended === undefined ? '' : `, \`res.end()\` returned (the socket write) ${us(stages.ended)}`}.`
    : '';
  return [
    `Inside each bot process (a module preloaded into both, bench/delivery-spans-preload.mjs): gateway bot from the gateway frame read off the socket to the callback POST written to it (undici's request headers); HTTP worker from the request event to the response's head built, about to be written (src/http/interaction-timing.ts); neither side's socket write is counted. "Without the check" subtracts each request's own signature check.${stageText}`,
    '',
    table(
      [
        'Command',
        'Gateway bot',
        'HTTP worker',
        'Signature check',
        'HTTP worker without the check',
        'vs gateway',
      ],
      rows.map((row) => {
        const t = row.inProcess as NonNullable<typeof row.inProcess>;
        return [
          row.label,
          fmtMs(t.gatewayMs),
          fmtMs(t.httpMs),
          fmtMs(t.httpCheckMs),
          fmtMs(t.httpWithoutCheckMs),
          `×${(t.httpWithoutCheckMs / t.gatewayMs).toFixed(2)}`,
        ];
      }),
    ),
    '',
    ...heapNote(d),
  ];
}

/** A per-request leak in either process would grow its heap row after row. */
function heapNote(d: NonNullable<BenchResults['delivery']>): string[] {
  const h = d.heapByRow;
  if (!h || h.http.length < 2) return [];
  const span = (mbs: number[]) => `${mbs[0]?.toFixed(1)} → ${mbs.at(-1)?.toFixed(1)} MB`;
  return [
    `Heap after a full GC after each command's row, first row → last: HTTP worker ${span(h.http)}, gateway bot ${span(h.gateway)}.`,
    '',
  ];
}
