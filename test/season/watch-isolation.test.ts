/**
 * Hot reload under bad data: a hostile file is checked off the event loop (replies keep flowing), a broken
 * season keeps its last good model whatever the other seasons do, and a folder that turns into a broken
 * symlink is a broken season, not a removed one.
 */
import { rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSeasonCatalog } from '../../src/season/catalog.js';
import { type WatchLogger, type WatchSeasonsOptions, watchSeasons } from '../../src/season/watch.js';
import { copySeason, editFile, removeCopies, SEASON, tempDataDir } from './season-copy.js';

const OTHER = '2014-blancpain-endurance-series';
const silent: WatchLogger = { info: () => {}, warn: () => {}, error: () => {} };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeCopies();
});

/** Two seasons served from one data directory, and a watcher that reloads only when asked. */
function twoSeasons(options: Partial<WatchSeasonsOptions> = {}) {
  const directory = tempDataDir();
  const first = copySeason({}, directory);
  const second = copySeason({}, directory, OTHER);
  const { catalog } = loadSeasonCatalog(directory);
  // A long debounce: file events never reload by themselves here; each test calls reload().
  const watcher = watchSeasons({ directory, catalog, logger: silent, debounceMs: 600_000, ...options });
  closers.push(() => watcher.close());
  return { directory, first, second, catalog, watcher };
}

const points = (id: string) => (text: string) => text.replace('points: 81', `points: ${id}`);

describe('one season broken, another edited, in the same reload', () => {
  test.each([
    ['a schema error', (folder: string) => editFile(join(folder, 'standings.yaml'), points('-1'))],
    ['a YAML syntax error', (folder: string) => editFile(join(folder, 'teams.yaml'), (t) => `${t}  - [\n`)],
    ['a missing file', (folder: string) => rmSync(join(folder, 'people.yaml'))],
    ['an empty file', (folder: string) => editFile(join(folder, 'teams.yaml'), () => '')],
    [
      'the folder replaced by a symlink loop',
      (folder: string) => {
        rmSync(folder, { recursive: true });
        symlinkSync(folder, folder);
      },
    ],
    [
      'the folder replaced by a link to nothing',
      (folder: string) => {
        rmSync(folder, { recursive: true });
        symlinkSync(join(dirname(folder), 'gone'), folder);
      },
    ],
  ])(
    '%s: the broken season keeps serving its last good model',
    async (_name, breakIt) => {
      const { first, second, catalog, watcher } = twoSeasons();
      const before = catalog.get(SEASON);
      breakIt(first);
      editFile(join(second, 'standings.yaml'), points('82'));

      const outcome = await watcher.reload();

      expect(outcome.failed.map(({ id, kept }) => ({ id, kept }))).toEqual([{ id: SEASON, kept: true }]);
      expect(outcome.changed.map(({ id }) => id)).toEqual([OTHER]);
      expect(outcome.removed).toEqual([]);
      expect(catalog.get(SEASON)).toBe(before);
      expect(catalog.list().map((m) => m.id)).toEqual([SEASON, OTHER]);
      expect(catalog.get(OTHER)?.standings.get('pro')?.rows[0]?.points).toBe(82);
    },
    30_000,
  );
});

describe('reloads never block replies', () => {
  test('while a heavy hostile file is checked, the event loop keeps answering', async () => {
    const { first, catalog, watcher } = twoSeasons();
    // 512 KB of entries, every value of the wrong type: seconds of parsing and validation work.
    const row =
      '  - {class: 1, team: 2, car: x, car_model: 3, drivers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}\n';
    editFile(
      join(first, 'entries.yaml'),
      () => `entries:\n${row.repeat(Math.floor((512 * 1024) / row.length))}`,
    );

    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    const outcome = await watcher.reload();
    const finished = performance.now();
    clearInterval(timer);

    expect(outcome.failed).toMatchObject([{ id: SEASON, kept: true }]);
    expect(catalog.get(SEASON)?.id).toBe(SEASON);
    // Loose on purpose: blocked, the longest pause is the whole reload; off the loop it is a small part.
    const stamps = [started, ...ticks, finished];
    const longestPause = Math.max(...stamps.slice(1).map((t, i) => t - (stamps[i] as number)));
    expect(longestPause).toBeLessThan((finished - started) / 2);
  }, 120_000);

  test('a reload that runs out of time is a problem of that season; the old model stays', async () => {
    const { catalog, watcher, first } = twoSeasons({ loaderLimits: { timeoutMs: 1, maxMemoryMb: 512 } });
    const before = catalog.get(SEASON);
    editFile(join(first, 'standings.yaml'), points('83'));
    const outcome = await watcher.reload();
    expect(outcome.failed.find((f) => f.id === SEASON)).toMatchObject({
      kept: true,
      problems: [{ message: 'loading took longer than 1 ms and was stopped' }],
    });
    expect(catalog.get(SEASON)).toBe(before);
  }, 30_000);
});
