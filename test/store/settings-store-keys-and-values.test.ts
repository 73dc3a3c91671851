/**
 * What the settings store writes, byte for byte, on a real SQLite file: keys under `pitboard:v1:`, one
 * index entry per server however often it is saved, ids that are Discord snowflakes only, and a corrupt
 * value or a bad store URL refused in one sentence that names it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createKeyValueStore,
  type KeyValueStore,
  STORE_NAMESPACE,
  StorageUnavailableError,
  withTimeout,
} from '../../src/store/key-value-store.js';
import {
  CorruptValueError,
  compareSnowflakes,
  type GuildSettings,
  SettingsStore,
} from '../../src/store/settings-store.js';
import { guildSettings } from '../support/guild-settings.js';

const GUILD = '123456789012345678';
const settings = (overrides: Partial<GuildSettings> = {}): GuildSettings =>
  guildSettings({ guildId: GUILD, ...overrides });

const dirs: string[] = [];
const opened: KeyValueStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function openFile(): Promise<{ file: string; store: KeyValueStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-keys-'));
  dirs.push(dir);
  const file = join(dir, 'pitboard.sqlite');
  // Generous: the locked-file test below must not lose its 150 ms lock to a starved machine's timers.
  const store = await createKeyValueStore({ url: file, timeoutMs: 10_000 });
  opened.push(store);
  return { file, store };
}

/** Rows read straight from the file, past the bot's store. */
function rows<T>(file: string, sql: string): Promise<T[]> {
  const db = new sqlite3.Database(file);
  return new Promise<T[]>((resolve, reject) =>
    db.all(sql, (error, result) => (error ? reject(error) : resolve(result as T[]))),
  ).finally(() => new Promise<void>((resolve) => db.close(() => resolve())));
}

describe('raw keys on SQLite', () => {
  test('settings, the server set and the epoch marker are all under pitboard:v1:', async () => {
    const { file, store } = await openFile();
    await new SettingsStore(store).save(settings());
    const keys = (await rows<{ key: string }>(file, 'SELECT key FROM keyv')).map((r) => r.key);
    expect(STORE_NAMESPACE).toBe('pitboard:v1');
    expect(keys).toContain(`pitboard:v1:settings:${GUILD}`);
    for (const key of keys) expect(key.startsWith('pitboard:v1:')).toBe(true);
    const sets = await rows<{ name: string; member: string }>(file, 'SELECT name, member FROM pitboard_sets');
    expect(sets.filter((r) => r.name === 'pitboard:v1:guilds').map((r) => r.member)).toEqual([GUILD]);
    expect(sets.filter((r) => r.name === 'pitboard:v1:epoch')).toHaveLength(1);
    expect(sets.every((r) => r.name.startsWith('pitboard:v1:'))).toBe(true);
  });

  test('a value the bot wrote reads back from a new connection under the same key', async () => {
    const { file, store } = await openFile();
    await store.set('probe', { a: 1 });
    const again = await createKeyValueStore({ url: file });
    opened.push(again);
    expect(await again.get('probe')).toEqual({ a: 1 });
    await again.delete('probe');
    expect(await store.get('probe')).toBeUndefined();
  });
});

describe('the server index', () => {
  test('saving a server again does not add it twice; servers list oldest snowflake first', async () => {
    const { store } = await openFile();
    const view = new SettingsStore(store);
    await view.save(settings({ guildId: '223456789012345678' }));
    await view.save(settings({ guildId: '99999999999999999' }));
    await view.save(settings({ guildId: '223456789012345678', spoilerDelayHours: 3 }));
    await view.save(settings({ guildId: '123456789012345678' }));
    expect(await view.guildIds()).toEqual(['99999999999999999', '123456789012345678', '223456789012345678']);
  });

  test('compareSnowflakes orders by length, then digits', () => {
    expect(compareSnowflakes('9', '10')).toBeLessThan(0);
    expect(compareSnowflakes('11', '10')).toBeGreaterThan(0);
    expect(compareSnowflakes('10', '11')).toBeLessThan(0);
    expect(compareSnowflakes('10', '10')).toBe(0);
  });
});

describe('ids are snowflakes', () => {
  test.each(['123456789012345', '123456789012345678901'])('%s (15 or 21 digits) is accepted', async (id) => {
    const { store } = await openFile();
    const view = new SettingsStore(store);
    await view.save(settings({ guildId: id, channelId: id, mentionRoleId: id, updatedBy: id }));
    expect((await view.get(id))?.channelId).toBe(id);
  });

  test.each(['12345678901234', '1234567890123456789012', 'x23456789012345678', '12345678901234567x'])(
    '%s is refused and nothing is stored',
    async (id) => {
      const { store } = await openFile();
      const view = new SettingsStore(store);
      expect(() => view.save(settings({ channelId: id }))).toThrow();
      expect(await view.guildIds()).toEqual([]);
    },
  );
});

describe('corrupt values and bad input', () => {
  test('a corrupt stored value names its key and the problem', async () => {
    const { store } = await openFile();
    await store.set(`settings:${GUILD}`, { ...settings(), spoilerDelayHours: 'soon' });
    const view = new SettingsStore(store);
    const error = await view.get(GUILD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptValueError);
    expect((error as Error).message).toMatch(
      new RegExp(`^stored value settings:${GUILD} is not valid: \\S.*number`, 'i'),
    );
  });

  test('a stored null reads as no settings', async () => {
    const { store } = await openFile();
    await store.set(`settings:${GUILD}`, null);
    expect(await new SettingsStore(store).get(GUILD)).toBeNull();
  });

  test('a store URL that is not one is refused in a sentence naming the variable', async () => {
    await expect(createKeyValueStore({ url: 'garbage url' })).rejects.toThrow(
      /^PITBOARD_STORE_URL: "garbage url" does not look like a file path/,
    );
  });
});

describe('every call is bounded and fails in words', () => {
  test('no answer within the timeout: StorageUnavailableError naming the time and the call', async () => {
    const error = await withTimeout(new Promise(() => {}), 30, 'read x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toBe('storage did not answer within 30 ms (read x)');
  });

  test('a failing call: StorageUnavailableError with the call and the cause', async () => {
    const cause = new Error('connection reset');
    const error = await withTimeout(Promise.reject(cause), 1_000, 'write y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toBe('storage failed (write y): connection reset');
    expect((error as Error).cause).toBe(cause);
  });

  test('an answer in time is passed through', async () => {
    expect(await withTimeout(Promise.resolve(7), 1_000, 'z')).toBe(7);
  });

  test('a SQLite file locked for a moment: the write waits on timers and lands', async () => {
    const { file, store } = await openFile();
    await store.set('k', 1);
    const db = new sqlite3.Database(file);
    await new Promise<void>((resolve, reject) =>
      db.exec('BEGIN EXCLUSIVE', (e) => (e ? reject(e) : resolve())),
    );
    setTimeout(() => db.exec('ROLLBACK', () => db.close()), 150);
    await store.set('k', 2);
    expect(await store.get('k')).toBe(2);
  });
});
