import { beforeAll, describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import type { SeasonModel } from '../../src/season/model.js';
import { derivePoints, entryRounds, lookupPerson, lookupTeam } from '../../src/season/queries.js';
import { formatRounds, parseRoundsText } from '../../src/season/rounds-text.js';

let model: SeasonModel;
beforeAll(() => {
  model = createAppContext().catalog.defaultSeason();
});

function personIdOf(text: string): string | null {
  const found = lookupPerson(model, text);
  return found.kind === 'found' ? found.person.id : null;
}

describe('one person, several spellings, merged by explicit aliases', () => {
  test.each([
    ['Nick Catsburg', 'Nicky Catsburg', 'nick-catsburg'],
    ['Frédéric Makowiecki', 'Frederick Makowiecki', 'frederic-makowiecki'],
    ['Jean-Luc Beaubélique', 'Jean-Luc Beaubelique', 'jean-luc-beaubelique'],
    ['Cédric Mézard', 'Cédric Mezart', 'cedric-mezard'],
  ])('%s = %s', (a, b, id) => {
    expect(personIdOf(a)).toBe(id);
    expect(personIdOf(b)).toBe(id);
    expect(model.people.get(id)?.aliases.length).toBeGreaterThan(0);
  });

  test.each([
    ['nick-catsburg', 'NL', ['NLD', 'NED']],
    ['rene-rast', 'DE', ['DEU', 'GER']],
    ['henri-moser', 'CH', ['CHE', 'SWI']],
    ['alvaro-parente', 'PT', ['POR']],
    ['stephane-ortelli', 'MC', ['MCO', 'MON']],
  ])('%s: ISO %s, printed codes kept', (id, iso, written) => {
    expect(model.people.get(id)?.nationality).toEqual({ iso, written });
  });

  test('GRB in the standings header is Great Britain', () => {
    expect(model.standings.get('pro')?.columns[1]?.countryAsWritten).toBe('GRB');
    expect(model.rounds[1]?.country.iso).toBe('GB');
  });

  test('team name variants: JR Motorsports is JRM Racing', () => {
    const found = lookupTeam(model, 'JR Motorsports');
    expect(found.kind === 'found' && found.team.id).toBe('jrm-racing');
    expect(model.standings.get('pro')?.rows.filter((r) => r.teamId === 'jrm-racing')).toHaveLength(2);
  });
});

describe('flattened entry list: lost cells stay unknown, linked to the tables that supply them', () => {
  test('the first driver of every team block lost the name; each later car lost the first rounds', () => {
    const lostNames = model.entries.flatMap((e) => e.drivers.filter((d) => d.unknown === 'name-and-rounds'));
    expect(lostNames.every((d) => d.personId === null && d.rounds === null)).toBe(true);
    const lostRounds = model.entries.flatMap((e) => e.drivers.filter((d) => d.unknown === 'rounds'));
    expect(lostRounds.every((d) => d.personId !== null && d.rounds === null)).toBe(true);
    expect(model.entries.every((e) => e.drivers[0]?.unknown !== null)).toBe(true);
    // One more: Marc A. Hayek, whose rounds cell holds a car model.
    expect(lostNames.length + lostRounds.length).toBe(model.entries.length + 1);
  });

  test.each([
    [84, 'htp-motorsport', 'maximilian-buhk'],
    [3, 'marc-vds-racing-team', 'yelmer-buurman'],
    [44, 'kessel-racing', 'daniel-zampieri'],
    [97, 'aston-martin-racing', 'darren-turner'],
    [50, 'af-corse', 'niek-hommerson'],
    [5, 'boutsen-ginion', 'koen-wauters'],
    [66, 'arc-bratislava', 'miro-konopka'],
  ])('#%i %s: the lost name is linked to %s with evidence', (car, teamId, personId) => {
    const entry = model.entries.find((e) => e.car === car && e.teamId === teamId);
    const lost = entry?.drivers[0];
    expect(lost?.personId).toBeNull();
    expect(lost?.linked?.personId).toBe(personId);
    expect(lost?.linked?.evidence).toMatch(/results|standings/i);
  });

  test('a car model in a rounds cell is kept as text, not rounds', () => {
    const entry = model.entries.find((e) => e.car === 24 && e.teamId === 'blancpain-racing');
    const hayek = entry?.drivers.find((d) => d.personId === 'marc-a-hayek');
    expect(hayek?.rounds).toBeNull();
    expect(hayek?.roundsCell).toBe('Lamborghini LP 600 FL2');
    expect(entry?.carModel).toBe('Lamborghini LP 600 FL2');
  });

  test('#71 SMP Racing changes class: Pro Cup in rounds 1–3, Pro-Am Cup in 4–5', () => {
    const cars = model.index.entriesByCar.get(71) ?? [];
    expect(cars.map((e) => [e.classId, formatRounds(entryRounds(e).rounds, 99)])).toEqual([
      ['pro', '1–3'],
      ['pro-am', '4–5'],
    ]);
  });

  test('the same number belongs to different teams in different classes', () => {
    const teams = (car: number) =>
      (model.index.entriesByCar.get(car) ?? []).map((e) => `${e.classId}:${e.teamId}`);
    expect(teams(125)).toEqual(['pro:blancpain-racing', 'pro-am:united-autosports']);
    expect(teams(19)).toEqual(['pro:black-falcon', 'pro-am:black-falcon', 'gentlemen:black-falcon']);
  });

  test('results name No. 42 Kessel Racing, while the entry list has Kessel #44 and Saintéloc #42', () => {
    const winner = model.results.get(1)?.winners.find((w) => w.classId === 'pro');
    expect(winner?.car).toBe(42);
    expect(winner?.note).toMatch(/No\. 44/);
    expect(model.index.entriesByCar.get(42)?.map((e) => e.teamId)).toEqual(['sainteloc-racing']);
  });
});

describe('round ranges as printed', () => {
  test.each([
    ['All', [1, 2, 3, 4, 5]],
    ['1–3, 5', [1, 2, 3, 5]],
    ['1-4', [1, 2, 3, 4]],
    ['3-4', [3, 4]],
    ['1, 3-5', [1, 3, 4, 5]],
    ['2', [2]],
  ])('%s', (text, rounds) => expect(parseRoundsText(text, 5)).toEqual(rounds));
  test.each(['6', '0', '3–1', 'x', '1;2'])('%s is rejected', (text) =>
    expect(typeof parseRoundsText(text, 5)).toBe('string'),
  );
});

describe('standings: ties, Ret, Spa cells, authoritative totals', () => {
  test('published ties are kept: two 2nd places, three 9th, four 10th', () => {
    const positions = model.standings.get('pro')?.rows.map((r) => r.position);
    expect(positions).toEqual([1, 2, 2, 3, 4, 5, 6, 6, 7, 8, 9, 9, 9, 10, 10, 10, 10]);
    expect(model.standings.get('pro')?.rows[1]?.tied).toBe(true);
  });
  test('Pro-Am positions 5 and 6 both have 50 points, as published', () => {
    expect(
      model.standings
        .get('pro-am')
        ?.rows.slice(4)
        .map((r) => [r.position, r.points]),
    ).toEqual([
      [5, 50],
      [6, 50],
    ]);
  });

  test('the 1000 km table was used at the Nürburgring, not Paul Ricard', () => {
    expect(model.rounds[4]?.scoring).toEqual([{ stage: 'race', tableId: '1000km' }]);
    expect(model.rounds[2]?.scoring).toEqual([{ stage: 'race', tableId: 'standard' }]);
  });

  test.each([
    [0, 81],
    [1, 71],
    [2, 71],
  ])('row %i: recomputing with 1000 km points at the Nürburgring gives the published %i', (index, total) => {
    const table = model.standings.get('pro');
    const row = table?.rows[index];
    if (!table || !row) throw new Error('missing row');
    expect(derivePoints(model, table, row)).toMatchObject({ total, matchesPublished: true });
  });

  test('where overall positions do not reproduce a total, the derivation says so', () => {
    const table = model.standings.get('pro');
    const kessel = table?.rows[3];
    if (!table || !kessel) throw new Error('missing row');
    const derived = derivePoints(model, table, kessel);
    expect(kessel.points).toBe(50);
    expect(derived?.matchesPublished).toBe(false);
  });
});
