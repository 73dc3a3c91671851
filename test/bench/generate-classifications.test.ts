/**
 * The live-update benchmark needs a generated season that is live: classifications for every round but
 * the last that pass every check, and no published table, so /standings serves the computed one.
 */
import { afterAll, expect, test } from 'vitest';
import { classificationFor, makeSeasonLive } from '../../bench/generate-classifications.js';
import { writeSeasonFolder } from '../../bench/generate-season.js';
import { scratchDir } from '../../bench/support.js';
import { computedStandingsFor } from '../../src/season/computed-table.js';
import { loadSeasonFolder } from '../../src/season/load.js';

const scratch = scratchDir('generate-classifications');
afterAll(() => scratch.remove());

test('a generated season made live loads without problems and has computed tables after its rounds', () => {
  const { folder } = writeSeasonFolder(scratch.dir, { rounds: 5, cars: 100, people: 400 });
  const made = makeSeasonLive(folder);
  expect(made.rounds).toBe(4);
  const loaded = loadSeasonFolder(folder);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const model = loaded.model;
  expect([...model.classifications.keys()].sort()).toEqual([1, 2, 3, 4]);
  for (const c of model.classes) {
    const computed = computedStandingsFor(model, c.id);
    expect(computed?.computed.afterRound).toBe(4);
    expect(computed?.table.rows.length).toBeGreaterThan(0);
  }
  // Another variant keeps each class winner (results.yaml names them) and reorders the rest.
  const a = classificationFor(model, 4, 1).classifications[0];
  const b = classificationFor(model, 4, 2).classifications[0];
  expect(a?.order[0]).toEqual(b?.order[0]);
  expect(a?.order.map((l) => l.car)).not.toEqual(b?.order.map((l) => l.car));
});
