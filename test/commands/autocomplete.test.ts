import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { answerLine } from '../../src/cli/run-cli.js';
import {
  bundledApp,
  type Completion,
  complete,
  expectValidCompletion,
  optionType,
} from './discord-limits.js';

const SEASON_ID = '2013-blancpain-endurance-series';

function names(c: Completion): string[] {
  return c.choices.map((choice) => choice.name);
}
function values(c: Completion): unknown[] {
  return c.choices.map((choice) => choice.value);
}

/** Autocomplete the way Discord asks: the focused option's typed text, as a string. */
function suggest(command: string, option: string, typed: string, options = {}): Completion {
  const completion = complete(command, { name: option, value: typed }, options);
  expectValidCompletion(completion, optionType(command, option));
  return completion;
}

describe('/driver name', () => {
  test.each([
    ['mü', ['alex-muller', 'dirk-muller', 'stefan-mucke']],
    ['max', ['maxime-martin', 'maximilian-buhk', 'maximilian-gotz']],
    ['ortel', ['stephane-ortelli']],
    ['ORDONEZ', ['lucas-ordonez']],
    ['ordóñez', ['lucas-ordonez']],
    ['Götz', ['maximilian-gotz']],
    ['gotz', ['maximilian-gotz']],
    ['Makowieki', ['frederic-makowiecki']],
    ['maximilian b', ['maximilian-buhk']],
  ])('%s suggests %j', (typed, expected) => {
    const c = suggest('driver', 'name', typed);
    expect(values(c)).toEqual(expect.arrayContaining(expected));
    // Every suggestion is a person id that /driver resolves (autocomplete sends the value).
    for (const value of values(c)) expect(value).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test('the alias "Nicky" finds Nick Catsburg and says which spelling matched', () => {
    const c = suggest('driver', 'name', 'Nicky');
    expect(values(c)).toEqual(['nick-catsburg']);
    expect(names(c)[0]).toMatch(/^Nick Catsburg \(Nicky Catsburg\)/);
  });

  test('a choice name shows the class standing: "Maximilian Buhk 🇩🇪 · Pro Cup 1st"', () => {
    const c = suggest('driver', 'name', 'buhk');
    expect(c.choices[0]).toEqual({ name: 'Maximilian Buhk 🇩🇪 · Pro Cup 1st', value: 'maximilian-buhk' });
  });

  test('nothing typed: the first 25 people in standings order, the champion first', () => {
    const c = suggest('driver', 'name', '');
    expect(c.choices).toHaveLength(25);
    expect(values(c)[0]).toBe('maximilian-buhk');
    expect(new Set(values(c)).size).toBe(25);
  });

  test('"b" (many matches) still fits in 25 choices, each with a word starting with b', () => {
    const c = suggest('driver', 'name', 'b');
    expect(c.choices).toHaveLength(25);
    for (const name of names(c)) expect(name.toLowerCase()).toMatch(/(^|[\s-])b/);
  });

  test('a name that matches nobody gives an empty list, not an error', () => {
    expect(suggest('driver', 'name', 'zzzzqqq').choices).toEqual([]);
  });

  test('an unknown season gives no suggestions; the season id is accepted', () => {
    expect(suggest('driver', 'name', 'buhk', { season: '1999' }).choices).toEqual([]);
    expect(values(suggest('driver', 'name', 'buhk', { season: SEASON_ID }))).toEqual(['maximilian-buhk']);
  });
});

describe('/lineup team', () => {
  test.each([
    ['htp', ['htp-motorsport']],
    ['HTP Motor', ['htp-motorsport']],
    ['jr', ['jrm-racing']],
    ['JR Motorsports', ['jrm-racing']],
    ['kessel', ['kessel-racing']],
  ])('%s suggests %j', (typed, expected) => {
    expect(values(suggest('lineup', 'team', typed))).toEqual(expect.arrayContaining(expected));
  });

  test('nothing typed: 25 teams in alphabetical order', () => {
    const c = suggest('lineup', 'team', '');
    expect(c.choices).toHaveLength(25);
    const sorted = [...names(c)].sort((a, b) => a.localeCompare(b));
    expect(names(c)).toEqual(sorted);
  });

  test('"Racing" (many teams) fits in 25 choices', () => {
    const c = suggest('lineup', 'team', 'Racing');
    expect(c.choices.length).toBeGreaterThan(5);
    expect(c.choices.length).toBeLessThanOrEqual(25);
  });

  test('the car option does not autocomplete', () => {
    expect(suggest('lineup', 'car', '8').choices).toEqual([]);
  });
});

describe.each(['results', 'recap'])('/%s round', (command) => {
  test.each([
    ['spa', [4]],
    ['SPA', [4]],
    ['monza', [1]],
    ['nür', [5]],
    ['nurburg', [5]],
    ['ricard', [3]],
    ['silverstone', [2]],
    ['belgium', [4]],
    ['3', [3]],
    ['', [1, 2, 3, 4, 5]],
  ])('%j suggests rounds %j, as integers with the circuit in the name', (typed, expected) => {
    const c = suggest(command, 'round', typed);
    expect(values(c)).toEqual(expected);
    for (const choice of c.choices) expect(choice.name).toMatch(new RegExp(`^${choice.value} · \\S`));
  });

  test('an unknown circuit suggests nothing', () => {
    expect(suggest(command, 'round', 'le mans').choices).toEqual([]);
  });
});

describe('season, on every command', () => {
  test.each(['standings', 'driver', 'results', 'lineup', 'calendar', 'scoring', 'recap'])(
    '/%s season',
    (command) => {
      expect(optionType(command, 'season')).toBe(ApplicationCommandOptionType.String);
      for (const typed of ['', '2013', 'blanc', 'Endurance']) {
        expect(suggest(command, 'season', typed).choices).toEqual([
          { name: '2013 Blancpain Endurance Series', value: SEASON_ID },
        ]);
      }
      expect(suggest(command, 'season', '1999').choices).toEqual([]);
    },
  );
});

describe('the CLI complete path', () => {
  test.each([
    ['/driver name:mü', 'alex-muller'],
    ['/driver name:Nicky', 'nick-catsburg'],
    ['/driver Max Buhk', 'maximilian-buhk'],
    ['/lineup team:"HTP Motor"', 'htp-motorsport'],
    ['/results round:spa', 4],
    ['/calendar season:blanc', SEASON_ID],
  ])('%s', async (line, first) => {
    const { output, failure } = await answerLine(
      line,
      { mode: 'complete', json: true, outDir: null },
      bundledApp().makeContext(),
    );
    expect(failure).toBeNull();
    const body = JSON.parse(output);
    expect(Object.keys(body)).toEqual(['type', 'data']);
    expect(body.type).toBe(8);
    expect(body.data.choices[0]?.value).toBe(first);
  });
});
