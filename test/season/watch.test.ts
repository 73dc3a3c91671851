import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { afterEach, describe, expect, expectTypeOf, test } from 'vitest';
import { createSeasonCatalog, type SeasonCatalog } from '../../src/season/catalog.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import {
  type ReloadOutcome,
  type SeasonWatcher,
  type WatchLogger,
  type WatchSeasonsOptions,
  watchSeasons,
} from '../../src/season/watch.js';

const ID = '2013-blancpain-endurance-series';
const BUNDLED = fileURLToPath(new URL(`../../data/seasons/${ID}`, import.meta.url));
const DEBOUNCE = 150;
/** The leader of the Pro Cup standings has 81 points in the bundled data. */
const POINTS_81 = '        points: 81\n';

interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A temp data directory holding a copy of the bundled season, a catalog serving it, and a watcher. */
function setup(
  options: Partial<Pick<WatchSeasonsOptions, 'debounceMs' | 'onReload'>> & {
    /** Edit the copied season folder before the catalog loads it. */
    prepare?: (folder: string) => void;
  } = {},
) {
  const parent = mkdtempSync(join(tmpdir(), 'pitboard-watch-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const directory = join(parent, 'seasons');
  mkdirSync(directory);
  const folder = join(directory, ID);
  cpSync(BUNDLED, folder, { recursive: true });
  options.prepare?.(folder);
  const catalog = createSeasonCatalog([loadSeasonFolderOrThrow(folder)]);
  const logs: LogLine[] = [];
  const logger: WatchLogger = {
    info: (obj, msg) => logs.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj, msg) => logs.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => logs.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  const outcomes: ReloadOutcome[] = [];
  const watcher: SeasonWatcher = watchSeasons({
    directory,
    catalog,
    logger,
    debounceMs: options.debounceMs ?? DEBOUNCE,
    onReload:
      options.onReload ??
      ((outcome) => {
        outcomes.push(outcome);
      }),
  });
  cleanups.push(() => watcher.close());
  const version0 = version(catalog);
  return { parent, directory, folder, catalog, logs, outcomes, watcher, version0 };
}

function version(catalog: SeasonCatalog, id = ID): string | undefined {
  return catalog.get(id)?.version;
}

/** What the bot would answer for the Pro Cup leader's total. */
function leaderPoints(catalog: SeasonCatalog): number | undefined {
  return catalog.get(ID)?.standings.get('pro')?.rows[0]?.points;
}

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(path, after);
}

/** Save like vim or JetBrains "safe write": write a temp file, rename it over the original. */
function atomicEdit(path: string, change: (text: string) => string): void {
  const temp = `${path}.tmp~`;
  writeFileSync(temp, change(readFileSync(path, 'utf8')));
  renameSync(temp, path);
}

const setPoints = (points: number) => (text: string) =>
  text.replace(/ {8}points: 8\d\n/, `        points: ${points}\n`);

/** Poll until the condition holds; fail after a bounded wait. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Check that the condition keeps holding for a while (used to show that nothing more happens). */
async function holdsFor(ms: number, condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!condition()) throw new Error(`expected ${what} to keep holding`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!condition()) throw new Error(`expected ${what} to keep holding`);
}

const QUIET = 3 * DEBOUNCE + 200;

describe('watchSeasons', () => {
  test('a pino logger fits the logger it takes', () => {
    expectTypeOf<Logger>().toExtend<WatchLogger>();
  });

  test('a valid edit swaps the model and is reported as changed', async () => {
    const { folder, catalog, outcomes, logs, version0 } = setup();
    expect(leaderPoints(catalog)).toBe(81);
    edit(join(folder, 'standings.yaml'), (t) => t.replace(POINTS_81, '        points: 82\n'));

    await waitFor(() => outcomes.length === 1, 'one reload');
    const outcome = outcomes[0] as ReloadOutcome;
    const version1 = version(catalog);
    expect(version1).not.toBe(version0);
    expect(leaderPoints(catalog)).toBe(82);
    expect(outcome).toMatchObject({
      changed: [{ id: ID, from: version0, to: version1 }],
      added: [],
      removed: [],
      failed: [],
      applied: true,
      error: null,
    });
    expect(logs.find((l) => l.msg === 'seasons reloaded')?.level).toBe('info');
  });

  test('a results round added to the file is picked up (a newly completed round)', async () => {
    const ROUND_5 = '  - round: 5\n';
    const { folder, catalog, outcomes, version0 } = setup({
      // Start from the season as it stood before round 5: results for rounds 1-4 only.
      prepare: (dir) => edit(join(dir, 'results.yaml'), (t) => t.slice(0, t.indexOf(ROUND_5))),
    });
    expect(catalog.get(ID)?.results.has(5)).toBe(false);
    writeFileSync(join(folder, 'results.yaml'), readFileSync(join(BUNDLED, 'results.yaml'), 'utf8'));

    await waitFor(() => outcomes.length === 1, 'one reload');
    expect(outcomes[0]?.changed).toEqual([{ id: ID, from: version0, to: version(catalog) }]);
    expect(catalog.get(ID)?.results.get(5)?.circuitAsWritten).toBe('Nürburgring');
  });

  test.each([
    [
      'unknown key',
      (t: string) => t.replace(POINTS_81, `${POINTS_81}        colour: red\n`),
      /^standings\.yaml:\d+ {2}classes\[0\]\.rows\[0\]\.colour: unknown key "colour"/,
    ],
    [
      'YAML syntax error',
      (t: string) => t.replace(POINTS_81, '        points: [81\n'),
      /^standings\.yaml:\d+ {2}\(file\): YAML syntax/,
    ],
  ])(
    'an invalid edit (%s) keeps the last good model, logs where, and a fix reloads',
    async (_name, breakIt, line) => {
      const { folder, catalog, outcomes, logs, version0 } = setup();
      const path = join(folder, 'standings.yaml');
      edit(path, breakIt);

      await waitFor(() => outcomes.length === 1, 'the failed reload');
      expect(version(catalog)).toBe(version0);
      expect(leaderPoints(catalog)).toBe(81);
      const failed = outcomes[0]?.failed ?? [];
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ id: ID, folder, kept: true });
      expect(failed[0]?.problems.every((p) => p.file === 'standings.yaml')).toBe(true);
      expect(outcomes[0]).toMatchObject({ changed: [], applied: false });
      const error = logs.find((l) => l.level === 'error');
      expect(error?.msg).toBe('season reload failed; keeping the last good model');
      expect(error?.obj.folder).toBe(folder);
      expect(error?.obj.problems).toEqual(expect.arrayContaining([expect.stringMatching(line)]));

      // Fix it (a different value than before, so the version changes).
      writeFileSync(
        path,
        readFileSync(join(BUNDLED, 'standings.yaml'), 'utf8').replace(POINTS_81, '        points: 82\n'),
      );
      await waitFor(() => outcomes.length === 2, 'the reload after the fix');
      expect(outcomes[1]?.changed).toEqual([{ id: ID, from: version0, to: version(catalog) }]);
      expect(outcomes[1]?.failed).toEqual([]);
      expect(leaderPoints(catalog)).toBe(82);
    },
  );

  test('a burst of 5 writes within the debounce window causes one reload', async () => {
    const { folder, catalog, outcomes } = setup();
    const path = join(folder, 'standings.yaml');
    for (let points = 82; points <= 86; points++) {
      edit(path, setPoints(points));
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE / 8));
    }
    await waitFor(() => outcomes.length === 1, 'one reload');
    await holdsFor(QUIET, () => outcomes.length === 1, 'a single reload');
    expect(leaderPoints(catalog)).toBe(86);
  });

  test('atomic saves (temp file renamed over the original) are seen every time', async () => {
    // Node 20's recursive fs.watch on Linux misses every save after the first one of this kind.
    const { folder, catalog, outcomes } = setup();
    const path = join(folder, 'standings.yaml');
    for (const [i, points] of [82, 83, 84].entries()) {
      atomicEdit(path, setPoints(points));
      await waitFor(() => leaderPoints(catalog) === points, `atomic save ${i + 1}`);
    }
    expect(outcomes.filter((o) => o.changed.length === 1)).toHaveLength(3);
  });

  test('close() stops further reloads; reload() still works on demand', async () => {
    const { folder, catalog, outcomes, watcher, version0 } = setup();
    watcher.close();
    edit(join(folder, 'standings.yaml'), setPoints(82));
    await holdsFor(QUIET, () => outcomes.length === 0 && version(catalog) === version0, 'no reload');

    const outcome = await watcher.reload();
    expect(outcome.changed).toEqual([{ id: ID, from: version0, to: version(catalog) }]);
    expect(leaderPoints(catalog)).toBe(82);
  });

  test('reload() can be called directly, and close() cancels the pending debounce', async () => {
    const { folder, catalog, outcomes, watcher, version0 } = setup({ debounceMs: 60_000 });
    edit(join(folder, 'standings.yaml'), setPoints(82));
    const outcome = await watcher.reload();
    expect(outcome.changed).toEqual([{ id: ID, from: version0, to: version(catalog) }]);
    expect(outcomes).toEqual([outcome]);
    expect(leaderPoints(catalog)).toBe(82);

    // A second direct reload with nothing changed swaps nothing.
    const again = await watcher.reload();
    expect(again).toMatchObject({ changed: [], unchanged: [ID], applied: false });
    watcher.close(); // the 60 s timer from the edit is cancelled; vitest would otherwise see it fire late
  });

  test('seasons are added, removed, and the last one is never removed', async () => {
    const { parent, directory, folder, catalog, outcomes, logs } = setup();
    const NEW = '2014-blancpain-endurance-series';
    // Prepare outside the watched directory, then move in at once. Its id does not match the folder yet.
    const staged = join(parent, NEW);
    cpSync(BUNDLED, staged, { recursive: true });
    renameSync(staged, join(directory, NEW));

    await waitFor(() => outcomes.some((o) => o.failed.some((f) => f.id === NEW)), 'the invalid new folder');
    expect(catalog.get(NEW)).toBeNull();
    expect(outcomes.at(-1)?.failed).toMatchObject([{ id: NEW, kept: false }]);
    expect(logs.find((l) => l.msg === 'season folder is invalid; not loaded')?.obj.folder).toBe(
      join(directory, NEW),
    );

    // Fixing a file inside the new folder is seen: it is watched too.
    edit(join(directory, NEW, 'season.yaml'), (t) => t.replace(`id: ${ID}\n`, `id: ${NEW}\n`));
    await waitFor(() => catalog.get(NEW) !== null, 'the new season');
    expect(outcomes.at(-1)?.added).toEqual([{ id: NEW, version: version(catalog, NEW) }]);
    expect(catalog.list().map((m) => m.id)).toEqual([ID, NEW]);

    rmSync(join(directory, NEW), { recursive: true });
    await waitFor(() => catalog.get(NEW) === null, 'the removal');
    expect(outcomes.at(-1)).toMatchObject({ removed: [NEW], applied: true });

    const count = outcomes.length;
    rmSync(folder, { recursive: true });
    await waitFor(() => outcomes.length > count, 'the reload after deleting the last season');
    expect(outcomes.at(-1)).toMatchObject({ removed: [], removalRefused: [ID], applied: false });
    expect(catalog.get(ID)?.id).toBe(ID);
  });

  test('a failing onReload is logged and the watcher keeps working', async () => {
    let calls = 0;
    const { folder, catalog, logs } = setup({
      onReload: () => {
        calls++;
        throw new Error('scheduler blew up');
      },
    });
    const path = join(folder, 'standings.yaml');
    edit(path, setPoints(82));
    await waitFor(() => logs.some((l) => l.msg === 'season onReload callback failed'), 'the logged failure');
    edit(path, setPoints(83));
    await waitFor(() => calls === 2 && leaderPoints(catalog) === 83, 'the second reload');
  });

  test('an unreadable directory is reported, not thrown', async () => {
    const { directory, catalog, logs, watcher, version0 } = setup();
    watcher.close();
    rmSync(directory, { recursive: true });
    const outcome = await watcher.reload();
    expect(outcome.error).toMatch(/does not exist/);
    expect(outcome.applied).toBe(false);
    expect(version(catalog)).toBe(version0);
    expect(logs.some((l) => l.level === 'error')).toBe(true);
  });
});
