import { describe, expect, test } from 'vitest';
import { liveRecapOf } from '../../src/announce/recap-facts.js';
import { buildLiveRecapEmbed } from '../../src/replies/live-recap.js';
import { titleDecidedLine } from '../../src/replies/title.js';
import { computeStandings } from '../../src/season/standings-engine.js';
import { totalPoints } from '../../src/season/title-maths.js';
import { titleInput, titleRace, YET_TO_SCORE } from '../../src/season/title-race.js';
import { editedModel, exampleModel } from '../live/example-season.js';

/** Round 4 of the example (1000 km, one stage) with the pro-am order given, every other car retired. */
function withProAmRound4(order: { car: number; position: number | null }[]) {
  return editedModel({
    rounds: (rounds) => [
      ...rounds,
      {
        round: 4,
        classifications: [
          {
            class: 'pro-am',
            stage: 'race',
            order: order.map(({ car, position }) => ({
              position,
              car,
              status: position === null ? 'Ret' : null,
              drivers: null,
            })),
          },
        ],
        penalties: [],
      },
    ],
  });
}

describe('the title race on the standings engine', () => {
  test.each(['pro', 'pro-am', 'gentlemen'])(
    '%s: every contender carries the engine total, and the rest of the season pays 107 then 58',
    (classId) => {
      const model = exampleModel();
      for (const round of [1, 2, 3]) {
        const { input, rows } = titleInput(model, classId, round);
        for (const c of input.contenders) {
          const expected = c.id === YET_TO_SCORE ? 0 : rows.get(c.id)?.points;
          expect(totalPoints(c.roundScores, c.penalties, input.bestResults)).toBe(expected);
        }
        const engine = computeStandings(model, classId, round);
        expect(input.contenders.length).toBe(engine.rows.length + engine.zeroRows.length + 1);
      }
      // Spa pays 12 + 12 + 25 to one driver, the 1000 km 33, Barcelona 25.
      expect(titleInput(model, classId, 2).input.remaining.map((r) => r.maxPoints)).toEqual([49, 33, 25]);
      expect(titleInput(model, classId, 3).input.remaining.map((r) => r.maxPoints)).toEqual([33, 25]);
    },
  );

  test('pro-am after Spa: Lind/Moretti (82) clinch at the Nürburgring by outscoring both 74-point crews by 18', () => {
    const race = titleRace(exampleModel(), 'pro-am', 3);
    expect(race.analysis.clinchedBy).toBeNull();
    expect(race.analysis.needs[0]).toEqual({
      kind: 'margins',
      contenderId: 'lena-lind+marco-moretti',
      round: 4,
      goal: 'clinch',
      terms: [
        { rivalId: 'nora-noel+oscar-ortiz', atLeast: 18 },
        { rivalId: 'pia-park+quinn-quade', atLeast: 18 },
      ],
      // 17 more leaves them level on 99 after Barcelona: the countback decides, and it depends on who wins there.
      onlyIf: [
        { rivalId: 'nora-noel+oscar-ortiz', atLeast: 17 },
        { rivalId: 'pia-park+quinn-quade', atLeast: 17 },
      ],
    });
  });

  test('a win at the Nürburgring with both rivals retired decides pro-am at round 4, and says so afterwards', () => {
    const model = withProAmRound4([
      { car: 50, position: 1 },
      { car: 55, position: null },
      { car: 61, position: null },
    ]);
    const race = titleRace(model, 'pro-am', 4);
    expect(race.analysis.clinchedBy).toBe('lena-lind+marco-moretti');
    expect(race.decidedAt).toBe(4);
    expect(race.analysis.needs).toEqual([]);
    expect(titleRace(model, 'pro-am', 5).decidedAt).toBe(4);
  });

  test('a win 14 points clear of Noel/Ortiz keeps pro-am open into the last round', () => {
    const model = withProAmRound4([
      { car: 50, position: 1 },
      { car: 55, position: 3 },
      { car: 61, position: 4 },
    ]);
    const race = titleRace(model, 'pro-am', 4);
    expect(race.analysis.clinchedBy).toBeNull();
    expect(race.decidedAt).toBeNull();
  });
});

describe('the line a recap leads with when its round decides a title', () => {
  test('the deciding round says who clinched which title; the rounds before and after say nothing', () => {
    const model = withProAmRound4([
      { car: 50, position: 1 },
      { car: 55, position: null },
      { car: 61, position: null },
    ]);
    expect(titleDecidedLine(model, 4, 'en')).toBe(
      '🏆 🇸🇪 Lena Lind / 🇮🇹 Marco Moretti clinched the Pro-Am Cup title at Nürburgring.',
    );
    expect(titleDecidedLine(model, 3, 'en')).toBeNull();
    expect(titleDecidedLine(exampleModel(), 3, 'en')).toBeNull();
  });
});

describe('the recap of the round that decides a title', () => {
  test('leads with the title line; the recap of a round that decides nothing does not', () => {
    const model = withProAmRound4([
      { car: 50, position: 1 },
      { car: 55, position: null },
      { car: 61, position: null },
    ]);
    const recapOf = (round: number) => {
      const r = model.rounds[round - 1];
      const facts = r ? liveRecapOf(model, r) : null;
      if (!r || !facts) throw new Error(`no live recap for round ${round}`);
      return buildLiveRecapEmbed(model, r, facts, 'en');
    };
    expect(recapOf(4).description?.split('\n')[0]).toBe(
      '🏆 🇸🇪 Lena Lind / 🇮🇹 Marco Moretti clinched the Pro-Am Cup title at Nürburgring.',
    );
    expect(recapOf(3).description).not.toContain('🏆');
  });
});
