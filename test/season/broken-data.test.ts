import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSeasonFolder } from '../../src/season/load.js';
import type { DataProblem } from '../../src/season/problems.js';

const SEASON = '2013-blancpain-endurance-series';
const BUNDLED = fileURLToPath(new URL(`../../data/seasons/${SEASON}`, import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];

/** A copy of the bundled season with some files edited; the folder keeps the season's name. */
function brokenCopy(edits: Record<string, (text: string) => string>): string {
  const parent = mkdtempSync(join(tmpdir(), 'pitboard-broken-'));
  made.push(parent);
  const folder = join(parent, SEASON);
  cpSync(BUNDLED, folder, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(folder, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    writeFileSync(path, after);
  }
  return folder;
}

function problemsOf(folder: string): DataProblem[] {
  const result = loadSeasonFolder(folder);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a broken season names file, line and field of every problem', () => {
  test('the bundled season has none', () => {
    expect(loadSeasonFolder(BUNDLED).ok).toBe(true);
  });

  test.each([
    [
      'unknown key',
      'calendar.yaml',
      (t: string) => t.replace('    report: true\n', '    report: true\n    colour: red\n'),
      'rounds[0].colour',
      /unknown key "colour"/,
    ],
    [
      'impossible date',
      'calendar.yaml',
      (t: string) => t.replace('2013-06-30', '2013-06-31'),
      'rounds[2].date',
      /31 June 2013 does not exist/,
    ],
    [
      'missing value instead of null',
      'calendar.yaml',
      (t: string) => t.replace('    event: null\n', ''),
      'rounds[0].event',
      /missing/,
    ],
    [
      'negative points',
      'standings.yaml',
      (t: string) => t.replace('points: 81', 'points: -81'),
      'classes[0].rows[0].points',
      /./,
    ],
    [
      'bad nationality',
      'people.yaml',
      (t: string) => t.replace('{iso: DE, written: [DEU]}', '{iso: XX, written: [DEU]}'),
      '.nationality.iso',
      /ISO 3166/,
    ],
    [
      'round list',
      'entries.yaml',
      (t: string) => t.replace('rounds: "1–3, 5"', 'rounds: "1 to 3"'),
      '.rounds',
      /round list/,
    ],
    [
      'YAML syntax',
      'teams.yaml',
      (t: string) => t.replace('teams:\n', 'teams:\n  - id: [unclosed\n'),
      '',
      /YAML syntax/,
    ],
  ])('%s', (_name, file, edit, field, message) => {
    const problems = problemsOf(brokenCopy({ [file]: edit }));
    const hit = problems.find((p) => p.file === file && p.field.endsWith(field) && message.test(p.message));
    expect(hit, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(hit?.line).toBeGreaterThan(0);
  });

  test.each([
    [
      'unknown team',
      'standings.yaml',
      (t: string) => t.replace('team: htp-motorsport', 'team: htp-motorsprot'),
      'classes[0].rows[0].team',
      /unknown team "htp-motorsprot" \(did you mean "htp-motorsport"/,
    ],
    [
      'round outside the calendar',
      'entries.yaml',
      (t: string) => t.replace('rounds: "1–3, 5"', 'rounds: "1–3, 7"'),
      '.rounds',
      /round 7 is outside the calendar/,
    ],
    [
      'unknown person',
      'results.yaml',
      (t: string) => t.replace('person: cesar-ramos', 'person: cesar-ramoz'),
      'crew[0].person',
      /unknown person/,
    ],
    [
      'name printed differently from the person',
      'results.yaml',
      (t: string) => t.replace('BRA César Ramos', 'BRA Cesar Ramos'),
      'crew[0].as_written',
      /not the name or an alias/,
    ],
    [
      'a cell for a column that does not exist',
      'standings.yaml',
      (t: string) => t.replace('nur: 1}', 'nur: 1, monaco: 3}'),
      'cells.monaco',
      /no column/,
    ],
    [
      'a scoring table that does not exist',
      'calendar.yaml',
      (t: string) => t.replace('table: 1000km', 'table: 1000-km'),
      'scoring[0].table',
      /unknown points table/,
    ],
    [
      'a driver in two cars in one round',
      'entries.yaml',
      (t: string) => t.replace('{person: laurens-vanthoor, rounds: All}', '{person: rene-rast, rounds: All}'),
      'drivers',
      /rene-rast is entered in car/,
    ],
  ])('cross-file: %s', (_name, file, edit, field, message) => {
    const problems = problemsOf(brokenCopy({ [file]: edit }));
    const hit = problems.find((p) => p.file === file && p.field.endsWith(field) && message.test(p.message));
    expect(hit, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(hit?.line).toBeGreaterThan(0);
  });

  test('every problem at once, across files', () => {
    const folder = brokenCopy({
      'calendar.yaml': (t) => t.replace('    report: true\n', '    report: true\n    colour: red\n'),
      'people.yaml': (t) => t.replace('{iso: DE, written: [DEU]}', '{iso: XX, written: [DEU]}'),
      'standings.yaml': (t) => t.replace('points: 81', 'points: "eighty-one"'),
    });
    const files = new Set(problemsOf(folder).map((p) => p.file));
    expect([...files].sort()).toEqual(['calendar.yaml', 'people.yaml', 'standings.yaml']);
  });

  test('a missing file and an unexpected file are both reported', () => {
    const folder = brokenCopy({});
    rmSync(join(folder, 'scoring.yaml'));
    writeFileSync(join(folder, 'extra.yaml'), 'x: 1\n');
    const problems = problemsOf(folder);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scoring.yaml: file is missing/),
        expect.stringMatching(/^extra.yaml: unexpected file/),
      ]),
    );
  });
});

describe('npm run check:data', () => {
  const run = promisify(execFile);
  test('one summary line for the bundled season', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'check:data'], { cwd: ROOT });
    expect(stdout.trim()).toMatch(
      /^2013-blancpain-endurance-series: 0 problems — 5 rounds, 3 classes, 105 entries/,
    );
  }, 30_000);
  test('symlink loops: listed as start-up and reload list them, one problem each, exit 1', async () => {
    const season = brokenCopy({});
    const directory = join(season, '..');
    rmSync(join(season, 'calendar.yaml'));
    symlinkSync('calendar.yaml', join(season, 'calendar.yaml'));
    symlinkSync('loop', join(directory, 'loop'));
    const failed = await run('npm', ['run', '--silent', 'check:data', '--', directory], { cwd: ROOT }).catch(
      (e) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(
      `${season}: 1 problem\n  calendar.yaml  (file): is a symbolic link that loops back on itself`,
    );
    expect(failed.stdout).toContain(
      `${join(directory, 'loop')}: 1 problem\n  ${join(directory, 'loop')}  (file): is a symbolic link that loops back on itself`,
    );
    expect(failed.stderr).not.toMatch(/ELOOP|^\s+at /m);
  }, 30_000);
  test('a broken copy: exit 1 and each problem with file:line and field', async () => {
    const folder = brokenCopy({
      'standings.yaml': (t) => t.replace('team: htp-motorsport', 'team: htp-motorsprot'),
    });
    const failed = await run('npm', ['run', '--silent', 'check:data', '--', folder], { cwd: ROOT }).catch(
      (e) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /standings\.yaml:\d+ {2}classes\[0\]\.rows\[0\]\.team: unknown team "htp-motorsprot"/,
    );
  }, 30_000);
});
