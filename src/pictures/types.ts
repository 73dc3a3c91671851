/** Plain input data for the pictures; the season model is mapped onto these by the caller. */

export type CellKind =
  | 'win'
  | 'second'
  | 'third'
  | 'points'
  | 'classified'
  | 'retired'
  /** A position is published but what it scored cannot be derived (the row's total does not reconcile). */
  | 'unreconciled'
  | 'blank';

/**
 * Every word a picture draws that is not data, in the reader's language (the caller takes them from the
 * catalogue): column headings, the empty-table messages and the colour key.
 */
export interface PictureLabels {
  position: string;
  drivers: string;
  team: string;
  points: string;
  round: string;
  noEntries: string;
  noRounds: string;
  legend: Readonly<Record<CellKind, string>>;
}

export interface MatrixColumn {
  /** Round label, e.g. 'MNZ'. Columns sharing a group (e.g. Spa 'SPA') get a spanning group header. */
  label: string;
  /** Part of a multi-part round, e.g. '6h', '12h', '24h'. */
  sublabel?: string;
  /** Defaults to label. Consecutive columns with the same group are merged under one header. */
  group?: string;
}

export interface MatrixCell {
  text: string;
  kind: CellKind;
}

export interface MatrixRow {
  /** Shown as given, so ties repeat the same position. */
  position: string;
  /** 1–4 names, stacked; more are allowed but make the row taller. */
  names: string[];
  team: string | null;
  /** One per column; missing cells are drawn blank, extra cells ignored. */
  cells: MatrixCell[];
  total: string;
}

export interface StandingsMatrix {
  title: string;
  subtitle: string;
  labels: PictureLabels;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Drawn under the legend, e.g. 'Cells are overall finishing positions, as published'. */
  legendNote?: string;
  /** Source line at the bottom. */
  footer: string;
}

export interface TotalsRow {
  position: string;
  names: string[];
  team: string | null;
  total: string;
}

/** For classes where only totals are published (no per-round results). */
export interface TotalsTable {
  title: string;
  subtitle: string;
  labels: PictureLabels;
  rows: TotalsRow[];
  footer: string;
}

export interface RoundWinner {
  car: string;
  team: string;
  crew: string[];
}

export interface WinnersRound {
  label: string;
  sublabel: string;
  /** One per class (same order as WinnersGrid.classes); null = no winner / class not run. */
  cells: (RoundWinner | null)[];
}

export interface WinnersGrid {
  title: string;
  subtitle: string;
  labels: PictureLabels;
  classes: string[];
  rounds: WinnersRound[];
  footer: string;
}
