import { INK } from './palette.js';
import { attributes, num, text } from './svg.js';
import { TYPE } from './theme.js';

/**
 * Ruling lines as one path. Coordinates are whole SVG px, so at 2× each 1px line covers exactly two
 * device pixels and stays sharp.
 */
export class GridLines {
  private readonly segments: string[] = [];

  vertical(x: number, top: number, bottom: number): this {
    this.segments.push(`M${num(x)} ${num(top)}V${num(bottom)}`);
    return this;
  }

  horizontal(y: number, left: number, right: number): this {
    this.segments.push(`M${num(left)} ${num(y)}H${num(right)}`);
    return this;
  }

  toSvg(): string {
    return `<path ${attributes({ d: this.segments.join(''), fill: 'none', stroke: INK.grid, 'stroke-width': 1 })}/>`;
  }
}

/** Left edges of consecutive columns starting at `left`, plus the right edge as the last entry. */
export function columnEdges(left: number, widths: number[]): number[] {
  const edges = [left];
  for (const width of widths) edges.push((edges.at(-1) ?? left) + width);
  return edges;
}

/** Height of the single message row that stands in for an empty table body. */
export const EMPTY_ROW_HEIGHT = 32;

export function emptyTableMessage(message: string, left: number, right: number, top: number): string {
  return text(message, {
    x: (left + right) / 2,
    cy: top + EMPTY_ROW_HEIGHT / 2,
    style: TYPE.name,
    fill: INK.muted,
    anchor: 'middle',
  });
}

/**
 * Column widths within a total: every column gets what its content needs when all fit; otherwise the
 * narrow columns keep their need and the widest ones share what is left equally ("water-filling"), never
 * below their minimum. So a short column never holds room a long one is cut for.
 */
export function shareWidths(needed: readonly number[], minimum: readonly number[], total: number): number[] {
  const need = needed.map((n, i) => Math.ceil(Math.max(n, minimum[i] ?? 0)));
  if (need.reduce((sum, n) => sum + n, 0) <= total) return need;
  // The level L with sum(min(need, max(L, minimum))) = total, found over the sorted needs.
  const order = need.map((_, i) => i).sort((a, b) => (need[a] ?? 0) - (need[b] ?? 0));
  let fixed = 0;
  let level = 0;
  for (const [rank, index] of order.entries()) {
    const open = order.length - rank;
    const candidate = (total - fixed) / open;
    if (candidate <= (need[index] ?? 0)) {
      level = candidate;
      break;
    }
    fixed += need[index] ?? 0;
  }
  const widths = need.map((n, i) => Math.floor(Math.min(n, Math.max(level, minimum[i] ?? 0))));
  return widths;
}
