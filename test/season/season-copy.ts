import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeasonFolder } from '../../src/season/load.js';
import type { DataProblem } from '../../src/season/problems.js';

export const SEASON = '2013-blancpain-endurance-series';
export const BUNDLED = fileURLToPath(new URL(`../../data/seasons/${SEASON}`, import.meta.url));

const made: string[] = [];

/** A fresh data directory (parent of season folders); removed by `removeCopies`. */
export function tempDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'pitboard-season-'));
  made.push(parent);
  const directory = join(parent, 'seasons');
  mkdirSync(directory);
  return directory;
}

/**
 * A copy of the bundled season under a data directory, with files replaced (string) or edited (function).
 * A function must change the text, so a table row cannot silently test nothing.
 */
export function copySeason(
  edits: Record<string, string | Buffer | ((text: string) => string)> = {},
  directory = tempDataDir(),
  id = SEASON,
): string {
  const folder = join(directory, id);
  cpSync(BUNDLED, folder, { recursive: true });
  if (id !== SEASON) editFile(join(folder, 'season.yaml'), (t) => t.replace(`id: ${SEASON}`, `id: ${id}`));
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(folder, file);
    if (typeof edit === 'function') editFile(path, edit);
    else writeFileSync(path, edit);
  }
  return folder;
}

export function editFile(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(path, after);
}

export function removeCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * entries.yaml whose aliases nest to the schema's shape: `cars` entries, each the same entry object holding
 * `drivers` copies of one driver line. A few KB of text; cars × drivers driver lines once expanded.
 */
export function aliasBombEntries(cars: number, drivers: number): string {
  const driver = '{person: rene-rast, rounds: All}';
  return (
    'entries:\n' +
    `  - &e {class: pro, team: htp-motorsport, car: 1, car_model: null, drivers: [&d ${driver}${', *d'.repeat(drivers - 1)}]}\n` +
    '  - *e\n'.repeat(cars - 1)
  );
}

/** The problems of a folder that must fail to load. */
export function problemsOf(folder: string): DataProblem[] {
  const result = loadSeasonFolder(folder);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

/** A table row: one file edited or replaced, and the one problem it must give. */
export interface MessageRow {
  file: string;
  edit: string | ((text: string) => string);
  line: number | null;
  field: string;
  message: RegExp;
}
