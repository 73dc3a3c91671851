/** Where the store lives, decided once from PITBOARD_STORE_URL. */
export type StoreLocation = { kind: 'redis'; url: string } | { kind: 'sqlite'; path: string };

const SQLITE_EXTENSIONS = /\.(sqlite3?|db)$/i;

/**
 * Reads PITBOARD_STORE_URL: `redis://…` / `rediss://…`, `sqlite://path`, or a plain path that looks like
 * one — it contains a `/` or ends in .sqlite, .sqlite3 or .db. Anything else is refused rather than taken
 * for a file name: a typo such as `garbage url` used to create a SQLite file by that name in silence.
 * Returns the problem in words (to follow the variable's name), or the location.
 */
export function parseStoreUrl(value: string): StoreLocation | { problem: string } {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') {
    if (!URL.canParse(value) || new URL(value).hostname === '')
      return {
        problem: `${quote(value)} is not a valid Redis URL; use redis://host:port or rediss://host:port`,
      };
    return { kind: 'redis', url: value };
  }
  if (scheme === 'sqlite') {
    const path = value.slice('sqlite://'.length);
    return path.trim() === ''
      ? { problem: 'sqlite:// needs a file path, e.g. sqlite://var/pitboard.sqlite' }
      : { kind: 'sqlite', path };
  }
  if (scheme !== undefined)
    return { problem: 'must be a SQLite file path, sqlite://path or redis://host:port' };
  if (/[\\/]$/.test(value))
    return { problem: `${quote(value)} is a folder; name a file such as var/pitboard.sqlite` };
  if (!/[\\/]/.test(value) && !SQLITE_EXTENSIONS.test(value))
    return {
      problem: `${quote(value)} does not look like a file path: a SQLite path contains a / or ends in .sqlite or .db (e.g. var/pitboard.sqlite); Redis is redis://host:port`,
    };
  return { kind: 'sqlite', path: value };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
