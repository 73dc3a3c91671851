import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DataProblem, SeasonLoadError } from './problems.js';
import { describeUnusablePath } from './read-season-file.js';

/** A sub-folder of the data directory; `problem` is set when the entry cannot be used as a folder. */
export interface SeasonFolderEntry {
  /** The entry's name, which is also the season's id. */
  id: string;
  folder: string;
  problem: DataProblem | null;
}

/**
 * The season folders of a data directory, sorted by name: every sub-folder, symlinks followed. One home for
 * start-up, hot reload and check:data, so all three see the same seasons. A link that loops or points at
 * nothing is listed with a problem (a broken season, reported) rather than skipped or thrown; plain files
 * (a README) are not seasons. Throws a SeasonLoadError when the directory itself cannot be read.
 */
export function listSeasonFolders(directory: string): SeasonFolderEntry[] {
  return readDirectory(directory)
    .sort()
    .flatMap((id): SeasonFolderEntry[] => {
      const folder = join(directory, id);
      const unusable = describeUnusablePath(folder, 'folder');
      if (unusable === null) return [{ id, folder, problem: null }];
      if (unusable === 'is not a folder' || unusable === 'does not exist') return []; // a file, or gone since
      return [{ id, folder, problem: { file: folder, line: null, field: '', message: unusable } }];
    });
}

/** True when a folder holds a season's files itself (someone pointed at a season instead of its parent). */
export function looksLikeSeasonFolder(directory: string): boolean {
  return existsSync(join(directory, 'season.yaml'));
}

/** The directory's entry names; a SeasonLoadError with one clear sentence when it cannot be read. */
export function readDirectory(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENOTDIR'
          ? 'is not a folder'
          : code === 'ELOOP'
            ? 'is a symbolic link that loops back on itself'
            : `cannot be read (${code ?? (error as Error).message})`;
    throw new SeasonLoadError(directory, [{ file: directory, line: null, field: '', message }]);
  }
}
