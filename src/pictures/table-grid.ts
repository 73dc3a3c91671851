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
