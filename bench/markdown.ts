/** Formatting helpers for the generated report (docs/benchmarks.md). */
export const mb = (bytes: number | undefined | null) =>
  bytes === undefined || bytes === null ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 2 ** 20).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} B`;
export const us = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
export const n = (v: number) => v.toLocaleString('en');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
export const verdict = (pass: boolean | null) => (pass === null ? 'not run' : pass ? '✅ met' : '❌ missed');

export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** " ❌" after a figure over its limit. */
export function mark(value: number, limit: number): string {
  return value > limit ? ' ❌' : '';
}

/** Per-second counts, shortened for long runs: the distinct values with how often each occurs. */
export function perSecondText(counts: number[]): string {
  if (counts.length <= 30) return counts.join(', ');
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  const parts = [...tally].sort((a, b) => b[0] - a[0]).map(([v, k]) => `${v} (${k} s)`);
  return `${counts.length} s; per-second counts ${parts.join(', ')}`;
}
