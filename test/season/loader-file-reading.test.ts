/**
 * How the loader reads one season file, at the edges: the size limit exactly, a file of blanks, the line of
 * the first byte that is not UTF-8 (and which byte sequences are UTF-8 at all), and paths that are not
 * files, each refused in one sentence naming the file.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  describeUnusablePath,
  firstInvalidUtf8Byte,
  MAX_SEASON_FILE_BYTES,
  readSeasonFile,
} from '../../src/season/read-season-file.js';

const dir = mkdtempSync(join(tmpdir(), 'pitboard-season-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('firstInvalidUtf8Byte', () => {
  test.each([
    ['ASCII up to 0x7f', [0x41, 0x7f], null],
    ['a lone continuation byte 0x80', [0x80], 0],
    ['0xc1 (overlong two-byte lead)', [0xc1, 0x80], 0],
    ['0xc2 0x80 (U+0080, the first two-byte character)', [0xc2, 0x80], null],
    ['0xdf 0xbf (U+07FF, the last two-byte character)', [0xdf, 0xbf], null],
    ['0xe0 0xa0 0x80 (U+0800, the first three-byte character)', [0xe0, 0xa0, 0x80], null],
    ['0xe0 0x9f 0xbf (overlong three-byte form)', [0xe0, 0x9f, 0xbf], 0],
    ['0xef 0xbf 0xbf (U+FFFF)', [0xef, 0xbf, 0xbf], null],
    ['0xed 0xa0 0x80 (the surrogate U+D800)', [0xed, 0xa0, 0x80], 0],
    ['0xed 0xbf 0xbf (the surrogate U+DFFF)', [0xed, 0xbf, 0xbf], 0],
    ['0xee 0x80 0x80 (U+E000, just past the surrogates)', [0xee, 0x80, 0x80], null],
    ['0xf0 0x90 0x80 0x80 (U+10000)', [0xf0, 0x90, 0x80, 0x80], null],
    ['0xf4 0x8f 0xbf 0xbf (U+10FFFF, the last code point)', [0xf4, 0x8f, 0xbf, 0xbf], null],
    ['0xf4 0x90 0x80 0x80 (past U+10FFFF)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['0xf5 (no such lead byte)', [0xf5, 0x80, 0x80, 0x80], 0],
    ['0x9f 0xbf (a continuation byte as a lead)', [0x9f, 0xbf], 0],
    ['0x8f 0xbf 0xbf (a continuation byte before two more)', [0x8f, 0xbf, 0xbf], 0],
    ['0x84 0x8f 0xbf 0xbf (a continuation byte before three more)', [0x84, 0x8f, 0xbf, 0xbf], 0],
    ['0xf8 0x90 0x80 0x80 (no such lead byte)', [0xf8, 0x90, 0x80, 0x80], 0],
    ['a lead byte followed by ASCII', [0xc3, 0x41], 0],
    ['a sequence cut short at the end', [0xe2, 0x82], 0],
    ['the offset after multi-byte characters', [0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff], 6],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(expected);
    // The decoder the loader uses agrees.
    const valid = (() => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
        return true;
      } catch {
        return false;
      }
    })();
    expect(valid).toBe(expected === null);
  });
});

describe('readSeasonFile', () => {
  test('bytes that are not UTF-8: the line they are on and their offset', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: 2\nc: '), Buffer.from([0xff]), Buffer.from('\n\n')]);
    expect(readSeasonFile(file('bad.yaml', bytes), 'bad.yaml')).toEqual({
      ok: false,
      problem: { file: 'bad.yaml', line: 3, field: '', message: 'not valid UTF-8 at byte 13' },
    });
    const first = Buffer.concat([Buffer.from([0xfe]), Buffer.from('\n')]);
    expect(readSeasonFile(file('first.yaml', first), 'first.yaml')).toMatchObject({
      problem: { line: 1, message: 'not valid UTF-8 at byte 0' },
    });
  });

  test('a file of blanks is empty', () => {
    expect(readSeasonFile(file('blank.yaml', '  \n\t\n'), 'blank.yaml')).toEqual({
      ok: false,
      problem: { file: 'blank.yaml', line: null, field: '', message: 'the file is empty' },
    });
  });

  test('exactly the size limit is read; one byte more is refused with both sizes', () => {
    const at = file('at.yaml', Buffer.alloc(MAX_SEASON_FILE_BYTES, 0x61));
    const read = readSeasonFile(at, 'at.yaml');
    expect(read.ok && read.text.length).toBe(MAX_SEASON_FILE_BYTES);
    const over = file('over.yaml', Buffer.alloc(MAX_SEASON_FILE_BYTES + 1, 0x61));
    expect(readSeasonFile(over, 'over.yaml')).toEqual({
      ok: false,
      problem: {
        file: 'over.yaml',
        line: null,
        field: '',
        message: 'the file is 8.0 MB; a season file may be at most 8 MB',
      },
    });
  });

  test('paths that are not a readable file, each in words', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yaml'));
    symlinkSync(join(dir, 'loop.yaml'), join(dir, 'loop.yaml'));
    const plain = file('plain.txt', 'x');
    expect(readSeasonFile(join(dir, 'folder.yaml'), 'folder.yaml')).toMatchObject({
      problem: { file: 'folder.yaml', message: 'is not a regular file' },
    });
    expect(describeUnusablePath(join(dir, 'dangling.yaml'))).toBe(
      'is a symbolic link to something that does not exist',
    );
    expect(describeUnusablePath(join(dir, 'loop.yaml'))).toBe('is a symbolic link that loops back on itself');
    expect(describeUnusablePath(join(dir, 'missing.yaml'))).toBe('does not exist');
    expect(describeUnusablePath(join(plain, 'below'))).toBe('cannot be read (ENOTDIR)');
    expect(describeUnusablePath(join(dir, 'folder.yaml'), 'folder')).toBeNull();
    expect(describeUnusablePath(plain, 'folder')).toBe('is not a folder');
  });
});
