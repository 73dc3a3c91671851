import { describe, expect, test } from 'vitest';
import { checkClassifiedRounds } from '../../src/season/classification-check.js';
import { computeStandings, countbackVector, dropRounds } from '../../src/season/standings-engine.js';
import { editedModel, exampleModel, tableLines } from './example-season.js';

// Every number below is worked out by hand from examples/seasons/2026-example-endurance-league:
// race 25-18-15-12…, 24 h stages 12-9-7-6… after 6 h and 12 h, 25-18-15… at the finish.
describe('hand-computed tables of the example season', () => {
  test.each([
    // Round 1: #7 wins; Cho does not score for #1 (under the minimum drive time); #22 retires (0, not listed).
    ['pro', 1, ['1 dana-duval/erik-engel 25', '2 alice-archer/ben-brooks 18', '3 jan-jansen/kees-kok 15']],
    // Round 2: #7 gets 15 for 3rd minus a 5-point car penalty; Cho now scores, so he has his own row.
    [
      'pro',
      2,
      [
        '1 alice-archer/ben-brooks 43',
        '2 dana-duval/erik-engel 35',
        '3 jan-jansen/kees-kok 27',
        '4 carl-cho 25',
        '5 gia-greco/hugo-hale 18',
      ],
    ],
    // Round 3 (24 h): A/B 9+12+15, D/E 7+6+18, G/H 6+7+25, J/K 12+9+Ret; Foster drives #7 in round 3 only.
    [
      'pro',
      3,
      [
        '1 alice-archer/ben-brooks 79',
        '2 dana-duval/erik-engel 66',
        '3 carl-cho 61',
        '4 gia-greco/hugo-hale 56',
        '5 jan-jansen/kees-kok 48',
        '6 finn-foster 31',
      ],
    ],
    // Equal on 74 and equal on countback (one 1st, one 2nd, one 3rd each): a shared position.
    [
      'pro-am',
      3,
      ['1 lena-lind/marco-moretti 82', '=2 nora-noel/oscar-ortiz 74', '=2 pia-park/quinn-quade 74'],
    ],
    // Equal on 74: #95 won two final stages, #90 one: countback puts #95 ahead, no shared position.
    ['gentlemen', 3, ['1 victor-vance/will-webb 74', '2 tom-tan/uma-usher 74', '3 rosa-reyes/sam-stone 67']],
    ['gentlemen', 1, ['1 tom-tan/uma-usher 25', '2 rosa-reyes/sam-stone 18']],
  ])('%s after round %i', (classId, round, expected) => {
    expect(tableLines(exampleModel(), classId, round)).toEqual(expected);
  });

  test('a row shows where every point came from: stage, position, table, points, penalties', () => {
    const row = computeStandings(exampleModel(), 'pro', 3).rows[1];
    expect(row?.personIds).toEqual(['dana-duval', 'erik-engel']);
    expect(row?.teamId).toBe('kestrel-racing');
    expect(row?.results.map((r) => [r.round, r.stage, r.tableId, r.position ?? r.status, r.points])).toEqual([
      [1, 'race', 'standard', 1, 25],
      [2, 'race', 'standard', 3, 15],
      [3, '6h', 'spa-6h-12h', 3, 7],
      [3, '12h', 'spa-6h-12h', 4, 6],
      [3, 'finish', 'spa-finish', 2, 18],
    ]);
    expect(row?.penalties).toEqual([
      { round: 2, car: 7, points: 5, reason: 'Causing a collision at Tamburello' },
    ]);
  });

  test('a retirement is in the breakdown with its status and 0 points', () => {
    const row = computeStandings(exampleModel(), 'pro', 3).rows.find((r) => r.personIds[0] === 'jan-jansen');
    expect(row?.results.at(-1)).toMatchObject({
      round: 3,
      stage: 'finish',
      position: null,
      status: 'Ret',
      points: 0,
    });
  });

  test('drivers with 0 points are not listed, but kept for /driver', () => {
    const table = computeStandings(exampleModel(), 'pro', 1);
    expect(table.rows.flatMap((r) => r.personIds)).not.toContain('gia-greco');
    expect(table.zeroRows.map((r) => r.personIds)).toEqual([['gia-greco', 'hugo-hale']]);
  });

  test('movement: each row knows its position after the previous round', () => {
    const moves = computeStandings(exampleModel(), 'pro', 3).rows.map((r) => [
      r.personIds[0],
      r.previousPosition,
    ]);
    expect(moves).toEqual([
      ['alice-archer', 1],
      ['dana-duval', 2],
      ['carl-cho', 4],
      ['gia-greco', 5],
      ['jan-jansen', 3],
      ['finn-foster', null],
    ]);
    expect(computeStandings(exampleModel(), 'pro', 1).rows.every((r) => r.previousPosition === null)).toBe(
      true,
    );
  });

  test('the table is built once per model, class and round', () => {
    const model = exampleModel();
    expect(computeStandings(model, 'pro', 3)).toBe(computeStandings(model, 'pro', 3));
  });
});

describe('rules from scoring.yaml', () => {
  test('best-N: only the best N round scores count; the dropped round is marked, penalties still count', () => {
    const model = editedModel({
      files: (files) => ({
        ...files,
        scoring: { ...files.scoring, rules: { ...files.scoring.rules, best_results: 2 } },
      }),
    });
    // D/E rounds: 25, 15, 31 → round 2 (15) dropped → 25 + 31 − 5 = 51.
    const row = computeStandings(model, 'pro', 3).rows.find((r) => r.personIds[0] === 'dana-duval');
    expect(row?.points).toBe(51);
    expect(row?.droppedRounds).toEqual([2]);
    expect(row?.results.filter((r) => r.dropped).map((r) => r.round)).toEqual([2]);
    expect(tableLines(model, 'pro', 3)).toEqual([
      // 18, 25, 36 → 25 + 36; level with Cho, ahead on countback: one win each, A/B's 2nd in round 1.
      '1 alice-archer/ben-brooks 61',
      '2 carl-cho 61', // —, 25, 36
      '3 gia-greco/hugo-hale 56', // Ret, 18, 38
      '4 dana-duval/erik-engel 51',
      '5 jan-jansen/kees-kok 36', // 15, 12, 21 → 21 + 15
      '6 finn-foster 31',
    ]);
  });

  test('tie_break: shared leaves equal totals on one shared position', () => {
    const model = editedModel({
      files: (files) => ({
        ...files,
        scoring: { ...files.scoring, rules: { ...files.scoring.rules, tie_break: 'shared' } },
      }),
    });
    expect(tableLines(model, 'gentlemen', 3)).toEqual([
      '=1 tom-tan/uma-usher 74',
      '=1 victor-vance/will-webb 74',
      '3 rosa-reyes/sam-stone 67',
    ]);
  });

  test('a tie still equal after countback is numbered in competition style (1, =2, =2, 4)', () => {
    const model = editedModel({
      rounds: (rounds) => [
        ...rounds,
        {
          round: 4,
          classifications: [
            {
              class: 'pro-am',
              stage: 'race',
              order: [
                { position: 1, car: 50, status: null, drivers: null },
                { position: null, car: 55, status: 'DNS', drivers: null },
                { position: null, car: 61, status: 'DNS', drivers: null },
              ],
            },
          ],
          penalties: [
            { class: 'pro-am', person: 'marco-moretti', car: null, points: 200, reason: 'made up' },
          ],
        },
      ],
    });
    expect(tableLines(model, 'pro-am', 4)).toEqual([
      '1 lena-lind 115',
      '=2 nora-noel/oscar-ortiz 74',
      '=2 pia-park/quinn-quade 74',
      '4 marco-moretti -85',
    ]);
  });
});

describe('countback and dropped rounds, as functions', () => {
  const score = (
    round: number,
    stage: 'race' | 'finish' | '6h',
    position: number | null,
    points: number,
  ) => ({
    round,
    stage,
    tableId: 't',
    car: 1,
    teamId: 'x',
    position,
    status: position === null ? ('Ret' as const) : null,
    points,
    dropped: false,
  });
  test('countback counts every classified class position of final stages only', () => {
    const finals = new Map([
      [1, 'race' as const],
      [2, 'finish' as const],
    ]);
    // A 14th place scores nothing but still counts; the 6h stage and the retirement do not.
    expect(
      countbackVector([score(1, 'race', 14, 0), score(2, '6h', 1, 12), score(2, 'finish', null, 0)], finals),
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  test('of equal round scores the later round is dropped', () => {
    expect(
      dropRounds([score(1, 'race', 2, 18), score(2, 'race', 2, 18), score(3, 'race', 1, 25)], 2),
    ).toEqual([2]);
    expect(dropRounds([score(1, 'race', 2, 18)], 2)).toEqual([]);
    expect(dropRounds([score(1, 'race', 2, 18), score(2, 'race', 1, 25)], null)).toEqual([]);
  });
});

describe('a driver in two cars of one class in one round', () => {
  // Decision: refused. A driver scores for one car of a class per round (points would otherwise double);
  // the admin names the car the driver scores for.
  test('is a problem naming both cars', () => {
    const model = editedModel({
      rounds: (rounds) =>
        rounds.map((r) =>
          r.round !== 2
            ? r
            : {
                ...r,
                classifications: r.classifications.map((c) =>
                  c.class !== 'pro'
                    ? c
                    : {
                        ...c,
                        order: c.order.map((line) =>
                          line.car === 22
                            ? { ...line, drivers: ['gia-greco', 'ivan-ilic'] }
                            : line.car === 33
                              ? { ...line, drivers: ['jan-jansen', 'kees-kok'] }
                              : line,
                        ),
                      },
                ),
              },
        ),
    });
    expect(checkClassifiedRounds(model, [...model.classifications.values()], new Map())).toEqual([]);
    const twice = editedModel({
      files: (files) => ({
        ...files,
        entries: {
          entries: files.entries.entries.map((e) =>
            e.car === 33
              ? {
                  ...e,
                  drivers: [...e.drivers, { person: 'ivan-ilic', rounds: null, unknown: 'rounds' as const }],
                }
              : e,
          ),
        },
      }),
      rounds: (rounds) =>
        rounds.map((r) =>
          r.round !== 2
            ? r
            : {
                ...r,
                classifications: r.classifications.map((c) =>
                  c.class !== 'pro'
                    ? c
                    : {
                        ...c,
                        order: c.order.map((line) =>
                          line.car === 22
                            ? { ...line, drivers: ['gia-greco', 'ivan-ilic'] }
                            : line.car === 33
                              ? { ...line, drivers: ['jan-jansen', 'ivan-ilic'] }
                              : line,
                        ),
                      },
                ),
              },
        ),
    });
    expect(checkClassifiedRounds(twice, [...twice.classifications.values()], new Map())).toEqual([
      {
        file: 'round-2',
        line: null,
        field: 'classifications[0].order[3].drivers',
        message:
          'ivan-ilic scores for car 22 and car 33 in pro in round 2; a driver scores for one car per round',
      },
    ]);
  });
});
