import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Reply } from '../core/command.js';

/**
 * `--out DIR`: write the files a reply carries next to its JSON, so an image can be looked at without
 * Discord. In batch mode the line number prefixes the name so replies do not overwrite each other.
 * Returns the paths written.
 */
export function writeAttachments(dir: string, reply: Reply, index: number): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const file of reply.files ?? []) {
    const name = index > 0 ? `${index + 1}-${basename(file.name)}` : basename(file.name);
    const path = join(dir, name);
    writeFileSync(path, file.data);
    written.push(path);
  }
  return written;
}
