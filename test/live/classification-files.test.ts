import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { classificationJsonSchema } from '../../src/season/json-schema.js';
import { loadSeasonFolder } from '../../src/season/load.js';
import { formatProblem } from '../../src/season/problems.js';
import { EXAMPLE_DIR, EXAMPLE_ID } from './example-season.js';

const parent = mkdtempSync(join(tmpdir(), 'pitboard-classifications-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
let copies = 0;

/** A copy of the example season with files edited (`null` deletes one), loaded; every problem formatted. */
function problemsAfter(edits: Record<string, ((text: string) => string) | null>): string[] {
  const root = join(parent, String(copies++));
  const folder = join(root, EXAMPLE_ID);
  cpSync(EXAMPLE_DIR, folder, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(folder, file);
    if (edit === null) {
      rmSync(path);
      continue;
    }
    let before = '';
    try {
      before = readFileSync(path, 'utf8');
    } catch {
      mkdirSync(join(path, '..'), { recursive: true });
    }
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    writeFileSync(path, after);
  }
  const result = loadSeasonFolder(folder);
  return result.ok ? [] : result.problems.map(formatProblem);
}
const R1 = 'classifications/round-01.yaml';
const R2 = 'classifications/round-02.yaml';
const R3 = 'classifications/round-03.yaml';
const swap = (from: string, to: string) => (text: string) => text.replace(from, to);

describe('classification files', () => {
  test('the example season loads with its three classified rounds', () => {
    const result = loadSeasonFolder(EXAMPLE_DIR);
    expect(result.ok && [...result.model.classifications.keys()]).toEqual([1, 2, 3]);
  });

  test('a season without a classifications folder loads as before', () => {
    expect(problemsAfter({ [R1]: null, [R2]: null, [R3]: null })).toEqual([]);
  });

  test.each([
    [
      'a car not entered in the class',
      R1,
      swap('{ position: 3, car: 33,', '{ position: 3, car: 50,'),
      `${R1}:14  classifications[0].order[2].car: car 50 is not entered in pro`,
    ],
    [
      'a scoring driver outside the crew',
      R1,
      swap('drivers: [alice-archer, ben-brooks]', 'drivers: [alice-archer, dana-duval]'),
      `${R1}:13  classifications[0].order[1].drivers[1]: dana-duval is not a driver of car 1 (aurora-motorsport)`,
    ],
    [
      'a scoring driver not entered for that round',
      R1,
      swap('car: 7, status: null, drivers: null', 'car: 7, status: null, drivers: [dana-duval, finn-foster]'),
      `${R1}:11  classifications[0].order[0].drivers[1]: finn-foster is not entered in car 7 for round 1 (entries.yaml: rounds 3)`,
    ],
    [
      'an unknown person',
      R1,
      swap('drivers: [alice-archer, ben-brooks]', 'drivers: [alice-archer, nobody-at-all]'),
      `${R1}:13  classifications[0].order[1].drivers[1]: unknown person "nobody-at-all"`,
    ],
    [
      'a gap in the positions',
      R1,
      swap('{ position: 3, car: 33,', '{ position: 4, car: 33,'),
      `${R1}:11  classifications[0].order: positions must run 1..3 without gaps: 3 is missing`,
    ],
    [
      'a repeated position',
      R1,
      swap('{ position: 3, car: 33,', '{ position: 2, car: 33,'),
      `${R1}:14  classifications[0].order[2].position: position 2 is given twice`,
    ],
    [
      'a car listed twice',
      R1,
      swap('{ position: 3, car: 33,', '{ position: 3, car: 1,'),
      `${R1}:14  classifications[0].order[2].car: car 1 is listed twice`,
    ],
    [
      'a stage the round does not have',
      R1,
      swap('  - class: pro\n    stage: race', '  - class: pro\n    stage: 6h'),
      `${R1}:9  classifications[0].stage: round 1 has no "6h" scoring stage (calendar.yaml: race)`,
    ],
    [
      'an unknown class',
      R1,
      swap('  - class: pro\n    stage: race', '  - class: silver\n    stage: race'),
      `${R1}:8  classifications[0].class: unknown class "silver" (season.yaml has pro, pro-am, gentlemen)`,
    ],
    [
      'a winner that disagrees with results.yaml',
      R1,
      (text: string) =>
        text
          .replace('{ position: 1, car: 7,', '{ position: 1, car: 33,')
          .replace('{ position: 3, car: 33,', '{ position: 3, car: 7,'),
      `${R1}:11  classifications[0].order[0].car: results.yaml names car 7 as the pro winner of round 1, not car 33`,
    ],
    [
      'a classified car with a status',
      R1,
      swap('{ position: 3, car: 33, status: null', '{ position: 3, car: 33, status: NC'),
      `${R1}:14  classifications[0].order[2].status: a classified car has no status (write null, or position: null)`,
    ],
    [
      'an unclassified car without a status',
      R1,
      swap('{ position: null, car: 22, status: Ret', '{ position: null, car: 22, status: null'),
      `${R1}:15  classifications[0].order[3].status: an unclassified car needs a status (Ret, DNF, DSQ, NC, DNS)`,
    ],
    [
      'a missing field',
      R1,
      swap('{ position: 3, car: 33, status: null, drivers: null }', '{ position: 3, car: 33, status: null }'),
      `${R1}:14  classifications[0].order[2].drivers: missing (write null if the value is unknown)`,
    ],
    [
      'a penalty for an unknown person',
      R2,
      swap('person: null, car: 7,', 'person: nobody-at-all, car: null,'),
      `${R2}:26  penalties[0].person: unknown person "nobody-at-all"`,
    ],
    [
      'a penalty naming both a person and a car',
      R2,
      swap('person: null, car: 7,', 'person: dana-duval, car: 7,'),
      `${R2}:26  penalties[0].person: name either a person or a car (the other null)`,
    ],
    [
      'a penalty for a car not in the class',
      R2,
      swap('person: null, car: 7,', 'person: null, car: 95,'),
      `${R2}:26  penalties[0].car: car 95 is not entered in pro`,
    ],
    [
      'a round number that disagrees with the file name',
      R2,
      swap('round: 2', 'round: 3'),
      `${R2}:3  round: says round 3, but the file name says round 2`,
    ],
  ])('%s', (_case, file, edit, expected) => {
    expect(problemsAfter({ [file]: edit })).toEqual([expected]);
  });

  test('data/schema/classification.schema.json is up to date (run npm run schema:data)', () => {
    const path = fileURLToPath(new URL('../../data/schema/classification.schema.json', import.meta.url));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(classificationJsonSchema());
  });

  test('a round outside the calendar', () => {
    expect(
      problemsAfter({
        'classifications/round-09.yaml': () => 'round: 9\nclassifications: []\npenalties: []\n',
      }),
    ).toEqual(['classifications/round-09.yaml:1  round: round 9 is not in the calendar (1–5)']);
  });

  test('a YAML syntax error names the file and line', () => {
    const problems = problemsAfter({ [R2]: swap('round: 2\n', 'round: 2\n  oops: [\n') });
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems)
      expect(problem).toMatch(/^classifications\/round-02\.yaml:\d+ {2}\(file\): YAML syntax: /);
  });

  test('a round file that cannot be read is a problem, not a crash', () => {
    const root = join(parent, String(copies++));
    const folder = join(root, EXAMPLE_ID);
    cpSync(EXAMPLE_DIR, folder, { recursive: true });
    mkdirSync(join(folder, 'classifications', 'round-05.yaml'));
    const result = loadSeasonFolder(folder);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'classifications/round-05.yaml  (file): cannot read the file (EISDIR)',
    ]);
  });

  test('a stray file in the folder is named', () => {
    expect(problemsAfter({ 'classifications/r4.yaml': () => 'round: 4\n' })).toEqual([
      'classifications/r4.yaml  (file): unexpected file (round files are named round-01.yaml, round-02.yaml, …)',
    ]);
  });

  test('every problem of every file at once', () => {
    const problems = problemsAfter({
      [R1]: swap('{ position: 3, car: 33,', '{ position: 4, car: 33,'),
      [R3]: swap('{ position: 4, car: 22,', '{ position: 4, car: 23,'),
    });
    expect(problems).toHaveLength(2);
  });
});
