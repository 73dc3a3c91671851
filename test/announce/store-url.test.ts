import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createKeyValueStore } from '../../src/store/key-value-store.js';
import { parseStoreUrl } from '../../src/store/store-url.js';

describe('PITBOARD_STORE_URL', () => {
  test.each([
    ['redis://127.0.0.1:6379', { kind: 'redis', url: 'redis://127.0.0.1:6379' }],
    ['rediss://cache.example.com:6380/0', { kind: 'redis', url: 'rediss://cache.example.com:6380/0' }],
    ['sqlite://var/pitboard.sqlite', { kind: 'sqlite', path: 'var/pitboard.sqlite' }],
    ['sqlite:///srv/pitboard/state', { kind: 'sqlite', path: '/srv/pitboard/state' }],
    ['var/pitboard.sqlite', { kind: 'sqlite', path: 'var/pitboard.sqlite' }],
    ['pitboard.db', { kind: 'sqlite', path: 'pitboard.db' }],
    ['state.SQLITE3', { kind: 'sqlite', path: 'state.SQLITE3' }],
    ['./state', { kind: 'sqlite', path: './state' }],
    ['/srv/pitboard data/state', { kind: 'sqlite', path: '/srv/pitboard data/state' }],
  ])('%s is accepted', (value, location) => {
    expect(parseStoreUrl(value)).toEqual(location);
    expect(loadConfig({ PITBOARD_STORE_URL: value }).recaps.storeUrl).toBe(value);
  });

  test.each([
    ['garbage url', '"garbage url" does not look like a file path'],
    ['pitboard', '"pitboard" does not look like a file path'],
    ['redis://', '"redis://" is not a valid Redis URL'],
    ['sqlite://', 'sqlite:// needs a file path'],
    ['var/', '"var/" is a folder'],
    ['mysql://x', 'must be a SQLite file path, sqlite://path or redis://host:port'],
  ])('%j is refused with one line naming the variable', (value, problem) => {
    let error: unknown;
    try {
      loadConfig({ PITBOARD_STORE_URL: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`PITBOARD_STORE_URL: ${problem}`)).toBe(true);
    expect(problems[0]).not.toContain('\n');
  });

  test('the store refuses a value that is not a path, and creates no file by that name', async () => {
    await expect(createKeyValueStore({ url: 'garbage url' })).rejects.toThrow(
      /^PITBOARD_STORE_URL: "garbage url" does not look like a file path/,
    );
    expect(existsSync('garbage url')).toBe(false);
  });
});
