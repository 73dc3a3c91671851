/**
 * The last steps of loading a season folder: cross-file problems capped per file (those past the cap
 * counted on one line, the shown ones with their line), problems in a round's classification file refusing
 * the season, and a loaded live season built to serve (its class ledgers built with the model).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { checkSeasonFolder, loadSeasonFolder } from '../../src/season/load.js';
import { MAX_PROBLEMS_PER_FILE } from '../../src/season/problems.js';

const BUNDLED = fileURLToPath(new URL('../../data/seasons/2013-blancpain-endurance-series', import.meta.url));
const EXAMPLE = fileURLToPath(
  new URL('../../examples/seasons/2026-example-endurance-league', import.meta.url),
);
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function editedCopy(source: string, file: string, edit: (text: string) => string): string {
  const parent = mkdtempSync(join(tmpdir(), 'pitboard-loader-'));
  made.push(parent);
  const folder = join(parent, source.split('/').at(-1) as string);
  cpSync(source, folder, { recursive: true });
  const before = readFileSync(join(folder, file), 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(join(folder, file), after);
  return folder;
}

test('more cross-file problems in one file than the cap: the first ones keep their lines, the rest are one count', () => {
  let n = 0;
  const folder = editedCopy(BUNDLED, 'entries.yaml', (text) =>
    text.replace(/^(\s+team: )(\S+)$/gm, (_, lead: string) => `${lead}no-such-team-${++n}`),
  );
  expect(n).toBeGreaterThan(MAX_PROBLEMS_PER_FILE + 5);
  const result = loadSeasonFolder(folder);
  if (result.ok) throw new Error('expected problems');
  const inEntries = result.problems.filter((p) => p.file === 'entries.yaml');
  expect(inEntries).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
  const shown = inEntries.slice(0, MAX_PROBLEMS_PER_FILE);
  expect(shown.every((p) => typeof p.line === 'number' && p.line > 0)).toBe(true);
  expect(shown.at(-1)?.message).toMatch(/no-such-team-/);
  expect(inEntries.at(-1)).toMatchObject({
    line: null,
    message: expect.stringMatching(/^and \d+ more problems in this file$/),
  });
});

test('a classification naming a car not entered in that class refuses the season, naming the round file', () => {
  const folder = editedCopy(EXAMPLE, 'classifications/round-01.yaml', (text) =>
    text.replace('{ position: 1, car: 7,', '{ position: 1, car: 999,'),
  );
  for (const result of [loadSeasonFolder(folder), checkSeasonFolder(folder)]) {
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.file === 'classifications/round-01.yaml')).toBe(true);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/999/);
  }
});

test('a loaded live season is built to serve: its class ledgers come with the model', () => {
  const result = loadSeasonFolder(EXAMPLE);
  if (!result.ok) throw new Error('the example season should load');
  expect(result.model.ledgers).not.toBeNull();
  expect(result.model.ledgers?.size).toBeGreaterThan(0);
});
