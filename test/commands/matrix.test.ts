import { describe, expect, test } from 'vitest';
import { answerLine } from '../../src/cli/run-cli.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import {
  ask,
  BIDI_OVERRIDES,
  bundledApp,
  expectValidReply,
  hasLoneSurrogate,
  isEphemeral,
  mentionLeaks,
  renderedStrings,
} from './discord-limits.js';

interface Case {
  /** What a user types (the CLI parse path); also the test's name. */
  line: string;
  command: string;
  /** The options Discord would deliver for that line. */
  options: OptionValues;
  /** A user mistake: ephemeral, saying what was wrong. */
  mistake?: boolean;
  /** Ephemeral although not a mistake (hide:true, a pick-list). */
  ephemeral?: boolean;
  /** Texts the reply must show (plain substrings of the rendered strings). */
  shows: (string | RegExp)[];
  hides?: (string | RegExp)[];
}

const SEASON_ID = '2013-blancpain-endurance-series';

const standings: Case[] = [
  {
    line: '/standings pro',
    command: 'standings',
    options: { class: 'pro' },
    shows: ['Pro Cup', 'Maximilian Buhk · HTP Motorsport — **81**', '` =2`', 'SPA 4/3/1', 'Ret'],
  },
  {
    line: '/standings pro-am',
    command: 'standings',
    options: { class: 'pro-am' },
    shows: ['Pro-Am Cup', 'Lucas Ordóñez — **66**'],
    hides: ['Maximilian Buhk'],
  },
  {
    line: '/standings gentlemen',
    command: 'standings',
    options: { class: 'gentlemen' },
    shows: ['Gentlemen Trophy', 'Patrice Goueslard — **112**'],
  },
  {
    line: '/standings class:pro hide:true',
    command: 'standings',
    options: { class: 'pro', hide: true },
    ephemeral: true,
    shows: ['Pro Cup', 'Maximilian Buhk'],
  },
  {
    // A loose true/false fills hide, never season.
    line: '/standings pro true',
    command: 'standings',
    options: { class: 'pro', hide: true },
    ephemeral: true,
    shows: ['Pro Cup', 'Maximilian Buhk'],
  },
  {
    line: `/standings class:pro season:${SEASON_ID}`,
    command: 'standings',
    options: { class: 'pro', season: SEASON_ID },
    shows: ['Pro Cup', 'Maximilian Buhk'],
  },
  {
    line: '/standings class:lmp1',
    command: 'standings',
    options: { class: 'lmp1' },
    mistake: true,
    shows: ['There is no class “lmp1”', 'pro, pro-am, gentlemen'],
  },
];

const buhk = ['Maximilian Buhk', '81 points', 'HTP Motorsport', '#84', 'Spa-Francorchamps', 'Nürburgring'];
const driver: Case[] = [
  { line: '/driver Buhk', command: 'driver', options: { name: 'Buhk' }, shows: buhk },
  { line: '/driver buhk', command: 'driver', options: { name: 'buhk' }, shows: buhk },
  {
    line: '/driver name:Maximilian Buhk',
    command: 'driver',
    options: { name: 'Maximilian Buhk' },
    shows: buhk,
  },
  // What autocomplete sends when a choice is picked: the id.
  {
    line: '/driver name:maximilian-buhk',
    command: 'driver',
    options: { name: 'maximilian-buhk' },
    shows: buhk,
  },
  {
    line: '/driver Buhk hide:true',
    command: 'driver',
    options: { name: 'Buhk', hide: true },
    ephemeral: true,
    shows: buhk,
  },
  {
    line: '/driver Catsburg',
    command: 'driver',
    options: { name: 'Catsburg' },
    shows: ['Nick Catsburg', 'Nicky Catsburg', 'Marc VDS Racing Team', '31 points', '#4'],
  },
  {
    line: '/driver Nicky Catsburg',
    command: 'driver',
    options: { name: 'Nicky Catsburg' },
    shows: ['Nick Catsburg', '31 points'],
  },
  {
    line: '/driver Beaubelique',
    command: 'driver',
    options: { name: 'Beaubelique' },
    shows: ['Jean-Luc Beaubélique', 'Gentlemen Trophy', '112 points', 'SOFREV Auto Sport Promotion'],
  },
  {
    line: '/driver Makowiecki',
    command: 'driver',
    options: { name: 'Makowiecki' },
    shows: ['Frédéric Makowiecki', 'Frederick Makowiecki', '25 points', 'Aston Martin Racing', 'Silverstone'],
  },
  {
    line: '/driver Frederick Makowiecki',
    command: 'driver',
    options: { name: 'Frederick Makowiecki' },
    shows: ['Frédéric Makowiecki', '25 points'],
  },
  {
    line: '/driver Ordonez',
    command: 'driver',
    options: { name: 'Ordonez' },
    shows: ['Lucas Ordóñez', 'Pro-Am Cup', '66 points', 'Nissan GT Academy Team RJN'],
  },
  {
    line: '/driver Götz',
    command: 'driver',
    options: { name: 'Götz' },
    shows: ['Maximilian Götz', '71 points', '=2nd', 'Bernd Schneider'],
  },
  {
    line: '/driver Gotz',
    command: 'driver',
    options: { name: 'Gotz' },
    shows: ['Maximilian Götz', '71 points'],
  },
  {
    line: '/driver Jones',
    command: 'driver',
    options: { name: 'Jones' },
    ephemeral: true,
    shows: ['match “Jones”', 'Gareth Jones', 'Godfrey Jones', 'Morgan Jones', 'Philip Jones'],
    hides: ['points (published)'],
  },
  {
    line: '/driver Bukh',
    command: 'driver',
    options: { name: 'Bukh' },
    mistake: true,
    shows: ['No driver called “Bukh”', 'Did you mean: Maximilian Buhk'],
  },
  {
    line: '/driver zzzz',
    command: 'driver',
    options: { name: 'zzzz' },
    mistake: true,
    shows: ['No driver called “zzzz”'],
  },
];

const results: Case[] = [
  {
    line: '/results 1',
    command: 'results',
    options: { round: 1 },
    shows: ['Monza', 'Kessel Racing', '#42', 'No. 44', 'SOFREV Auto Sport Promotion'],
  },
  {
    line: '/results 2',
    command: 'results',
    options: { round: 2 },
    shows: ['Silverstone', 'Aston Martin Racing', '#97', 'Frédéric Makowiecki', 'ARC Bratislava'],
  },
  {
    line: '/results 3',
    command: 'results',
    options: { round: 3 },
    shows: ['Paul Ricard', 'Marc VDS Racing Team', '#3'],
  },
  {
    line: '/results 4',
    command: 'results',
    options: { round: 4 },
    shows: ['Spa-Francorchamps', '24 hours', 'HTP Motorsport', '#84', 'Maximilian Buhk', 'AF Corse'],
  },
  {
    line: '/results round:5',
    command: 'results',
    options: { round: 5 },
    shows: ['Nürburgring', '1000 km', 'HTP Motorsport', 'SMP Racing', 'Sport Garage'],
  },
  ...[0, 6, -1].map(
    (n): Case => ({
      line: `/results ${n}`,
      command: 'results',
      options: { round: n },
      mistake: true,
      shows: [`There is no round ${n}`, 'rounds 1–5', '1 (Monza)', '5 (Nürburgring)'],
    }),
  ),
  {
    // (The CLI reads a circuit name as its round, like Discord's list: see test/cli/resolve-words.test.ts.)
    line: '/results round:xyz',
    command: 'results',
    options: { round: 'xyz' },
    mistake: true,
    shows: ['round must be a whole number', '“xyz”'],
  },
  {
    // Blank is not given (it used to read as round 0).
    line: '/results round:" "',
    command: 'results',
    options: { round: ' ' },
    mistake: true,
    shows: ['Which round?'],
    hides: ['round 0'],
  },
];

const lineup: Case[] = [
  {
    line: '/lineup car:84',
    command: 'lineup',
    options: { car: 84 },
    shows: ['Car #84', 'HTP Motorsport', 'Maximilian Buhk', 'Maximilian Götz', 'Alon Day', 'rounds 4–5'],
  },
  {
    line: '/lineup 71',
    command: 'lineup',
    options: { car: 71 },
    shows: [
      'SMP Racing',
      'Pro Cup · #71',
      'Pro-Am Cup · #71',
      'Pro Cup with SMP Racing (rounds 1–3)',
      'Nürburgring',
    ],
  },
  {
    // Results publish Kessel Racing's Monza win as No. 42; the entry list has #42 = Saintéloc (Pro-Am).
    line: '/lineup car:42',
    command: 'lineup',
    options: { car: 42 },
    shows: ['Saintéloc Racing', 'Pro-Am Cup', 'Kessel Racing', 'No. 44'],
  },
  {
    line: '/lineup car:44',
    command: 'lineup',
    options: { car: 44 },
    shows: ['Kessel Racing', 'César Ramos', 'Davide Rigon', 'Daniel Zampieri'],
  },
  {
    line: '/lineup car:19',
    command: 'lineup',
    options: { car: 19 },
    // The class changes in calendar order, "round" singular for one round.
    shows: [
      'Car #19 ran as: Gentlemen Trophy with Black Falcon (round 1) → Pro-Am Cup with Black Falcon (rounds 2–4) → Pro Cup with Black Falcon (round 5).',
    ],
    hides: ['(rounds 1)', '(rounds 5)'],
  },
  // A whole number is digits only: hex, exponent and decimal text is a mistake, not another car.
  ...['0x54', '1e1', '84.0', '8_4'].map(
    (car): Case => ({
      line: `/lineup car:${car}`,
      command: 'lineup',
      options: { car },
      mistake: true,
      shows: ['car must be a whole number, not “'],
      hides: ['Car #'],
    }),
  ),
  {
    line: '/lineup car:+84',
    command: 'lineup',
    options: { car: '+84' },
    shows: ['Car #84', 'HTP Motorsport'],
  },
  {
    // Blank is not given (it used to read as car #0).
    line: '/lineup car:" "',
    command: 'lineup',
    options: { car: ' ' },
    mistake: true,
    shows: ['Give a car number or a team'],
    hides: ['#0'],
  },
  {
    line: '/lineup car:9999',
    command: 'lineup',
    options: { car: 9999 },
    mistake: true,
    shows: ['No car #9999', 'Did you mean: #'],
  },
  {
    line: '/lineup team:"HTP Motorsport"',
    command: 'lineup',
    options: { team: 'HTP Motorsport' },
    shows: ['HTP Motorsport', '#84', 'Maximilian Buhk', '1 entry'],
  },
  { line: '/lineup team:htp', command: 'lineup', options: { team: 'htp' }, shows: ['HTP Motorsport', '#84'] },
  {
    line: '/lineup team:"JR Motorsports"',
    command: 'lineup',
    options: { team: 'JR Motorsports' },
    shows: ['JRM Racing', 'JR Motorsports', '#23', '#230', 'Steven Kane'],
  },
  {
    line: '/lineup team:Racing',
    command: 'lineup',
    options: { team: 'Racing' },
    mistake: true,
    shows: ['Several teams match “Racing”', 'Aston Martin Racing'],
  },
  {
    line: '/lineup',
    command: 'lineup',
    options: {},
    mistake: true,
    shows: ['Give a car number or a team'],
  },
];

const others: Case[] = [
  {
    line: '/scoring',
    command: 'scoring',
    options: {},
    shows: [
      '1000 km',
      '1st 33',
      '1st 25',
      '1st 12',
      '75%',
      '25 minutes',
      'pole',
      'Paul Ricard',
      'R4 6h',
      'R4 finish',
    ],
  },
  ...[
    [1, 'Monza', 'Kessel Racing'],
    [2, 'Silverstone', 'Aston Martin Racing'],
    [3, 'Paul Ricard', 'Pro Cup winner'],
    [4, 'Spa', 'HTP Motorsport'],
    [5, 'Nürburgring', 'champion'],
  ].map(
    ([n, circuit, winner]): Case => ({
      line: `/recap ${n}`,
      command: 'recap',
      options: { round: n as number },
      shows: [`Round ${n} recap`, circuit as string, winner as string, `round ${n} of 5`],
    }),
  ),
  {
    line: '/recap 6',
    command: 'recap',
    options: { round: 6 },
    mistake: true,
    shows: ['There is no round 6', 'rounds 1–5'],
  },
  {
    // Settings live in the bot's storage and belong to a server; outside one (the CLI) it says so.
    line: '/setup show',
    command: 'setup',
    options: { subcommand: 'show' },
    mistake: true,
    shows: ['/setup works inside a server'],
  },
  // An unknown season is a user mistake for every command that takes one.
  ...[
    ['standings', { class: 'pro' }, 'pro'],
    ['driver', { name: 'Buhk' }, 'Buhk'],
    ['results', { round: 1 }, '1'],
    ['lineup', { car: 84 }, '84'],
    ['calendar', {}, ''],
    ['scoring', {}, ''],
    ['recap', { round: 1 }, '1'],
  ].map(
    ([command, options, loose]): Case => ({
      line: `/${command} ${loose} season:1999`.replace('  ', ' '),
      command: command as string,
      options: { ...(options as OptionValues), season: '1999' },
      mistake: true,
      shows: ['There is no season “1999”', SEASON_ID],
    }),
  ),
];

function expectShows(text: string, expected: (string | RegExp)[], hidden: (string | RegExp)[] = []) {
  for (const piece of expected) {
    if (typeof piece === 'string') expect(text).toContain(piece);
    else expect(text).toMatch(piece);
  }
  for (const piece of hidden) {
    if (typeof piece === 'string') expect(text).not.toContain(piece);
    else expect(text).not.toMatch(piece);
  }
}

describe.each([
  ['/standings', standings],
  ['/driver', driver],
  ['/results', results],
  ['/lineup', lineup],
  ['/scoring, /recap, unknown seasons', others],
])('%s', (_group, cases) => {
  test.each(cases)('$line', async (c) => {
    const answer = await ask(c.command, c.options);
    expectValidReply(answer);
    expectShows(answer.text, c.shows, c.hides);
    expect(isEphemeral(answer.reply)).toBe(Boolean(c.mistake || c.ephemeral));
    if (c.mistake) {
      // A mistake is plain content that says what was wrong, never an empty or generic answer.
      expect(answer.reply.data.content ?? '').not.toMatch(/Something went wrong/);
      expect(answer.reply.data.embeds ?? []).toEqual([]);
    }
    for (const text of renderedStrings(answer.reply.data)) {
      expect(mentionLeaks(text)).toEqual([]);
      expect(text).not.toMatch(BIDI_OVERRIDES);
      expect(hasLoneSurrogate(text)).toBe(false);
    }

    // The CLI is an adapter over the same modules: the typed line gives the very same callback body.
    const viaCli = await answerLine(
      c.line,
      { mode: 'ask', json: true, outDir: null },
      bundledApp().makeContext(),
    );
    expect(viaCli.failure).toBeNull();
    expect(JSON.parse(viaCli.output)).toEqual(answer.body);
  });
});

test.each([
  [1, '2013-04-14'],
  [2, '2013-06-02'],
  [3, '2013-06-30'],
  [4, '2013-07-28'],
  [5, '2013-09-22'],
])('/results %i shows the race day as a Discord timestamp (%s)', async (round, day) => {
  const { text } = await ask('results', { round });
  const stamps = [...text.matchAll(/<t:(\d+):[dDfF]>/g)].map((m) => Number(m[1]));
  expect(stamps.map((s) => new Date(s * 1000).toISOString().slice(0, 10))).toContain(day);
});

describe('/calendar follows the injected clock', () => {
  const at = (iso: string) => createAppContext({ now: () => new Date(iso) }).makeContext();
  const timestamps = (text: string) => [...text.matchAll(/<t:(\d+):D>/g)].map((m) => Number(m[1]));

  test.each([
    {
      when: 'before the season',
      now: '2013-01-01T00:00:00Z',
      done: 0,
      next: 'Next: round 1, Monza',
    },
    {
      when: 'during the season (after round 3)',
      now: '2013-07-01T12:00:00Z',
      done: 3,
      next: 'Next: round 4, Spa-Francorchamps',
    },
    {
      when: 'during the 24 Hours of Spa',
      now: '2013-07-27T20:00:00Z',
      done: 3,
      next: 'Next: round 4, Spa-Francorchamps',
    },
    { when: 'after the season', now: '2014-01-01T00:00:00Z', done: 5, next: 'All 5 rounds are done' },
  ])('$when', async ({ now, done, next }) => {
    const answer = await ask('calendar', {}, at(now));
    expectValidReply(answer);
    expect(isEphemeral(answer.reply)).toBe(false);
    const text = answer.text;
    // Five rounds as Discord timestamps, in date order, Monza to the Nürburgring.
    const dates = timestamps(text);
    expect(dates).toHaveLength(5);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    expect(new Date((dates[0] as number) * 1000).toISOString().slice(0, 10)).toBe('2013-04-14');
    for (const circuit of ['Monza', 'Silverstone', 'Paul Ricard', 'Spa-Francorchamps', 'Nürburgring'])
      expect(text).toContain(circuit);
    expect(text.match(/✅/g) ?? []).toHaveLength(done);
    expect(text).toContain(next);
    // A countdown only while a round is ahead.
    expect(/<t:\d+:R>/.test(text)).toBe(done < 5);
  });
});
