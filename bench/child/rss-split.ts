import { readFileSync } from 'node:fs';

/**
 * RSS split as Linux reports it (/proc/self/status): anonymous memory (heaps, allocator arenas — what the
 * process itself allocated) and file-backed pages (the node binary, native addons — shared with other
 * processes and varying with the page cache from run to run). Null where /proc is not available.
 */
export function rssSplit(): { rssAnon: number; rssFile: number } | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rssAnon = kb('RssAnon') * 1024;
    const rssFile = kb('RssFile') * 1024;
    return Number.isFinite(rssAnon) && Number.isFinite(rssFile) ? { rssAnon, rssFile } : null;
  } catch {
    return null;
  }
}
