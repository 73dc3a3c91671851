/**
 * PITBOARD_STORE_URL at its edges, each answer compared whole: scheme case, where a scheme may start, empty
 * hosts and paths, Windows separators, the extensions taken for a SQLite file, and the quoting of long values.
 */
import { describe, expect, test } from 'vitest';
import { parseStoreUrl } from '../../src/store/store-url.js';

const notAPath = (quoted: string) => ({
  problem: `${quoted} does not look like a file path: a SQLite path contains a / or ends in .sqlite or .db (e.g. var/pitboard.sqlite); Redis is redis://host:port`,
});

describe('parseStoreUrl at its edges', () => {
  test.each<[string, ReturnType<typeof parseStoreUrl>]>([
    // Schemes in any case; the URL is kept as written.
    ['REDIS://Cache:6379', { kind: 'redis', url: 'REDIS://Cache:6379' }],
    ['Sqlite://a.db', { kind: 'sqlite', path: 'a.db' }],
    // A scheme only at the start, and only one that begins with a letter.
    ['see redis://x', { kind: 'sqlite', path: 'see redis://x' }],
    ['1redis://x', { kind: 'sqlite', path: '1redis://x' }],
    ['a+b.c-d://x', { problem: 'must be a SQLite file path, sqlite://path or redis://host:port' }],
    // A Redis URL needs a host; a sqlite:// URL needs more than blanks.
    [
      'redis://:6379',
      { problem: '"redis://:6379" is not a valid Redis URL; use redis://host:port or rediss://host:port' },
    ],
    ['sqlite://   ', { problem: 'sqlite:// needs a file path, e.g. sqlite://var/pitboard.sqlite' }],
    // Windows separators count as separators.
    ['var\\', { problem: '"var\\\\" is a folder; name a file such as var/pitboard.sqlite' }],
    ['var\\state', { kind: 'sqlite', path: 'var\\state' }],
    // The extension must end the name.
    ['state.sqlite', { kind: 'sqlite', path: 'state.sqlite' }],
    ['state.sqlite.bak', notAPath('"state.sqlite.bak"')],
    ['state.db3', notAPath('"state.db3"')],
    // A long value is quoted cut to 80 characters.
    ['x'.repeat(100), notAPath(`"${'x'.repeat(80)}…"`)],
    ['y'.repeat(80), notAPath(`"${'y'.repeat(80)}"`)],
  ])('%j', (value, expected) => {
    expect(parseStoreUrl(value)).toEqual(expected);
  });
});
