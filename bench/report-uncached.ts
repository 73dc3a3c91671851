import { mark, n, table } from './markdown.js';
import { fmtMs } from './stats.js';
import type { UncachedResult } from './uncached.js';

/**
 * The "what users hit" table: one row per family of distinct requests, each asked once per fresh model,
 * a request's time being its median over the fresh loads.
 */
export function uncachedBlock(
  result: UncachedResult | null | undefined,
  limits: { commandMs: number; autocompleteMs: number },
): string[] {
  if (!result)
    return ['_Not run (results written before the uncached rows existed, or section skipped)._', ''];
  return [
    `Every distinct request once on a freshly loaded \`${result.season}\` (no reply memo hits), after the JIT was warmed on the same kinds of requests against ${result.warmedOn.map((s) => `\`${s}\``).join(' and ')}; repeated on ${result.passes} fresh load(s), a request's time being its median over them. Pictures are not in these rows (text:true): a picture is rendered once per season and data version, in a child process ("cold" above). Budgets: p99 ≤ ${fmtMs(limits.commandMs)} per command, ≤ ${fmtMs(limits.autocompleteMs)} per autocomplete (❌ = over).`,
    '',
    table(
      ['Requests', 'Kind', 'Count', 'p50', 'p90', 'p99', 'Slowest', 'Faults'],
      result.rows.map((r) => [
        r.label,
        r.kind,
        n(r.requests),
        fmtMs(r.summary.p50),
        fmtMs(r.summary.p90),
        `${fmtMs(r.summary.p99)}${mark(r.summary.p99, r.kind === 'command' ? limits.commandMs : limits.autocompleteMs)}`,
        `${r.slowest} (${fmtMs(r.slowestMs)})`,
        String(r.faults),
      ]),
    ),
    '',
  ];
}
