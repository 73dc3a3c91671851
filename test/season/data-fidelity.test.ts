import { beforeAll, describe, expect, test } from 'vitest';
import { createAppContext } from '../../src/core/app-context.js';
import type { SeasonModel } from '../../src/season/model.js';
import { cellsOf, SEED_LINES, SEED_TEXT, tableLinesAfter } from './seed.js';

let model: SeasonModel;
beforeAll(() => {
  model = createAppContext().catalog.defaultSeason();
});

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('calendar: every round line of the seed is rebuilt from the data', () => {
  const seedRows = tableLinesAfter('==Calendar==').slice(1);
  test('five rounds', () => expect(seedRows).toHaveLength(5));
  test.each(seedRows.map((line, i) => [i + 1, line] as const))('round %i', (n, line) => {
    const round = model.rounds[n - 1];
    if (!round) throw new Error(`no round ${n}`);
    const [, month, day] = round.date.split('-').map(Number);
    const place = [round.event, round.circuit, round.location, round.country.name].filter(Boolean).join(', ');
    const rebuilt = [
      String(round.round),
      `${round.country.written} ${place}`,
      `${day} ${MONTHS[(month as number) - 1]}`,
      round.report ? 'Report' : '',
    ];
    expect(rebuilt).toEqual(cellsOf(line));
  });
  test('intro: first and last rounds, formats', () => {
    expect(SEED_TEXT).toContain(
      'commenced on 14 April at Monza and ended on 22 September at the Nürburgring',
    );
    expect(model.rounds[0]?.date).toBe('2013-04-14');
    expect(model.rounds.at(-1)?.date).toBe('2013-09-22');
    expect(model.rounds.map((r) => r.format)).toEqual(['3h', '3h', '3h', '24h', '1000km']);
    expect(model.files.season.calendar_announcement?.when).toBe('July 2012');
    expect(model.files.season.calendar_announcement?.changes).toContain('Navarra');
    expect(model.files.season.entry_list_release?.date).toBe('2013-04-08');
    expect(model.files.season.edition).toBe(3);
  });
});

describe('entry list: every line of the flattened seed table is accounted for, in order', () => {
  const seedRows = tableLinesAfter('| 2013 Entry List | |').slice(1);
  const CLASS_HEADERS: Record<string, string> = {
    pro: 'Pro Cup',
    'pro-am': 'Pro-Am Cup',
    gentlemen: 'Gentlemen Trophy',
  };

  /** The lines the data says the seed must have; each line is the set of acceptable spellings. */
  function rebuildEntryLines(): string[][] {
    const lines: string[][] = [];
    let previous = null as { classId: string; teamId: string } | null;
    for (const entry of model.entries) {
      if (previous?.classId !== entry.classId) lines.push([`| ${CLASS_HEADERS[entry.classId]} | |`]);
      const team = model.teams.get(entry.teamId);
      if (!team) throw new Error(`team ${entry.teamId}`);
      const firstOfTeam = previous?.classId !== entry.classId || previous?.teamId !== entry.teamId;
      const spell = (personId: string, asWritten: string | null) => {
        const person = model.people.get(personId);
        if (!person) throw new Error(personId);
        return person.nationality.written.map((code) => `${code} ${asWritten ?? person.name}`);
      };
      entry.drivers.forEach((driver, i) => {
        if (i === 0 && firstOfTeam) {
          // Team row: the first driver of the team's first car lost name and rounds.
          expect(driver.personId, `#${entry.car} ${entry.teamId}`).toBeNull();
          lines.push(team.nationality.written.map((code) => `| ${code} ${team.name} | ${entry.car} |`));
        } else if (i === 0) {
          // Later car: its first driver lost the rounds cell.
          expect(driver.rounds, `#${entry.car} ${entry.teamId}`).toBeNull();
          lines.push(
            spell(driver.personId as string, driver.asWritten).map((name) => `| ${entry.car} | ${name} |`),
          );
        } else {
          const cell = driver.roundsText ?? driver.roundsCell;
          lines.push(
            spell(driver.personId as string, driver.asWritten).map((name) => `| ${name} | ${cell} |`),
          );
        }
      });
      previous = { classId: entry.classId, teamId: entry.teamId };
    }
    return lines;
  }

  test('same number of lines', () => expect(rebuildEntryLines()).toHaveLength(seedRows.length));
  test('each line matches', () => {
    const rebuilt = rebuildEntryLines();
    const mismatches = seedRows.flatMap((line, i) =>
      rebuilt[i]?.includes(line)
        ? []
        : [`line ${i + 1}: seed "${line}" vs data ${JSON.stringify(rebuilt[i])}`],
    );
    expect(mismatches).toEqual([]);
  });
});

describe('race results: winners and crews exactly as published', () => {
  const rows = tableLinesAfter('===Race results===').slice(1);
  test.each([1, 2, 3, 4, 5])('round %i', (n) => {
    const results = model.results.get(n);
    if (!results) throw new Error(`no results for round ${n}`);
    const head = rows[(n - 1) * 2] as string;
    const crew = rows[(n - 1) * 2 + 1] as string;
    expect(cellsOf(head)).toEqual([
      String(n),
      results.circuitAsWritten,
      ...results.winners.map((w) => w.asWritten),
    ]);
    expect(cellsOf(crew).filter(Boolean)).toEqual(
      results.winners.map((w) => w.crew.map((c) => c.asWritten).join(' ')),
    );
    expect(results.winners.map((w) => w.classId)).toEqual(['pro', 'pro-am', 'gentlemen']);
  });
});

describe('Pro Cup standings: every row, cell and total as published', () => {
  const rows = tableLinesAfter('====Pro Cup====').slice(2);
  const table = () => model.standings.get('pro');
  test('17 rows', () => expect(table()?.rows).toHaveLength(rows.length));
  test.each(rows.map((line, i) => [i, line] as const))('row %i', (i, line) => {
    const row = table()?.rows[i];
    if (!row) throw new Error(`row ${i}`);
    const cells = (row.cells ?? []).map((c) => (c === null ? '' : String(c)));
    const rebuilt = [
      String(row.position),
      row.drivers.map((d) => d.asWritten).join(' '),
      row.teamAsWritten,
      ...cells,
      String(row.points),
    ];
    expect(rebuilt).toEqual(cellsOf(line));
  });
  test('columns: MNZ SIL LEC, Spa 6h/12h/24h, NÜR', () => {
    expect(table()?.columns.map((c) => `${c.label}${c.sublabel ? ` ${c.sublabel}` : ''}`)).toEqual([
      'MNZ',
      'SIL',
      'LEC',
      'SPA 6hrs',
      'SPA 12hrs',
      'SPA 24hrs',
      'NÜR',
    ]);
    expect(SEED_TEXT).toContain(
      '| Pos. | Driver | Team | MNZ ITA | SIL GRB | LEC FRA | SPA BEL | NÜR DEU | Total | | |',
    );
  });
});

describe.each([
  ['pro-am', '====Pro-Am Cup===='],
  ['gentlemen', '====Gentlemen Trophy===='],
])('%s standings: positions, grouped drivers and totals as published', (classId, marker) => {
  const rows = tableLinesAfter(marker).slice(1);
  test('every line', () => {
    const table = model.standings.get(classId);
    const rebuilt = (table?.rows ?? []).flatMap((row) =>
      row.drivers.map((d, i) =>
        i === 0 ? [String(row.position), d.asWritten, String(row.points)] : [d.asWritten, ''],
      ),
    );
    // The seed pads continuation rows of a grouped position with extra empty cells; compare the filled ones.
    expect(rebuilt.map((cells) => cells.filter(Boolean))).toEqual(
      rows.map((line) => cellsOf(line).filter(Boolean)),
    );
  });
});

describe('points tables and rules', () => {
  const pointsRows = SEED_LINES.filter((l) => /^\| Points/.test(l));
  test.each([
    ['standard', 0],
    ['1000km', 1],
    ['spa-6h-12h', 2],
    ['spa-finish', 3],
  ] as const)('%s', (id, index) => {
    const published = cellsOf(pointsRows[index] as string)
      .slice(1)
      .map(Number);
    expect(model.pointsTables.get(id)?.points).toEqual(published);
  });
  test('titles as published', () => {
    expect(model.pointsTables.get('1000km')?.titleAsPublished).toBe('1000 km Paul Ricard points');
    expect(SEED_TEXT).toContain(';1000 km Paul Ricard points');
  });
  test('rules: 10 places, 75% distance, 25 minutes, no pole points', () => {
    const rules = model.files.scoring.rules;
    expect(rules).toMatchObject({
      points_positions: 10,
      classification_distance_percent: 75,
      minimum_drive_minutes: 25,
      pole_position_points: 0,
    });
    const paragraph = SEED_LINES.find((l) => l.startsWith('Championship points were awarded')) as string;
    expect(rules.text).toBe(paragraph);
  });
  test('Spa scores after 6 h, 12 h and at the finish', () => {
    expect(model.rounds[3]?.scoring).toEqual([
      { stage: '6h', tableId: 'spa-6h-12h' },
      { stage: '12h', tableId: 'spa-6h-12h' },
      { stage: 'finish', tableId: 'spa-finish' },
    ]);
  });
});
