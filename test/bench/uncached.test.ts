/** The "what users hit" benchmark asks every distinct request once, each on a model that answered nothing. */
import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../bench/random.js';
import {
  autocompleteRequests,
  commandRequests,
  measureUncached,
  randomPrefixes,
  UNKNOWN_NAME_LENGTH,
  unknownNames,
} from '../../bench/uncached.js';
import { createAppContext } from '../../src/core/app-context.js';

const model = createAppContext().catalog.defaultSeason();
const labelled = (groups: ReturnType<typeof commandRequests>, label: string) =>
  groups.find((g) => g.label === label)?.requests ?? [];

describe('the distinct requests of a season', () => {
  const groups = commandRequests(model, ['x'.repeat(UNKNOWN_NAME_LENGTH)]);

  test('/driver once per person, /lineup once per car and per team', () => {
    const people = labelled(groups, '/driver, each person').map((r) => r.options.name);
    expect(new Set(people)).toEqual(new Set(model.people.keys()));
    expect(people).toHaveLength(model.people.size);
    const cars = labelled(groups, '/lineup, each car').map((r) => r.options.car);
    expect(new Set(cars)).toEqual(new Set(model.entries.map((e) => e.car)));
    expect(cars).toHaveLength(new Set(cars).size);
    expect(labelled(groups, '/lineup, each team')).toHaveLength(model.teams.size);
  });

  test('/results and /recap once per round, /standings once per class, text only', () => {
    const rounds = model.rounds.map((_, i) => i + 1);
    expect(labelled(groups, '/results, each round').map((r) => r.options.round)).toEqual(rounds);
    expect(labelled(groups, '/recap, each round').map((r) => r.options.round)).toEqual(rounds);
    const standings = labelled(groups, '/standings text:true, each class');
    expect(standings.map((r) => r.options.class)).toEqual([...model.standings.keys()]);
    expect(standings.every((r) => r.options.text === true)).toBe(true);
  });

  test('autocomplete: distinct prefixes of real names, distinct unknown names of 100 characters', () => {
    const auto = autocompleteRequests(model, { prefixes: 200, unknown: 50, seed: 1 });
    const prefixes = labelled(auto, '/driver name, random prefixes').map((r) => r.focused?.value ?? '');
    expect(prefixes.length).toBeGreaterThan(100);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const names = [...model.people.values()]
      .flatMap((p) => [p.name, ...p.aliases])
      .map((n) => n.toLowerCase());
    for (const prefix of prefixes) expect(names.some((n) => n.startsWith(prefix.toLowerCase()))).toBe(true);
    const unknown = labelled(auto, `/driver name, ${UNKNOWN_NAME_LENGTH}-character unknown names`);
    expect(unknown).toHaveLength(50);
    for (const r of unknown) expect([...(r.focused?.value ?? '')]).toHaveLength(UNKNOWN_NAME_LENGTH);
  });

  test('seeded: the same seed asks the same requests', () => {
    expect(randomPrefixes(['Alpha', 'Beta'], 5, seededRandom(3))).toEqual(
      randomPrefixes(['Alpha', 'Beta'], 5, seededRandom(3)),
    );
    expect(new Set(unknownNames(20, 100, seededRandom(4))).size).toBe(20);
  });
});

test('every pass asks a freshly loaded model (never the warm-up one), every request once per pass', async () => {
  let loads = 0;
  const result = await measureUncached(
    () => {
      loads++;
      return createAppContext();
    },
    [createAppContext()],
    { passes: 2, prefixes: 5, unknown: 1 },
  );
  expect(loads).toBe(2);
  const driver = result.rows.find((r) => r.label === '/driver, each person');
  expect(driver?.requests).toBe(model.people.size);
  expect(driver?.summary.n).toBe(model.people.size);
  expect(result.rows.every((r) => r.faults === 0)).toBe(true);
});
