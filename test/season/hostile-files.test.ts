/**
 * Files written to hurt: aliases that expand without end, nesting, names that reach an object's prototype,
 * symlinks that loop or lead nowhere, a pipe in place of a file. Each is one sentence, found cheaply.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSeasonFolder } from '../../src/season/load.js';
import { aliasBombEntries, copySeason, type MessageRow, problemsOf, removeCopies } from './season-copy.js';

afterEach(removeCopies);

describe('hostile files are refused with a sentence, cheaply', () => {
  test.each<[string, MessageRow]>([
    [
      'aliases nested to the schema shape (a few KB standing for millions of values)',
      {
        file: 'entries.yaml',
        edit: aliasBombEntries(2000, 2000),
        line: expect.any(Number) as never,
        field: expect.stringMatching(/^entries\[\d+\]$/) as never,
        message: /^YAML aliases repeat more than 100,000 values; write the data out instead$/,
      },
    ],
    [
      'nesting deeper than any season file',
      {
        file: 'teams.yaml',
        edit: `teams: ${'['.repeat(50)}${']'.repeat(50)}\n`,
        line: 1,
        field: expect.stringMatching(/^teams(\[0\])+$/) as never,
        message: /^nested more than 32 levels deep$/,
      },
    ],
    [
      'nesting deeper than the YAML reader goes',
      {
        file: 'teams.yaml',
        edit: `teams: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        line: 1,
        field: '',
        message: /^YAML syntax: (nesting exceeded maxDepth \(100\)|the file is nested too deeply to read)$/,
      },
    ],
    [
      'a cells key named constructor',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('nur: 1}', 'nur: 1, constructor: 2}'),
        line: 23,
        field: 'classes[0].rows[0].cells.constructor',
        message: /^"constructor" cannot be used as a key/,
      },
    ],
    [
      'a cells key named __proto__',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('nur: 1}', 'nur: 1, __proto__: 2}'),
        line: 23,
        field: 'classes[0].rows[0].cells.__proto__',
        message: /^"__proto__" cannot be used as a key/,
      },
    ],
    [
      'a column id named constructor',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('{id: nur,', '{id: constructor,').replace(/, nur: [^,}]+\}/g, '}'),
        line: 16,
        field: 'classes[0].columns[6].id',
        message: /^cannot be used as an id/,
      },
    ],
    [
      'a team id named prototype',
      {
        file: 'teams.yaml',
        edit: (t) => t.replace('id: af-corse', 'id: prototype'),
        line: 4,
        field: 'teams[0].id',
        message: /^cannot be used as an id/,
      },
    ],
  ])(
    '%s',
    (_name, { file, edit, line, field, message }) => {
      const started = performance.now();
      const problems = problemsOf(copySeason({ [file]: edit })).filter((p) => p.file === file);
      expect(problems[0], JSON.stringify(problems, null, 2)).toMatchObject({ file, line, field });
      expect(problems[0]?.message).toMatch(message);
      // Loose: unbounded, the alias file took minutes and gigabytes; bounded, well under a second.
      expect(performance.now() - started).toBeLessThan(15_000);
    },
    30_000,
  );
});

test('a large file wrong everywhere: checking stops at the first 50 mistakes', () => {
  const row =
    '  - {class: 1, team: 2, car: x, car_model: 3, drivers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}\n';
  const entries = `entries:\n${row.repeat(Math.ceil((1.5 * 1024 * 1024) / row.length))}`;
  const problems = problemsOf(copySeason({ 'entries.yaml': entries })).filter(
    (p) => p.file === 'entries.yaml',
  );
  expect(problems).toHaveLength(51);
  expect(problems[0]).toMatchObject({
    field: 'entries[0].class',
    message: 'expected text, got the number 1',
  });
  expect(problems[50]?.message).toBe('checking stopped after these 50 problems; fix them and check again');
}, 30_000);

test.each([
  ['a large valid file loads', (t: string) => t, null],
  [
    'a large file with one unknown key: the full check still finds it',
    (t: string) => t.replace('    name: AF Corse\n', '    name: AF Corse\n    colour: red\n'),
    /unknown key "colour"/,
  ],
])('%s', (_name, edit, problem) => {
  const padded = (t: string) => `${edit(t)}# ${'-'.repeat(1024 * 1024)}\n`;
  const folder = copySeason({ 'teams.yaml': padded });
  const result = loadSeasonFolder(folder);
  if (problem === null) expect(result.ok).toBe(true);
  else
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([expect.stringMatching(problem)]);
});

describe('symbolic links: followed, and a loop or a dangling link is one problem', () => {
  test.each([
    [
      'a file linking to itself',
      'calendar.yaml',
      'calendar.yaml',
      /^is a symbolic link that loops back on itself$/,
    ],
    [
      'two files linking to each other',
      'calendar.yaml',
      'calendar-b.yaml',
      /^is a symbolic link that loops back on itself$/,
    ],
    [
      'a link to nothing',
      'calendar.yaml',
      'gone.yaml',
      /^is a symbolic link to something that does not exist$/,
    ],
  ])('%s', (_name, file, target, message) => {
    const folder = copySeason();
    unlinkSync(join(folder, file));
    symlinkSync(target, join(folder, file));
    if (target === 'calendar-b.yaml') symlinkSync(file, join(folder, target));
    const problems = problemsOf(folder).filter((p) => p.file === file);
    expect(problems).toEqual([{ file, line: null, field: '', message: expect.stringMatching(message) }]);
  });

  test('a named pipe in place of a file is refused without opening it (opening would wait forever)', () => {
    const folder = copySeason();
    unlinkSync(join(folder, 'teams.yaml'));
    execFileSync('mkfifo', [join(folder, 'teams.yaml')]);
    expect(problemsOf(folder).filter((p) => p.file === 'teams.yaml')).toEqual([
      { file: 'teams.yaml', line: null, field: '', message: 'is not a regular file' },
    ]);
  });

  test('a link to a good file is followed', () => {
    const folder = copySeason();
    const elsewhere = copySeason({}, undefined, '2014-blancpain-endurance-series');
    unlinkSync(join(folder, 'teams.yaml'));
    symlinkSync(join(elsewhere, 'teams.yaml'), join(folder, 'teams.yaml'));
    expect(loadSeasonFolder(folder).ok).toBe(true);
  });
});
