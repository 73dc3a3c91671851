import { composePicture } from './blocks.js';
import { legendBlock } from './legend.js';
import { INK } from './palette.js';
import { standingsTableBlock } from './standings-table.js';
import { paragraphBlock, titleBlock } from './text-blocks.js';
import { TYPE } from './theme.js';
import type { StandingsMatrix, TotalsTable } from './types.js';

/** Colour-coded results matrix: one row per entry, one cell per round (part), legend and source. */
export function buildStandingsMatrixSvg(matrix: StandingsMatrix): string {
  return composePicture([
    titleBlock(matrix.title, matrix.subtitle),
    standingsTableBlock(matrix),
    legendBlock(matrix.labels.legend, matrix.legendNote),
    paragraphBlock(matrix.footer, TYPE.footer, INK.faint, 'footer'),
  ]);
}

/** Standings for classes published with totals only: the matrix without round columns or legend. */
export function buildTotalsTableSvg(table: TotalsTable): string {
  return composePicture([
    titleBlock(table.title, table.subtitle),
    standingsTableBlock({
      columns: [],
      rows: table.rows.map((row) => ({ ...row, cells: [] })),
      labels: table.labels,
    }),
    paragraphBlock(table.footer, TYPE.footer, INK.faint, 'footer'),
  ]);
}
