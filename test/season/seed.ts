import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seed article exactly as published (a copy is kept with the data as its source). */
export const SEED_TEXT = readFileSync(
  fileURLToPath(new URL('../../data/sources/000_b5cb4364421fff23.txt', import.meta.url)),
  'utf8',
);
export const SEED_LINES = SEED_TEXT.split('\n');

/** The table lines (starting with "|") between a line and the next section heading. */
export function tableLinesAfter(marker: string, until: RegExp = /^=/): string[] {
  const start = SEED_LINES.indexOf(marker);
  if (start < 0) throw new Error(`marker not found: ${marker}`);
  const lines: string[] = [];
  for (const line of SEED_LINES.slice(start + 1)) {
    if (until.test(line) || line.startsWith(';')) break;
    if (line.startsWith('|') && !line.startsWith('|valign') && !line.startsWith('|}')) lines.push(line);
  }
  return lines;
}

export function cellsOf(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}
