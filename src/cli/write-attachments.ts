import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Reply } from '../core/command.js';

/** `--out DIR` could not be used; the message says why in words (no stack, no errno dump). */
export class OutDirError extends Error {
  override readonly name = 'OutDirError';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EISDIR: 'a directory has that name',
  ENOTDIR: 'part of the path is not a directory',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? code ?? String(error);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Not `mkdirSync(dir, { recursive: true })`:
 * on Node 20 that loops forever where a parent exists but refuses new entries with ENOENT (`/proc/x`).
 */
export function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(current).isDirectory();
    } catch (error) {
      const parent = dirname(current);
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a parent is a file; walking up finds it and names it.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current)
        throw new OutDirError(`${current} cannot be read (${reasonOf(error)})`);
      missing.push(current);
      current = parent;
      continue;
    }
    if (!isDirectory) throw new OutDirError(`${current} is not a directory`);
    break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Created meanwhile by another process: as good as created here.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isDirectory(path)) continue;
      throw new OutDirError(`${path} cannot be created (${reasonOf(error)})`);
    }
  }
}

/**
 * `--out DIR`: write the files a reply carries next to its JSON, so an image can be looked at without
 * Discord. In batch mode the line number prefixes the name so replies do not overwrite each other.
 * Returns the paths written; an OutDirError when the directory or a file cannot be written.
 */
export function writeAttachments(dir: string, reply: Reply, index: number): string[] {
  ensureDirectory(dir);
  const written: string[] = [];
  for (const file of reply.files ?? []) {
    const name = index > 0 ? `${index + 1}-${basename(file.name)}` : basename(file.name);
    const path = join(dir, name);
    try {
      writeFileSync(path, file.data);
    } catch (error) {
      throw new OutDirError(`${path} cannot be written (${reasonOf(error)})`);
    }
    written.push(path);
  }
  return written;
}
