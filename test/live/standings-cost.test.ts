/**
 * The tables of a live season cost as much as its classification lines, not lines × rounds: each line is
 * read once per model and class, whichever tables are asked for and in whatever order. Counted in reads of
 * a line's entry (the per-line step), not in time.
 */
import { afterAll, expect, test, vi } from 'vitest';

const counter = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/season/crews.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/season/crews.js')>();
  return {
    ...original,
    entryForRound: (...args: Parameters<typeof original.entryForRound>) => {
      counter.calls++;
      return original.entryForRound(...args);
    },
  };
});

const { classificationFor } = await import('../../bench/generate-classifications.js');
const { writeSeasonFolder } = await import('../../bench/generate-season.js');
const { scratchDir } = await import('../../bench/support.js');
const { loadSeasonFolderOrThrow } = await import('../../src/season/load.js');
const { buildSeasonModel } = await import('../../src/season/model.js');
const { computeStandings } = await import('../../src/season/standings-engine.js');

const ROUNDS = 12;
const scratch = scratchDir('standings-cost');
afterAll(() => scratch.remove());

/** A generated season with every round classified, built fresh (nothing memoised yet). */
function liveModel() {
  const { folder } = writeSeasonFolder(scratch.dir, { rounds: ROUNDS, cars: 100, people: 300 });
  const base = loadSeasonFolderOrThrow(folder);
  const rounds = Array.from({ length: ROUNDS }, (_, i) => classificationFor(base, i + 1));
  const model = () =>
    buildSeasonModel(
      base.files,
      rounds.map((data) => ({ file: `round-${data.round}`, data })),
    );
  const lines = (classId: string) =>
    rounds
      .flatMap((r) => r.classifications)
      .filter((c) => c.class === classId)
      .reduce((n, c) => n + c.order.length, 0);
  return { model, lines };
}

function readsFor(run: () => unknown): number {
  counter.calls = 0;
  run();
  return counter.calls;
}

const season = liveModel();

test(`every table after rounds 1..${ROUNDS} reads each classification line once`, () => {
  const model = season.model();
  const reads = readsFor(() => {
    for (let round = 1; round <= ROUNDS; round++) computeStandings(model, 'pro', round);
  });
  expect(season.lines('pro')).toBeGreaterThan(ROUNDS * 10);
  expect(reads).toBe(season.lines('pro'));
});

test('the latest table alone (with movement) reads each line once, and asking again reads nothing', () => {
  const model = season.model();
  expect(readsFor(() => computeStandings(model, 'pro', ROUNDS))).toBe(season.lines('pro'));
  expect(readsFor(() => computeStandings(model, 'pro', ROUNDS - 1))).toBe(0);
  expect(readsFor(() => computeStandings(model, 'pro', ROUNDS))).toBe(0);
});
