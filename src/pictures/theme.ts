import type { TextStyle } from './text-metrics.js';

/** Type scale in SVG px (the PNG is rendered at 2×); sized to stay legible when Discord shrinks it. */
export const TYPE = {
  title: { size: 18, weight: 'bold' },
  subtitle: { size: 12.5, weight: 'regular' },
  header: { size: 11.5, weight: 'bold' },
  name: { size: 12.5, weight: 'regular' },
  position: { size: 12.5, weight: 'bold' },
  team: { size: 11.5, weight: 'regular' },
  cell: { size: 12, weight: 'regular' },
  total: { size: 12.5, weight: 'bold' },
  legend: { size: 11, weight: 'regular' },
  footer: { size: 10.5, weight: 'regular' },
} as const satisfies Record<string, TextStyle>;

export const SPACE = {
  /** Outer margin around everything. */
  margin: 16,
  /** Vertical gap between stacked blocks (title, table, legend, footer). */
  gap: 12,
  cellPadX: 7,
  rowPadY: 5,
  lineHeight: 15,
  headerTier: 20,
  /** The picture never gets narrower than this, so short tables still have room for title and legend. */
  minContentWidth: 460,
} as const;
