import type { SizedBlock } from './blocks.js';
import { CELL_FILLS, INK } from './palette.js';
import { group, rect, text } from './svg.js';
import { columnEdges, EMPTY_ROW_HEIGHT, emptyTableMessage, GridLines } from './table-grid.js';
import { fitText, measureText, normalizeText, type TextStyle } from './text-metrics.js';
import { SPACE, TYPE } from './theme.js';
import type { MatrixCell, MatrixColumn, MatrixRow, PictureLabels } from './types.js';

export const DRIVERS_MAX_WIDTH = 190;
const TEAM_MAX_WIDTH = 165;
// Positions, results and totals are short ('10', 'Ret', '101.5'); the caps only stop odd data blowing up the table.
const POSITION_MAX_WIDTH = 36;
// Room for a computed table's movement mark after the total ('101 ▲12').
const TOTAL_MAX_WIDTH = 84;
const ROUND_MIN_WIDTH = 30;
const ROUND_MAX_WIDTH = 52;
const ROUND_PAD_X = 4;

export interface StandingsTableInput {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  labels: PictureLabels;
}

/** Consecutive round columns under one header (a multi-part round like Spa, or a single round). */
interface HeaderSpan {
  label: string;
  first: number;
  count: number;
  /** Draw a second tier with per-column sublabels under the span's label. */
  split: boolean;
}

interface Layout {
  hasTeam: boolean;
  widths: { position: number; drivers: number; team: number; round: number; total: number };
  spans: HeaderSpan[];
  headerTiers: 1 | 2;
  rowHeights: number[];
}

/** The position / drivers / team / per-round cells / total table shared by the matrix and totals pictures. */
export function standingsTableBlock(input: StandingsTableInput): SizedBlock {
  return tableBlock(input, layoutTable(input));
}

function tableBlock(input: StandingsTableInput, layout: Layout): SizedBlock {
  const { widths } = layout;
  const roundWidths = input.columns.map(() => widths.round);
  const columnWidths = [
    widths.position,
    widths.drivers,
    ...(layout.hasTeam ? [widths.team] : []),
    ...roundWidths,
    widths.total,
  ];
  const width = columnWidths.reduce((sum, w) => sum + w, 0);
  const headerHeight = layout.headerTiers * SPACE.headerTier;
  const bodyHeight =
    input.rows.length === 0 ? EMPTY_ROW_HEIGHT : layout.rowHeights.reduce((sum, h) => sum + h, 0);

  return {
    width,
    height: headerHeight + bodyHeight,
    stretchTo: (target) => tableBlock(input, widen(layout, target - width)),
    draw(left, top) {
      const edges = columnEdges(left, columnWidths);
      const edge = (index: number) => edges[index] ?? left;
      const firstRound = layout.hasTeam ? 3 : 2;
      const cols = {
        position: edge(0),
        drivers: edge(1),
        team: edge(2),
        round: (index: number) => edge(firstRound + index),
        total: edge(firstRound + input.columns.length),
        right: edge(columnWidths.length),
      };
      const bodyTop = top + headerHeight;
      const bottom = bodyTop + bodyHeight;
      const grid = new GridLines();

      const header = drawHeader(input, layout, cols, top, grid);

      let rowTop = bodyTop;
      const rows = input.rows.map((row, rowIndex) => {
        const height = layout.rowHeights[rowIndex] ?? 0;
        if (rowIndex > 0) grid.horizontal(rowTop, left, cols.right);
        const svg = drawRow(row, rowIndex, input.columns.length, layout, cols, rowTop, height);
        rowTop += height;
        return svg;
      });
      if (input.rows.length === 0)
        rows.push(emptyTableMessage(input.labels.noEntries, left, cols.right, bodyTop));

      const innerSplitEdges = new Set(
        layout.spans
          .filter((span) => span.split)
          .flatMap((span) =>
            Array.from({ length: span.count - 1 }, (_, i) => firstRound + span.first + 1 + i),
          ),
      );
      for (const [index, x] of edges.entries()) {
        const isOuter = index === 0 || index === edges.length - 1;
        // Inside a split span the group label spans the top tier; with no rows the body is one message cell.
        const from = innerSplitEdges.has(index) ? top + SPACE.headerTier : top;
        grid.vertical(x, from, input.rows.length === 0 && !isOuter ? bodyTop : bottom);
      }
      grid.horizontal(top, left, cols.right).horizontal(bodyTop, left, cols.right);
      grid.horizontal(bottom, left, cols.right);

      return group({ 'data-role': 'table' }, [header, ...rows, grid.toSvg()]);
    },
  };
}

function layoutTable({ columns, rows, labels }: StandingsTableInput): Layout {
  const hasTeam = rows.length === 0 || rows.some((row) => row.team !== null);
  const spans = headerSpans(columns);
  const headerTiers = spans.some((span) => span.split) ? 2 : 1;

  const widest = (texts: string[], style: TextStyle) =>
    texts.reduce((max, t) => Math.max(max, measureText(normalizeText(t), style)), 0);
  /** Widest of the column heading and its values, capped, plus cell padding. */
  const columnWidth = (heading: string, values: string[], style: TextStyle, maxContent: number) =>
    Math.ceil(Math.min(maxContent, Math.max(measureText(heading, TYPE.header), widest(values, style)))) +
    2 * SPACE.cellPadX;

  const roundContent = Math.max(
    widest(
      columns.flatMap((column) => [column.label, column.sublabel ?? '']),
      TYPE.header,
    ),
    widest(
      rows.flatMap((row) => row.cells.map((cell) => cell.text)),
      TYPE.cell,
    ),
    ...spans.map((span) => measureText(span.label, TYPE.header) / span.count),
  );

  return {
    hasTeam,
    spans,
    headerTiers,
    widths: {
      position: columnWidth(
        labels.position,
        rows.map((row) => row.position),
        TYPE.position,
        POSITION_MAX_WIDTH,
      ),
      drivers: columnWidth(
        labels.drivers,
        rows.flatMap((row) => row.names),
        TYPE.name,
        DRIVERS_MAX_WIDTH,
      ),
      team: columnWidth(
        labels.team,
        rows.map((row) => row.team ?? ''),
        TYPE.team,
        TEAM_MAX_WIDTH,
      ),
      round: Math.max(ROUND_MIN_WIDTH, Math.ceil(Math.min(roundContent, ROUND_MAX_WIDTH)) + 2 * ROUND_PAD_X),
      total: columnWidth(
        labels.points,
        rows.map((row) => row.total),
        TYPE.total,
        TOTAL_MAX_WIDTH,
      ),
    },
    rowHeights: rows.map((row) => Math.max(1, row.names.length) * SPACE.lineHeight + 2 * SPACE.rowPadY),
  };
}

/** Gives spare width to the name columns, so a narrow table still spans the picture under its title. */
function widen(layout: Layout, extra: number): Layout {
  if (extra <= 0) return layout;
  const toTeam = layout.hasTeam ? Math.floor(extra / 2) : 0;
  const { widths } = layout;
  return {
    ...layout,
    widths: { ...widths, drivers: widths.drivers + extra - toTeam, team: widths.team + toTeam },
  };
}

function headerSpans(columns: MatrixColumn[]): HeaderSpan[] {
  const spans: HeaderSpan[] = [];
  for (const [index, column] of columns.entries()) {
    const label = column.group ?? column.label;
    const last = spans.at(-1);
    if (last && last.label === label && last.first + last.count === index) {
      last.count += 1;
      last.split ||= column.sublabel !== undefined;
    } else {
      spans.push({ label, first: index, count: 1, split: column.sublabel !== undefined });
    }
  }
  for (const span of spans) span.split ||= span.count > 1;
  return spans;
}

interface ColumnXs {
  position: number;
  drivers: number;
  team: number;
  round: (index: number) => number;
  total: number;
  right: number;
}

function drawHeader(
  { columns, labels }: StandingsTableInput,
  layout: Layout,
  cols: ColumnXs,
  top: number,
  grid: GridLines,
): string {
  const { widths } = layout;
  const height = layout.headerTiers * SPACE.headerTier;
  const midY = top + height / 2;
  const headerText = (label: string, x: number, cy: number, width: number, anchor: 'start' | 'middle') =>
    text(fitText(label, width - 2 * (anchor === 'start' ? SPACE.cellPadX : ROUND_PAD_X), TYPE.header), {
      x: anchor === 'start' ? x + SPACE.cellPadX : x + width / 2,
      cy,
      style: TYPE.header,
      fill: INK.text,
      anchor,
    });

  const parts = [
    rect({ x: cols.position, y: top, width: cols.right - cols.position, height, fill: INK.headerFill }),
    headerText(labels.position, cols.position, midY, widths.position, 'middle'),
    headerText(labels.drivers, cols.drivers, midY, widths.drivers, 'start'),
    ...(layout.hasTeam ? [headerText(labels.team, cols.team, midY, widths.team, 'start')] : []),
    headerText(labels.points, cols.total, midY, widths.total, 'middle'),
  ];

  for (const span of layout.spans) {
    const x = cols.round(span.first);
    const spanWidth = span.count * widths.round;
    if (!span.split) {
      parts.push(headerText(span.label, x, midY, spanWidth, 'middle'));
      continue;
    }
    const tierY = top + SPACE.headerTier;
    parts.push(headerText(span.label, x, top + SPACE.headerTier / 2, spanWidth, 'middle'));
    grid.horizontal(tierY, x, x + spanWidth);
    for (let index = span.first; index < span.first + span.count; index++) {
      const column = columns[index];
      if (!column) continue;
      const sub = column.sublabel ?? column.label;
      parts.push(headerText(sub, cols.round(index), tierY + SPACE.headerTier / 2, widths.round, 'middle'));
    }
  }
  return group({ 'data-role': 'header' }, parts);
}

function drawRow(
  row: MatrixRow,
  rowIndex: number,
  columnCount: number,
  layout: Layout,
  cols: ColumnXs,
  top: number,
  height: number,
): string {
  const { widths } = layout;
  const cy = top + height / 2;
  const parts: string[] = [];

  for (let index = 0; index < columnCount; index++) {
    const cell: MatrixCell = row.cells[index] ?? { text: '', kind: 'blank' };
    const x = cols.round(index);
    parts.push(
      rect({
        'data-cell': `${rowIndex}-${index}`,
        'data-kind': cell.kind,
        x,
        y: top,
        width: widths.round,
        height,
        fill: CELL_FILLS[cell.kind],
      }),
    );
    const label = fitText(cell.text, widths.round - 2 * ROUND_PAD_X, TYPE.cell);
    if (label) {
      parts.push(
        text(label, { x: x + widths.round / 2, cy, style: TYPE.cell, fill: INK.text, anchor: 'middle' }),
      );
    }
  }

  parts.push(
    text(fitText(row.position, widths.position - 2 * SPACE.cellPadX, TYPE.position), {
      x: cols.position + widths.position / 2,
      cy,
      style: TYPE.position,
      fill: INK.text,
      anchor: 'middle',
    }),
  );

  const names = row.names.length > 0 ? row.names : [''];
  const namesTop = cy - (names.length * SPACE.lineHeight) / 2;
  for (const [index, name] of names.entries()) {
    const fitted = fitText(name, widths.drivers - 2 * SPACE.cellPadX, TYPE.name);
    if (!fitted) continue;
    parts.push(
      text(fitted, {
        x: cols.drivers + SPACE.cellPadX,
        cy: namesTop + (index + 0.5) * SPACE.lineHeight,
        style: TYPE.name,
        fill: INK.text,
      }),
    );
  }

  if (layout.hasTeam && row.team) {
    const fitted = fitText(row.team, widths.team - 2 * SPACE.cellPadX, TYPE.team);
    parts.push(text(fitted, { x: cols.team + SPACE.cellPadX, cy, style: TYPE.team, fill: INK.muted }));
  }

  parts.push(
    text(fitText(row.total, widths.total - 2 * SPACE.cellPadX, TYPE.total), {
      x: cols.total + widths.total / 2,
      cy,
      style: TYPE.total,
      fill: INK.text,
      anchor: 'middle',
    }),
  );

  return group({ 'data-row': rowIndex, 'data-position': row.position }, parts);
}
