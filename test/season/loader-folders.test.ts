/**
 * The loader over folders: which entries of a data directory are seasons (sorted; plain files skipped; a
 * looping or dangling link listed with its problem), a data directory that cannot be read, stray and
 * missing files in a season folder, and loading a whole directory where one season is broken.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkSeasonFolder, loadSeasonFolderOrThrow, loadSeasonsDirectory } from '../../src/season/load.js';
import { SeasonLoadError } from '../../src/season/problems.js';
import { listSeasonFolders, readDirectory } from '../../src/season/season-folders.js';
import { copySeason, problemsOf, removeCopies, SEASON, tempDataDir } from './season-copy.js';

afterEach(removeCopies);

function thrown(run: () => unknown): SeasonLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SeasonLoadError);
    return error as SeasonLoadError;
  }
  throw new Error('expected a SeasonLoadError');
}

describe('listSeasonFolders', () => {
  test('sub-folders sorted, links followed; plain files skipped; broken links listed with their problem', () => {
    const data = tempDataDir();
    mkdirSync(join(data, 'b-season'));
    mkdirSync(join(data, 'a-season'));
    symlinkSync(join(data, 'a-season'), join(data, 'c-link'));
    symlinkSync(join(data, 'nowhere'), join(data, 'd-dangling'));
    symlinkSync(join(data, 'e-loop'), join(data, 'e-loop'));
    writeFileSync(join(data, 'README.md'), 'not a season');
    const problem = (id: string, message: string) => ({
      id,
      folder: join(data, id),
      problem: { file: join(data, id), line: null, field: '', message },
    });
    expect(listSeasonFolders(data)).toEqual([
      { id: 'a-season', folder: join(data, 'a-season'), problem: null },
      { id: 'b-season', folder: join(data, 'b-season'), problem: null },
      { id: 'c-link', folder: join(data, 'c-link'), problem: null },
      problem('d-dangling', 'is a symbolic link to something that does not exist'),
      problem('e-loop', 'is a symbolic link that loops back on itself'),
    ]);
  });

  test('a data directory that cannot be read: one sentence naming it', () => {
    const data = tempDataDir();
    const file = join(data, 'file');
    writeFileSync(file, 'x');
    symlinkSync(join(data, 'loop'), join(data, 'loop'));
    const cases: [string, string][] = [
      [join(data, 'missing'), 'does not exist'],
      [file, 'is not a folder'],
      [join(data, 'loop'), 'is a symbolic link that loops back on itself'],
      [`${data}/bad\0name`, 'cannot be read (ERR_INVALID_ARG_VALUE)'],
    ];
    for (const [directory, message] of cases) {
      const error = thrown(() => readDirectory(directory));
      expect(error.directory).toBe(directory);
      expect(error.problems).toEqual([{ file: directory, line: null, field: '', message }]);
    }
  });
});

describe('a season folder', () => {
  test('a stray .yaml file is a problem; dotfiles and other files are not', () => {
    const folder = copySeason();
    writeFileSync(join(folder, 'extra.yaml'), 'a: 1\n');
    writeFileSync(join(folder, '.season.yaml'), 'lock');
    writeFileSync(join(folder, 'notes.txt'), 'notes');
    expect(problemsOf(folder)).toEqual([
      {
        file: 'extra.yaml',
        line: null,
        field: '',
        message:
          'unexpected file (expected one of season.yaml, calendar.yaml, scoring.yaml, people.yaml, teams.yaml, entries.yaml, results.yaml, standings.yaml)',
      },
    ]);
  });

  test('a missing file is named', () => {
    const folder = copySeason();
    rmSync(join(folder, 'teams.yaml'));
    expect(problemsOf(folder)).toEqual([
      { file: 'teams.yaml', line: null, field: '', message: 'file is missing' },
    ]);
  });

  test('checkSeasonFolder: the files and classified rounds of a good season; the problems of a bad one', () => {
    const good = checkSeasonFolder(copySeason());
    expect(good.ok).toBe(true);
    if (good.ok) {
      expect(good.files.season.id).toBe(SEASON);
      expect(Array.isArray(good.classified)).toBe(true);
    }
    const bad = copySeason();
    rmSync(join(bad, 'people.yaml'));
    expect(checkSeasonFolder(bad)).toEqual({
      ok: false,
      problems: [{ file: 'people.yaml', line: null, field: '', message: 'file is missing' }],
    });
  });

  test('loadSeasonFolderOrThrow: the model, or a SeasonLoadError listing the problems', () => {
    expect(loadSeasonFolderOrThrow(copySeason()).id).toBe(SEASON);
    const bad = copySeason();
    rmSync(join(bad, 'results.yaml'));
    const error = thrown(() => loadSeasonFolderOrThrow(bad));
    expect(error.directory).toBe(bad);
    expect(error.problems).toEqual([
      { file: 'results.yaml', line: null, field: '', message: 'file is missing' },
    ]);
  });
});

describe('loadSeasonsDirectory', () => {
  test('good seasons load; a broken one and a dangling link are reported by folder; files are skipped', () => {
    const data = tempDataDir();
    copySeason({}, data);
    const broken = copySeason({}, data, 'broken-season');
    rmSync(join(broken, 'scoring.yaml'));
    symlinkSync(join(data, 'nowhere'), join(data, 'z-dangling'));
    writeFileSync(join(data, 'README.md'), 'not a season');
    const { models, problems } = loadSeasonsDirectory(data);
    expect(models.map((m) => m.id)).toEqual([SEASON]);
    expect([...problems.keys()]).toEqual([broken, join(data, 'z-dangling')]);
    expect(problems.get(broken)).toEqual([
      { file: 'scoring.yaml', line: null, field: '', message: 'file is missing' },
    ]);
    expect(problems.get(join(data, 'z-dangling'))).toEqual([
      {
        file: join(data, 'z-dangling'),
        line: null,
        field: '',
        message: 'is a symbolic link to something that does not exist',
      },
    ]);
  });
});
