/** check:data's messages: each says what is wrong where it is wrong, once (one row per case). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSeasonFolder } from '../../src/season/load.js';
import { firstInvalidUtf8Byte } from '../../src/season/read-season-file.js';
import { copySeason, type MessageRow, problemsOf, removeCopies } from './season-copy.js';

afterEach(removeCopies);

/** The byte offset of the first "é" in people.yaml, which a Latin-1 editor would write as one byte. */
function latin1People(text: string): { bytes: Buffer; offset: number } {
  const at = Buffer.from(text, 'utf8').indexOf(Buffer.from('é', 'utf8'));
  const utf8 = Buffer.from(text, 'utf8');
  return {
    bytes: Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe9]), utf8.subarray(at + 2)]),
    offset: at,
  };
}

describe('each message says what is wrong where it is wrong, once', () => {
  test.each<[string, MessageRow]>([
    [
      'text where a number belongs',
      {
        file: 'season.yaml',
        edit: (t) => t.replace('year: 2013', 'year: "x"'),
        line: 6,
        field: 'year',
        message: /^expected a number, got the text "x"$/,
      },
    ],
    [
      'text where true/false belongs',
      {
        file: 'calendar.yaml',
        edit: (t) => t.replace('report: true', 'report: "yes"'),
        line: 17,
        field: 'rounds[0].report',
        message: /^expected true or false, got the text "yes"$/,
      },
    ],
    [
      'a list where a number belongs',
      {
        file: 'season.yaml',
        edit: (t) => t.replace('year: 2013', 'year: [2013]'),
        line: 6,
        field: 'year',
        message: /^expected a number, got a list$/,
      },
    ],
    [
      'a number where keys belong',
      {
        file: 'scoring.yaml',
        edit: (t) => t.replace(/^rules:\n( .*\n)+/m, 'rules: 3\n'),
        line: 3,
        field: 'rules',
        message: /^expected keys with values \(key: value lines\), got the number 3$/,
      },
    ],
    [
      'a standings cell that is neither a position nor a status',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('nur: 1}', 'nur: first}'),
        line: 23,
        field: 'classes[0].rows[0].cells.nur',
        message: /^expected a number or one of "Ret", "DNS", "DSQ", "NC", "EX", "WD", got the text "first"$/,
      },
    ],
    [
      'a value outside a fixed list',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('cells: overall-positions', 'cells: overall'),
        line: 8,
        field: 'classes[0].cells',
        message: /^expected one of "overall-positions", "class-positions", "none", got the text "overall"$/,
      },
    ],
    [
      'a negative number',
      {
        file: 'standings.yaml',
        edit: (t) => t.replace('points: 81', 'points: -81'),
        line: 24,
        field: 'classes[0].rows[0].points',
        message: /^must be at least 0, got the number -81$/,
      },
    ],
    [
      'a fraction where a whole number belongs',
      {
        file: 'season.yaml',
        edit: (t) => t.replace('year: 2013', 'year: 2013.5'),
        line: 6,
        field: 'year',
        message: /^expected a whole number, got the number 2013.5$/,
      },
    ],
    [
      'an empty file',
      { file: 'teams.yaml', edit: '', line: null, field: '', message: /^the file is empty$/ },
    ],
    [
      'a file of comments only',
      {
        file: 'teams.yaml',
        edit: '# nothing yet\n',
        line: null,
        field: '',
        message: /^the file holds no data$/,
      },
    ],
    [
      'a 10 MB single-line file',
      {
        file: 'people.yaml',
        edit: 'x'.repeat(10 * 1024 * 1024),
        line: null,
        field: '',
        message: /^the file is 10 MB; a season file may be at most 8 MB$/,
      },
    ],
    [
      'a 1 MB single-line file',
      {
        file: 'people.yaml',
        edit: 'x'.repeat(1024 * 1024),
        line: 1,
        field: '',
        message: /^expected keys with values .*got the text "xxxx/,
      },
    ],
    [
      'a mistake in a file too large to look lines up in',
      {
        file: 'season.yaml',
        edit: (t) => `${t.replace('year: 2013', 'year: "x"')}# ${'-'.repeat(1024 * 1024)}\n`,
        line: null,
        field: 'year',
        message: /^expected a number, got the text "x"$/,
      },
    ],
    [
      'a syntax error in a file too large to look lines up in',
      {
        file: 'teams.yaml',
        edit: (t) =>
          `${t.replace('  - id: af-corse\n', '  - id: [af-corse\n')}# ${'-'.repeat(1024 * 1024)}\n`,
        line: expect.any(Number) as never,
        field: '',
        message: /^YAML syntax: /,
      },
    ],
    [
      'a date that does not exist',
      {
        file: 'calendar.yaml',
        edit: (t) => t.replace('date: 2013-04-14', 'date: 2013-02-30'),
        line: 14,
        field: 'rounds[0].date',
        message: /^30 February 2013 does not exist$/,
      },
    ],
    [
      'a month that does not exist',
      {
        file: 'calendar.yaml',
        edit: (t) => t.replace('date: 2013-04-14', 'date: 2013-13-01'),
        line: 14,
        field: 'rounds[0].date',
        message: /^month 13 does not exist/,
      },
    ],
    [
      'a bracket never closed',
      {
        file: 'teams.yaml',
        edit: (t) => t.replace('  - id: af-corse\n', '  - id: [af-corse\n'),
        line: 4,
        field: '',
        message: /^YAML syntax: "\[" is never closed$/,
      },
    ],
    [
      'a quote never closed',
      {
        file: 'teams.yaml',
        edit: (t) => t.replace('name: AF Corse', 'name: "AF Corse'),
        line: 5,
        field: '',
        message: /^YAML syntax: a quoted text is never closed$/,
      },
    ],
    [
      'a key indented wrongly',
      {
        file: 'teams.yaml',
        edit: (t) => t.replace('    name: AF Corse', '   name: AF Corse'),
        line: 5,
        field: '',
        message: /^YAML syntax: /,
      },
    ],
  ])('%s', (_name, { file, edit, line, field, message }) => {
    const problems = problemsOf(copySeason({ [file]: edit })).filter((p) => p.file === file);
    expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line, field });
    expect(problems[0]?.message).toMatch(message);
  });

  test('a byte that is not UTF-8 is named in its own file, at its offset', () => {
    const folder = copySeason();
    const { bytes, offset } = latin1People(readFileSync(join(folder, 'people.yaml'), 'utf8'));
    const problems = problemsOf(copySeason({ 'people.yaml': bytes }));
    expect(problems).toEqual([
      {
        file: 'people.yaml',
        line: expect.any(Number),
        field: '',
        message: `not valid UTF-8 at byte ${offset}`,
      },
    ]);
  });

  test.each([
    ['plain ASCII', [0x61, 0x62], null],
    ['a four-byte character', [0x61, 0xf0, 0x9f, 0x98, 0x80], null],
    ['Latin-1 é', [0x61, 0xe9, 0x62], 1],
    ['an overlong form', [0xc0, 0x80], 0],
    ['a UTF-16 surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a sequence cut at the end', [0x61, 0xe2, 0x82], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('UTF-8 check, %s: agrees with a strict decoder', (_name, bytes, expected) => {
    const input = Uint8Array.from(bytes);
    expect(firstInvalidUtf8Byte(input)).toBe(expected);
    const decodes = (() => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input);
        return true;
      } catch {
        return false;
      }
    })();
    expect(decodes).toBe(expected === null);
  });

  test('a byte order mark is allowed', () => {
    const folder = copySeason();
    const text = readFileSync(join(folder, 'season.yaml'), 'utf8');
    expect(loadSeasonFolder(copySeason({ 'season.yaml': `\uFEFF${text}` })).ok).toBe(true);
  });

  test('thousands of identical mistakes: the first 50 with lines, then a count', () => {
    const rows = '  - {id: x, name: 1, aliases: [], nationality: {iso: NL, written: [NED]}}\n'.repeat(3000);
    const problems = problemsOf(copySeason({ 'teams.yaml': `teams:\n${rows}` })).filter(
      (p) => p.file === 'teams.yaml',
    );
    expect(problems).toHaveLength(51);
    expect(problems.slice(0, 50).every((p) => p.line !== null)).toBe(true);
    expect(problems[50]?.message).toBe('and 2950 more problems in this file');
  });
});
