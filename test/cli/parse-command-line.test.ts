import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommandLine, tokenize } from '../../src/cli/parse-command-line.js';
import { parseCliArguments } from '../../src/cli/run-cli.js';
import { UserError } from '../../src/core/command.js';

function parse(line: string) {
  const parsed = parseCommandLine(line, commands);
  return { command: parsed.command.definition.name, options: parsed.options, focused: parsed.focused };
}

function mistake(line: string): UserError {
  try {
    parseCommandLine(line, commands);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`${line} parsed without a mistake`);
}

describe('parseCommandLine: key:value', () => {
  test.each([
    ['/driver name:Buhk', 'driver', { name: 'Buhk' }],
    ['/standings class:pro', 'standings', { class: 'pro' }],
    ['/results round:4', 'results', { round: 4 }],
    ['/lineup car:84', 'lineup', { car: 84 }],
    ['/standings class:pro hide:true', 'standings', { class: 'pro', hide: true }],
    ['/standings class:pro hide:no', 'standings', { class: 'pro', hide: false }],
    ['/driver NAME:Buhk', 'driver', { name: 'Buhk' }],
    ['/DRIVER name:Buhk', 'driver', { name: 'Buhk' }],
    ['driver name:Buhk', 'driver', { name: 'Buhk' }],
    ['  /driver   name:Buhk  ', 'driver', { name: 'Buhk' }],
  ])('%s', (line, command, options) => {
    expect(parse(line)).toMatchObject({ command, options });
  });

  test('integer options become numbers, booleans booleans, as Discord delivers them', () => {
    const { options } = parse('/lineup car:071');
    expect(options.car).toBe(71);
    expect(typeof parse('/driver Buhk hide:TRUE').options.hide).toBe('boolean');
  });

  test('a value that is not a whole number is passed on as typed, for the command to reject', () => {
    expect(parse('/results round:spa').options).toEqual({ round: 'spa' });
    expect(parse('/lineup car:1.5').options).toEqual({ car: '1.5' });
  });
});

describe('parseCommandLine: quotes', () => {
  test.each([
    ['/lineup team:"HTP Motorsport"', { team: 'HTP Motorsport' }],
    ['/lineup team:"  spaced  "', { team: '  spaced  ' }],
    ['/lineup team:"a \\"quoted\\" name"', { team: 'a "quoted" name' }],
    ['/lineup team:"unterminated words', { team: 'unterminated words' }],
    ['/driver "Maximilian Buhk"', { name: 'Maximilian Buhk' }],
    ['/lineup team:""', { team: '' }],
  ])('%s', (line, options) => {
    expect(parse(line).options).toEqual(options);
  });

  test('tokenize keeps keys and values apart', () => {
    expect(tokenize(' name:"Max Buhk" season:2013 loose ')).toEqual([
      { key: 'name', value: 'Max Buhk' },
      { key: 'season', value: '2013' },
      { key: null, value: 'loose' },
    ]);
  });
});

describe('parseCommandLine: the loose form fills options in declared order', () => {
  test.each([
    ['/standings pro', 'standings', { class: 'pro' }],
    ['/driver Buhk', 'driver', { name: 'Buhk' }],
    ['/results 4', 'results', { round: 4 }],
    ['/recap 5', 'recap', { round: 5 }],
    // car is an integer option: a number fills it, a word skips it and fills team.
    ['/lineup 84', 'lineup', { car: 84 }],
    ['/lineup HTP', 'lineup', { team: 'HTP' }],
    ['/lineup HTP Motorsport', 'lineup', { team: 'HTP Motorsport' }],
    ['/lineup 84 HTP', 'lineup', { car: 84, team: 'HTP' }],
    [
      '/standings pro season:2013-blancpain-endurance-series',
      'standings',
      { class: 'pro', season: '2013-blancpain-endurance-series' },
    ],
  ])('%s', (line, command, options) => {
    expect(parse(line)).toMatchObject({ command, options });
  });

  test('free text continues over spaces: "name:Max Buhk" and "/driver Max Buhk"', () => {
    expect(parse('/driver name:Max Buhk').options).toEqual({ name: 'Max Buhk' });
    expect(parse('/driver Max Buhk').options).toEqual({ name: 'Max Buhk' });
    expect(parse('/driver name:Max Buhk hide:true').options).toEqual({ name: 'Max Buhk', hide: true });
  });

  test('an option with fixed choices takes one word', () => {
    expect(parse('/standings pro hide:true').options).toEqual({ class: 'pro', hide: true });
  });

  // season is never filled by a loose word (it used to be: "/results spa" read as a season called "spa").
  test.each([
    ['/standings pro true', { class: 'pro', hide: true }],
    ['/standings pro yes', { class: 'pro', hide: true }],
    ['/standings gentlemen no', { class: 'gentlemen', hide: false }],
  ])('a loose word skips season: %s', (line, options) => {
    expect(parse(line).options).toEqual(options);
  });

  test.each([
    ['/results spa', '/results does not know what to do with “spa”.'],
    ['/results 4 spa', '/results does not know what to do with “spa”.'],
    [
      '/calendar 2013-blancpain-endurance-series',
      '/calendar does not know what to do with “2013-blancpain-endurance-series”.',
    ],
    // round takes the first number after the class; a second loose word could only be the season
    ['/standings pro 3 2013', '/standings does not know what to do with “2013”.'],
  ])('a loose word that only season could take is a mistake: %s', (line, message) => {
    const error = mistake(line);
    expect(error.message).toBe(message);
    expect(error.suggestions).toContain('season:');
  });

  test('season is still given by key', () => {
    expect(parse('/results 4 season:spa').options).toEqual({ round: 4, season: 'spa' });
  });

  test('the focused option is the one written last, with the text as typed', () => {
    expect(parse('/driver name:mü').focused).toEqual({ name: 'name', value: 'mü' });
    expect(parse('/driver Max Buhk').focused).toEqual({ name: 'name', value: 'Max Buhk' });
    expect(parse('/results round:spa').focused).toEqual({ name: 'round', value: 'spa' });
    expect(parse('/driver Buhk season:').focused).toEqual({ name: 'season', value: '' });
    expect(parse('/driver').focused).toBeNull();
  });

  test('a subcommand is the first bare word', () => {
    expect(parse('/setup show').options).toEqual({ subcommand: 'show' });
    expect(mistake('/setup').message).toMatch(/needs one of: .*announcements.*show.*off/);
  });
});

describe('parseCommandLine: mistakes are user errors that say what was wrong', () => {
  test('an unknown command lists the commands', () => {
    const error = mistake('/podium pro');
    expect(error.message).toBe('There is no command /“podium”.');
    expect(error.suggestions).toEqual(
      expect.arrayContaining(['/standings', '/driver', '/results', '/lineup']),
    );
  });

  test('an unknown option names it and lists the options', () => {
    const error = mistake('/driver nick:Buhk');
    expect(error.message).toBe('/driver has no option “nick”.');
    expect(error.suggestions).toEqual(['name:', 'season:', 'hide:']);
  });

  test('a word no option can take is named', () => {
    expect(mistake('/standings pro season:x hide:true extra').message).toMatch(
      /does not know what to do with “extra”/,
    );
  });

  test('what it echoes is quoted with quoteInput: markdown escaped, mentions broken, cut short', () => {
    expect(mistake('/__x__').message).toBe('There is no command /“\\_\\_x\\_\\_”.');
    expect(mistake('/driver __nick__:Buhk').message).toBe('/driver has no option “\\_\\_nick\\_\\_”.');
    expect(mistake('/standings pro season:x hide:true @everyone').message).toBe(
      '/standings does not know what to do with “@\u200beveryone”.',
    );
    expect(mistake(`/standings pro season:x hide:true ${'y'.repeat(50)}`).message).toBe(
      `/standings does not know what to do with “${'y'.repeat(39)}…”.`,
    );
  });

  test.each(['', '   ', '/', '!!!', '/ driver'])('%j is not a command line', (line) => {
    expect(mistake(line).message).toMatch(/Type a command such as \/standings pro|There is no command/);
  });
});

describe('parseCliArguments', () => {
  test('--json anywhere, the rest is the line', () => {
    expect(parseCliArguments('ask', ['--json', '/driver', 'Buhk'])).toEqual({
      mode: 'ask',
      json: true,
      outDir: null,
      locale: null,
      line: '/driver Buhk',
    });
  });

  test('no line means: read standard input', () => {
    expect(parseCliArguments('complete', ['--json']).line).toBeNull();
  });

  test('--out DIR and --out=DIR', () => {
    expect(parseCliArguments('ask', ['--out', 'pics', '/standings pro']).outDir).toBe('pics');
    expect(parseCliArguments('ask', ['--out=pics']).outDir).toBe('pics');
    expect(() => parseCliArguments('ask', ['--out'])).toThrow(/--out needs a directory/);
  });
});

describe('a long line costs its length, not its square', () => {
  // Linear takes milliseconds; anything quadratic in the line would take minutes.
  test.each([
    ['half a million short words', 'a '.repeat(500_000), 500_000],
    ['a million-character value', `name:${'x'.repeat(1_000_000)}`, 1],
  ])('%s', (_label, line, count) => {
    const start = performance.now();
    expect(tokenize(line)).toHaveLength(count);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
