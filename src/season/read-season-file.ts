import { closeSync, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { DataProblem } from './problems.js';

/** Above the largest generated benchmark file (5 MB of standings); a stray dump or log is refused at once. */
export const MAX_SEASON_FILE_BYTES = 8 * 1024 * 1024;

/** Throws on the first malformed byte; a leading byte order mark is dropped. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export type SeasonFileRead = { ok: true; text: string } | { ok: false; problem: DataProblem };

/**
 * Read one season file as text. The one place that decides what a readable data file is, for check:data,
 * start-up and hot reload alike: symlinks are followed; a link that loops or points at nothing, something
 * that is not a regular file, a file over the size limit, an empty file or bytes that are not UTF-8 are each
 * one problem naming the file. Never throws.
 */
export function readSeasonFile(path: string, name: string): SeasonFileRead {
  const fail = (message: string): SeasonFileRead => ({
    ok: false,
    problem: { file: name, line: null, field: '', message },
  });
  const unusable = describeUnusablePath(path);
  if (unusable) return fail(unusable);
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, MAX_SEASON_FILE_BYTES + 1);
  } catch (error) {
    return fail(`cannot read the file (${codeOf(error)})`);
  }
  if (bytes.length > MAX_SEASON_FILE_BYTES)
    return fail(
      `the file is ${formatBytes(sizeOf(path, bytes.length))}; a season file may be at most ${formatBytes(MAX_SEASON_FILE_BYTES)}`,
    );
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    // Only a file that is not UTF-8 pays for finding where.
    const invalid = firstInvalidUtf8Byte(bytes) ?? 0;
    const line = bytes.subarray(0, invalid).filter((b) => b === 0x0a).length + 1;
    return {
      ok: false,
      problem: { file: name, line, field: '', message: `not valid UTF-8 at byte ${invalid}` },
    };
  }
  if (text.trim() === '') return fail('the file is empty');
  return { ok: true, text };
}

/**
 * Why a path cannot be used as a data file or folder, or null when it can (symlinks are followed). Shared by
 * the folder listing so that a looping or dangling link reads the same everywhere.
 */
export function describeUnusablePath(path: string, kind: 'file' | 'folder' = 'file'): string | null {
  try {
    const stats = statSync(path);
    if (kind === 'file' && !stats.isFile()) return 'is not a regular file';
    if (kind === 'folder' && !stats.isDirectory()) return 'is not a folder';
    return null;
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ELOOP') return 'is a symbolic link that loops back on itself';
    if (code === 'ENOENT' && isSymlink(path)) return 'is a symbolic link to something that does not exist';
    if (code === 'ENOENT') return 'does not exist';
    return `cannot be read (${code})`;
  }
}

function sizeOf(path: string, fallback: number): number {
  try {
    return statSync(path).size;
  } catch {
    return fallback;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads at most `limit` bytes, so a file that grows (or a huge one) never costs more than the limit. */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = Math.min(fstatSync(fd).size, limit);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or null. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return null;
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
