import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkClassifiedRounds } from '../../src/season/classification-check.js';
import {
  type OrderLine,
  type RoundClassificationFile,
  UNCLASSIFIED_STATUSES,
} from '../../src/season/classification-schema.js';
import { buildSeasonModel, type SeasonModel } from '../../src/season/model.js';
import { computeStandings, countbackVector } from '../../src/season/standings-engine.js';
import { exampleModel } from './example-season.js';

const base = exampleModel();
// results.yaml names winners; random orders would disagree with them, so the properties run without it.
const files = { ...base.files, results: { rounds: [] } };
const CLASSES = base.classes.map((c) => c.id);
const carsOf = (classId: string) => base.entries.filter((e) => e.classId === classId).map((e) => e.car);

/** One stage: a random order of the class's cars, a random number classified, the rest with a status. */
const stageOrder = (classId: string): fc.Arbitrary<OrderLine[]> =>
  fc
    .tuple(
      fc.shuffledSubarray(carsOf(classId), { minLength: 1 }),
      fc.nat(),
      fc.array(fc.constantFrom(...UNCLASSIFIED_STATUSES), { minLength: 4, maxLength: 4 }),
    )
    .map(([cars, n, statuses]) => {
      const classified = n % (cars.length + 1);
      return cars.map((car, i) =>
        i < classified
          ? { position: i + 1, car, status: null, drivers: null }
          : { position: null, car, status: statuses[i % 4] ?? 'Ret', drivers: null },
      );
    });

const roundFile = (round: number): fc.Arbitrary<RoundClassificationFile> => {
  const stages = base.rounds[round - 1]?.scoring.map((s) => s.stage) ?? [];
  const pairs = CLASSES.flatMap((classId) => stages.map((stage) => ({ classId, stage })));
  return fc
    .tuple(
      fc.tuple(...pairs.map((p) => fc.option(stageOrder(p.classId), { nil: null }))),
      fc.array(
        fc.record({
          class: fc.constantFrom(...CLASSES),
          points: fc.integer({ min: 1, max: 20 }),
          pick: fc.nat(),
        }),
        { maxLength: 2 },
      ),
    )
    .map(([orders, penalties]) => ({
      round,
      classifications: pairs.flatMap((p, i) => {
        const order = orders[i];
        return order ? [{ class: p.classId, stage: p.stage, order }] : [];
      }),
      penalties: penalties.map((p) => {
        const cars = carsOf(p.class);
        return {
          class: p.class,
          person: null,
          car: cars[p.pick % cars.length] ?? 0,
          points: p.points,
          reason: 'generated',
        };
      }),
    }));
};

const season = fc.tuple(...base.rounds.map((r) => roundFile(r.round)));
const modelOf = (rounds: readonly RoundClassificationFile[]): SeasonModel =>
  buildSeasonModel(
    files,
    rounds.map((data) => ({ file: `round-${data.round}`, data })),
  );
const params = { numRuns: 60 };

describe('standings engine properties (random classifications of the example entries)', () => {
  test('the generated classifications pass every data check', () => {
    fc.assert(
      fc.property(season, (rounds) => {
        const model = modelOf(rounds);
        expect(checkClassifiedRounds(model, [...model.classifications.values()], new Map())).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  test('every row total equals the sum of its counted breakdown minus its penalties', () => {
    fc.assert(
      fc.property(season, fc.constantFrom(...CLASSES), (rounds, classId) => {
        const table = computeStandings(modelOf(rounds), classId, rounds.length);
        for (const row of [...table.rows, ...table.zeroRows]) {
          const counted = row.results.filter((r) => !r.dropped).reduce((n, r) => n + r.points, 0);
          expect(row.points).toBe(counted - row.penalties.reduce((n, p) => n + p.points, 0));
        }
      }),
      params,
    );
  });

  test('rows are ordered by points, then countback; equal positions only for equal points and countback', () => {
    fc.assert(
      fc.property(season, fc.constantFrom(...CLASSES), (rounds, classId) => {
        const model = modelOf(rounds);
        const finals = new Map(
          model.rounds.map((r) => [r.round, r.scoring.at(-1)?.stage ?? 'race'] as const),
        );
        const rows = computeStandings(model, classId, rounds.length).rows;
        for (const [i, row] of rows.entries()) {
          expect(row.points).not.toBe(0);
          const previous = rows[i - 1];
          if (!previous) {
            expect(row.position).toBe(1);
            continue;
          }
          expect(previous.points).toBeGreaterThanOrEqual(row.points);
          const a = countbackVector(previous.results, finals).join(',');
          const b = countbackVector(row.results, finals).join(',');
          if (previous.points === row.points && a === b) expect(row.position).toBe(previous.position);
          else expect(row.position).toBe(i + 1);
        }
      }),
      params,
    );
  });

  test('adding a later round never changes an earlier "after round N" table', () => {
    fc.assert(
      fc.property(
        season,
        fc.integer({ min: 1, max: base.rounds.length - 1 }),
        fc.constantFrom(...CLASSES),
        (rounds, n, classId) => {
          const early = computeStandings(modelOf(rounds.slice(0, n)), classId, n);
          const late = computeStandings(modelOf(rounds), classId, n);
          expect(late).toEqual(early);
        },
      ),
      params,
    );
  });
});
