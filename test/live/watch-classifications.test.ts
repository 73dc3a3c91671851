import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createSeasonCatalog } from '../../src/season/catalog.js';
import { importRound } from '../../src/season/import-round.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import { watchSeasons } from '../../src/season/watch.js';
import { EXAMPLE_CSV_DIR, EXAMPLE_DIR, EXAMPLE_ID, tableLines } from './example-season.js';

const parent = mkdtempSync(join(tmpdir(), 'pitboard-live-watch-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Poll (the watcher debounces and reloads on its own schedule) with a generous bound. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('imports while the bot runs are served after hot reload, also when the import creates the folder', async () => {
  const directory = join(parent, 'seasons');
  mkdirSync(directory);
  const folder = join(directory, EXAMPLE_ID);
  cpSync(EXAMPLE_DIR, folder, { recursive: true });
  rmSync(join(folder, 'classifications'), { recursive: true });
  const catalog = createSeasonCatalog([loadSeasonFolderOrThrow(folder)]);
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  const watcher = watchSeasons({ directory, catalog, logger: silent, debounceMs: 50 });
  try {
    const importCsv = (classId: string) =>
      importRound({
        seasonDir: folder,
        round: 4,
        classId,
        stage: null,
        csvName: 'r4.csv',
        csvText: readFileSync(join(EXAMPLE_CSV_DIR, `round-04-${classId}.csv`), 'utf8'),
      });
    expect(importCsv('gentlemen').ok).toBe(true);
    await until(
      () => catalog.get(EXAMPLE_ID)?.classifications.has(4) === true,
      'the new classifications folder',
    );
    expect(tableLines(catalog.get(EXAMPLE_ID) as never, 'gentlemen', 4)).toEqual([
      '1 rosa-reyes/sam-stone 33',
      '2 tom-tan/uma-usher 24',
    ]);
    // A second file event, now inside the existing folder.
    expect(importCsv('pro-am').ok).toBe(true);
    await until(
      () => tableLines(catalog.get(EXAMPLE_ID) as never, 'pro-am', 4).length > 0,
      'the second import',
    );
    expect(tableLines(catalog.get(EXAMPLE_ID) as never, 'pro-am', 4)).toEqual([
      '1 pia-park/quinn-quade 33',
      '2 lena-lind/marco-moretti 24',
      '3 nora-noel/oscar-ortiz 19',
    ]);
  } finally {
    watcher.close();
  }
});
