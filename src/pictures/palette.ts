import type { CellKind } from './types.js';

/** Results-matrix fills as used on Wikipedia motorsport tables. */
export const CELL_FILLS: Record<CellKind, string> = {
  win: '#FFFFBF',
  second: '#DFDFDF',
  third: '#FFDF9F',
  points: '#DFFFDF',
  classified: '#CFCFFF',
  retired: '#EFCFFF',
  unreconciled: '#F2F2F2',
  blank: '#FFFFFF',
};

export const LEGEND_ENTRIES: readonly { kind: CellKind; label: string }[] = [
  { kind: 'win', label: 'Winner' },
  { kind: 'second', label: 'Second' },
  { kind: 'third', label: 'Third' },
  { kind: 'points', label: 'Points' },
  { kind: 'classified', label: 'Classified, no points' },
  { kind: 'retired', label: 'Retired' },
  { kind: 'unreconciled', label: 'Position only (points not derivable)' },
  // Blank is what the source left empty, not proof of absence (a driver may have raced in another car).
  { kind: 'blank', label: 'Nothing published' },
];

export const INK = {
  text: '#202122',
  muted: '#54595D',
  faint: '#72777D',
  grid: '#A2A9B1',
  headerFill: '#EAECF0',
  background: '#FFFFFF',
} as const;
