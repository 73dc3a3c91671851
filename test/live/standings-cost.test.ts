/**
 * The tables of a live season cost as much as its classification lines, not lines × rounds, and no request
 * pays for reading them: each line is read once, for its class, when the model is built; every table after
 * that, in whatever order, reads none. Counted in reads of a line's entry (the per-line step), not in time.
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
const CLASSES = ['pro', 'pro-am', 'gentlemen'];

test('building the model reads each classification line once, for its class', () => {
  const total = CLASSES.reduce((n, classId) => n + season.lines(classId), 0);
  expect(season.lines('pro')).toBeGreaterThan(ROUNDS * 10);
  expect(readsFor(() => season.model())).toBe(total);
});

test(`every table after rounds 1..${ROUNDS}, in every class, reads no line on a built model`, () => {
  const model = season.model();
  const reads = readsFor(() => {
    for (const classId of CLASSES)
      for (let round = 1; round <= ROUNDS; round++) computeStandings(model, classId, round);
  });
  expect(reads).toBe(0);
  expect(computeStandings(model, 'pro', ROUNDS).rows.length).toBeGreaterThan(10);
});

test('a model built only to check the files has no ledgers, and asking it for a table says so', () => {
  const model = buildSeasonModel(season.model().files, [], { forChecking: true });
  expect(model.ledgers).toBeNull();
  expect(() => computeStandings(model, 'pro', 1)).toThrow(/built for checking only/);
});
