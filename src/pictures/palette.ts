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

/** The colour key's entries, in the order drawn (their words come with the picture's labels). */
export const LEGEND_KINDS: readonly CellKind[] = [
  'win',
  'second',
  'third',
  'points',
  'classified',
  'retired',
  'unreconciled',
  // Blank is what the source left empty, not proof of absence (a driver may have raced in another car).
  'blank',
];

export const INK = {
  text: '#202122',
  muted: '#54595D',
  faint: '#72777D',
  grid: '#A2A9B1',
  headerFill: '#EAECF0',
  background: '#FFFFFF',
} as const;
