import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { runResultsCli } from '../../src/cli/results-import.js';
import { type OrderLine, UNCLASSIFIED_STATUSES } from '../../src/season/classification-schema.js';
import { loadSeasonFolderOrThrow } from '../../src/season/load.js';
import { splitCsv } from '../../src/season/results-csv.js';
import { EXAMPLE_CSV_DIR, EXAMPLE_DIR, EXAMPLE_ID, tableLines } from './example-season.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const parent = mkdtempSync(join(tmpdir(), 'pitboard-import-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
let copies = 0;

/** A fresh copy of the example season; returns its folder. */
function seasonCopy(): string {
  const folder = join(parent, String(copies++), EXAMPLE_ID);
  cpSync(EXAMPLE_DIR, folder, { recursive: true });
  return folder;
}

/** Run the import in-process; the CSV is a path or the text itself. */
function run(folder: string, args: string[], csv: string) {
  let csvPath = csv;
  if (!existsSync(csv)) {
    csvPath = join(folder, '..', `input-${copies++}.csv`);
    writeFileSync(csvPath, csv);
  }
  let stdout = '';
  let stderr = '';
  const code = runResultsCli(['import', folder, ...args, csvPath], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr, csvName: csvPath.split('/').at(-1) };
}

/** Every file of the folder with its text, to prove nothing was written. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = readFileSync(path, 'utf8');
    }
  return files;
}
const csvOf = (name: string) => join(EXAMPLE_CSV_DIR, name);

describe('npm run results -- import', () => {
  test('round 4 of the example: the file is written, the table and the printed changes are as computed by hand', () => {
    const folder = seasonCopy();
    const { code, stdout, stderr } = run(
      folder,
      ['--round', '4', '--class', 'pro'],
      csvOf('round-04-pro.csv'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // 1000 km points 33-24-19: #22 wins (Ilic named, so he scores although his rounds are unknown), #7 DNF.
    expect(stdout).toBe(
      [
        'Imported round 4 Pro Cup (race) → classifications/round-04.yaml',
        'Pro Cup standings after round 4:',
        '  Alice Archer / Ben Brooks 79 → 103, P1',
        '  Gia Greco / Hugo Hale 56 → 89, P4 → P2',
        '  Carl Cho 61 → 85, P3',
        '  Jan Jansen / Kees Kok 48 → 67, P5 → P4',
        '  Dana Duval / Erik Engel 66, P2 → P5',
        '  Ivan Ilic new: 33, P6',
        '  Finn Foster 31, P6 → P7',
        '',
      ].join('\n'),
    );
    const model = loadSeasonFolderOrThrow(folder);
    expect(tableLines(model, 'pro', 4)).toEqual([
      '1 alice-archer/ben-brooks 103',
      '2 gia-greco/hugo-hale 89',
      '3 carl-cho 85',
      '4 jan-jansen/kees-kok 67',
      '5 dana-duval/erik-engel 66',
      '6 ivan-ilic 33',
      '7 finn-foster 31',
    ]);
    // The file reads back as exactly the CSV's rows (names resolved to ids, an alias included).
    expect(model.classifications.get(4)?.data.classifications).toEqual([
      {
        class: 'pro',
        stage: 'race',
        order: [
          { position: 1, car: 22, status: null, drivers: ['gia-greco', 'hugo-hale', 'ivan-ilic'] },
          { position: 2, car: 1, status: null, drivers: null },
          { position: 3, car: 33, status: null, drivers: null },
          { position: null, car: 7, status: 'DNF', drivers: null },
        ],
      },
    ]);
    expect(
      readdirSync(join(folder, 'classifications'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['round-01.yaml', 'round-02.yaml', 'round-03.yaml', 'round-04.yaml']);
  });

  test('every CSV shipped with the example imports, in order; the pro table after round 5 as computed by hand', () => {
    const folder = seasonCopy();
    for (const round of [4, 5])
      for (const classId of ['pro', 'pro-am', 'gentlemen']) {
        const { code, stderr } = run(
          folder,
          ['--round', String(round), '--class', classId],
          csvOf(`round-0${round}-${classId}.csv`),
        );
        expect(stderr).toBe('');
        expect(code).toBe(0);
      }
    // Round 5 (25-18-15-12): #33, #7, #1, #22; Ilic is not named, so the default crew (Greco, Hale) scores.
    expect(tableLines(loadSeasonFolderOrThrow(folder), 'pro', 5)).toEqual([
      '1 alice-archer/ben-brooks 118',
      '2 gia-greco/hugo-hale 101',
      '3 carl-cho 100',
      '4 jan-jansen/kees-kok 92',
      '5 dana-duval/erik-engel 84',
      '6 ivan-ilic 33',
      '7 finn-foster 31',
    ]);
  });

  test('importing the same round, class and stage again replaces that classification whole', () => {
    const folder = seasonCopy();
    run(folder, ['--round', '4', '--class', 'pro'], csvOf('round-04-pro.csv'));
    run(folder, ['--round', '4', '--class', 'pro-am'], csvOf('round-04-pro-am.csv'));
    const corrected = run(
      folder,
      ['--round', '4', '--class', 'pro', '--stage', 'race'],
      'position,car,status,drivers\n1,1,,\n2,22,,\n',
    );
    expect(corrected.code).toBe(0);
    expect(corrected.stdout).toContain('Replaced round 4 Pro Cup (race)');
    expect(corrected.stdout).toContain('Alice Archer / Ben Brooks 103 → 112, P1');
    const data = loadSeasonFolderOrThrow(folder).classifications.get(4)?.data;
    expect(data?.classifications.map((c) => [c.class, c.order.length])).toEqual([
      ['pro', 2],
      ['pro-am', 3],
    ]);
  });

  test('a stage of the 24 hours is replaced in the existing file, its comments kept', () => {
    const folder = seasonCopy();
    const { code } = run(
      folder,
      ['--round', '3', '--class', 'pro', '--stage', '12h'],
      'position,car,status,drivers\n1,33,,\n2,1,,\n3,22,,\n4,7,,\n',
    );
    expect(code).toBe(0);
    const text = readFileSync(join(folder, 'classifications/round-03.yaml'), 'utf8');
    expect(text).toContain("#95's two wins put it ahead on countback");
    expect(text).toContain('- { position: 1, car: 33, status: null, drivers: null }');
    // 12h swapped: A/B 9 instead of 12, J/K 12 instead of 9.
    expect(tableLines(loadSeasonFolderOrThrow(folder), 'pro', 3)).toContain('1 alice-archer/ben-brooks 76');
  });

  test('a bad file is refused whole: every problem by line and column, nothing written', () => {
    const folder = seasonCopy();
    const before = snapshot(folder);
    const csv = [
      '\uFEFFposition,car,status,drivers',
      '1,22,Ret,Gia Grecco',
      'x,1,,',
      '3,33',
      ',7,,',
      ',99,DNS,',
      '2,1,,Carl Cho;Alice Archer;Carl Cho',
      '',
    ].join('\r\n');
    const { code, stdout, stderr, csvName } = run(folder, ['--round', '4', '--class', 'pro'], csv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'results: refused, nothing written — 8 problems:',
      `  ${csvName}:2  column 3 (status): give a position or a status, not both (a classified car has no status)`,
      `  ${csvName}:2  column 4 (drivers): "Gia Grecco" is not a name or alias in people.yaml (did you mean Gia Greco?)`,
      `  ${csvName}:3  column 1 (position): "x" is not a position (a whole number from 1, or empty)`,
      `  ${csvName}:4  row: expected 4 columns (position,car,status,drivers), found 2`,
      `  ${csvName}:5  column 3 (status): an unclassified car needs a status (Ret, DNF, DSQ, NC, DNS)`,
      `  ${csvName}:6  column 2 (car): car 99 is not entered in pro`,
      `  ${csvName}:7  column 2 (car): car 1 is listed twice`,
      `  ${csvName}:7  column 4 (drivers), name 3: carl-cho is named twice`,
      '',
    ]);
    expect(snapshot(folder)).toEqual(before);
  });

  test('a file that cannot be written is one sentence, and the folder is left as it was', () => {
    const folder = seasonCopy();
    // A directory where the temp file would go makes the write fail (permissions do not stop root).
    mkdirSync(join(folder, 'classifications', `.round-04.yaml.${process.pid}.tmp`));
    const { code, stderr } = run(folder, ['--round', '4', '--class', 'pro'], csvOf('round-04-pro.csv'));
    expect(code).toBe(1);
    expect(stderr).toContain(
      'classifications/round-04.yaml  (file): cannot write the file (EISDIR); nothing was changed',
    );
    expect(
      readdirSync(join(folder, 'classifications'))
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual(['round-01.yaml', 'round-02.yaml', 'round-03.yaml']);
  });

  test.each([
    [
      ['--round', '3', '--class', 'pro'],
      'command line  --stage: round 3 is scored at 6h, 12h, finish: say which with --stage',
    ],
    [
      ['--round', '4', '--class', 'pro', '--stage', 'finish'],
      'command line  --stage: round 4 has no "finish" stage (race)',
    ],
    [['--round', '9', '--class', 'pro'], 'command line  --round: round 9 is not in the calendar (1–5)'],
    [
      ['--round', '4', '--class', 'silver'],
      'command line  --class: unknown class "silver" (one of pro, pro-am, gentlemen)',
    ],
  ])('options checked against the season: %j', (args, problem, folderPath?: string) => {
    const folder = folderPath ?? seasonCopy();
    const { code, stderr } = run(folder, args, csvOf('round-04-pro.csv'));
    expect(code).toBe(1);
    expect(stderr).toContain(`  ${problem}\n`);
  });

  test('a winner that disagrees with results.yaml is refused', () => {
    const folder = seasonCopy();
    const { code, stderr, csvName } = run(
      folder,
      ['--round', '1', '--class', 'pro'],
      'position,car,status,drivers\n1,33,,\n2,1,,Alice Archer;Ben Brooks\n3,7,,\n,22,Ret,\n',
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${csvName}:2  column 2 (car): results.yaml names car 7 as the pro winner of round 1, not car 33`,
    );
  });

  test.each([
    [
      'no header',
      '1,22,,\n',
      'row: the first line must be the header position,car,status,drivers (found "1,22,,")',
    ],
    [
      'an empty file',
      '',
      'row: the first line must be the header position,car,status,drivers (the file is empty)',
    ],
    ['a header only', 'position,car,status,drivers\n', '(file): no cars: the file has a header and no rows'],
  ])('%s is one clear sentence', (_case, csv, message) => {
    const { code, stderr } = run(seasonCopy(), ['--round', '4', '--class', 'pro'], csv);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });

  test.each([
    [[], 'results: no command'],
    [['export'], 'results: unknown command "export" (the command is import)'],
    [['import', 'a', 'b.csv', '--class', 'pro'], 'results: --round is required'],
    [
      ['import', 'a', 'b.csv', '--round', 'two', '--class', 'pro'],
      'results: --round "two" is not a round number',
    ],
    [['import', 'a', '--round', '1', '--class', 'pro'], 'results: give the season folder and the CSV file'],
    [
      ['import', 'a', 'b.csv', '--round', '1', '--class', 'pro', '--heat', '1'],
      'results: unknown option --heat',
    ],
  ])('usage mistakes: %j', (argv, message) => {
    let stderr = '';
    const code = runResultsCli(argv, {
      stdout: { write: () => 0 },
      stderr: { write: (t: string) => (stderr += t) },
    });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
  });
});

describe('CSV reading', () => {
  test('BOM, CRLF, quoted fields with commas and quotes, a final line without newline', () => {
    expect(splitCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,2').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });
  test('blank lines are skipped, lines keep their numbers', () => {
    expect(splitCsv('a\n\n\nb\n').records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });
  test('an unclosed quote is one problem', () => {
    expect(splitCsv('a,"b\n').error).toBe('line 1: a quoted field is never closed');
  });
});

describe('import → file → model round-trips', () => {
  const cars = [1, 7, 22, 33];
  const crews: Record<number, string[]> = {
    1: ['Alice Archer', 'Ben Brooks', 'Carl Cho'],
    7: ['Dana Duval', 'Erik Engel'],
    22: ['Gia Greco', 'Hugo Hale', 'Ivan Ilić'],
    33: ['Jan Jansen', 'Kees Kok'],
  };
  const ids: Record<string, string> = {
    'Alice Archer': 'alice-archer',
    'Ben Brooks': 'ben-brooks',
    'Carl Cho': 'carl-cho',
    'Dana Duval': 'dana-duval',
    'Erik Engel': 'erik-engel',
    'Gia Greco': 'gia-greco',
    'Hugo Hale': 'hugo-hale',
    'Ivan Ilić': 'ivan-ilic',
    'Jan Jansen': 'jan-jansen',
    'Kees Kok': 'kees-kok',
  };
  const row = (car: number) =>
    fc.record({
      car: fc.constant(car),
      status: fc.constantFrom(...UNCLASSIFIED_STATUSES),
      drivers: fc.option(fc.subarray(crews[car] as string[], { minLength: 1 }), { nil: null }),
      quoted: fc.boolean(),
    });
  const order = fc
    .shuffledSubarray(cars, { minLength: 1 })
    .chain((picked) => fc.tuple(fc.tuple(...picked.map(row)), fc.nat({ max: picked.length })));

  test('random orders, drivers, line endings and quoting read back as written', () => {
    const folder = seasonCopy();
    fc.assert(
      fc.property(order, fc.boolean(), fc.boolean(), ([rows, classified], crlf, bom) => {
        const expected: OrderLine[] = rows.map((r, i) => ({
          position: i < classified ? i + 1 : null,
          car: r.car,
          status: i < classified ? null : r.status,
          drivers: r.drivers ? r.drivers.map((n) => ids[n] as string) : null,
        }));
        const lines = rows.map((r, i) => {
          const drivers = r.drivers ? r.drivers.join(';') : '';
          return [
            i < classified ? i + 1 : '',
            r.car,
            i < classified ? '' : r.status,
            r.quoted ? `"${drivers}"` : drivers,
          ].join(',');
        });
        const csv = `${bom ? '\uFEFF' : ''}${['position,car,status,drivers', ...lines].join(crlf ? '\r\n' : '\n')}\n`;
        const { code, stderr } = run(folder, ['--round', '4', '--class', 'pro'], csv);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(loadSeasonFolderOrThrow(folder).classifications.get(4)?.data.classifications).toEqual([
          { class: 'pro', stage: 'race', order: expected },
        ]);
      }),
      { numRuns: 15 },
    );
  });
});

test('the npm script: paths from where the admin stands, exit code 0', async () => {
  const folder = seasonCopy();
  const { stdout } = await promisify(execFile)(
    'npm',
    [
      '--prefix',
      ROOT,
      'run',
      '--silent',
      'results',
      '--',
      'import',
      EXAMPLE_ID,
      '--round',
      '4',
      '--class',
      'pro-am',
      csvOf('round-04-pro-am.csv'),
    ],
    { cwd: join(folder, '..'), timeout: 60_000 },
  );
  expect(stdout).toContain('Imported round 4 Pro-Am Cup (race) → classifications/round-04.yaml');
  expect(existsSync(join(folder, 'classifications/round-04.yaml'))).toBe(true);
});
