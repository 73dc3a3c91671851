/**
 * The recap ledger as stored: one entry per (season, round, server, replay run) under a fixed key, every entry checked
 * on the way in and on the way out, and a corrupt entry reported instead of read as "nothing sent" (which
 * would post the recap twice). Against a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import {
  type LastRecap,
  type LedgerEntry,
  type RecapKey,
  RecapLedger,
  readLastRecap,
  writeLastRecap,
} from '../../src/store/ledger.js';
import { CorruptValueError } from '../../src/store/settings-store.js';

let dir: string;
let store: KeyValueStore;
let ledger: RecapLedger;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-ledger-'));
  store = await createKeyValueStore({ url: join(dir, 'ledger.sqlite'), timeoutMs: 5_000 });
  ledger = new RecapLedger(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let next = 0;
/** A key no other test uses. */
const freshKey = (): RecapKey => ({
  seasonId: `season-${++next}`,
  round: 3,
  guildId: '123456789012345678',
  run: null,
});

const entry = (overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  state: 'sent',
  channelId: '223456789012345678',
  nonce: 'abcdefghijklmnopqrstuvwxy',
  attempts: 1,
  firstAttemptAt: '2026-12-01T18:00:00.000Z',
  lastAttemptAt: '2026-12-01T18:00:01.000Z',
  messageId: '323456789012345678',
  error: null,
  ...overrides,
});

describe('RecapLedger', () => {
  test('no entry yet reads as null', async () => {
    expect(await ledger.get(freshKey())).toBeNull();
  });

  test.each(['pending', 'sent', 'failed'] as const)('a %s entry reads back as written', async (state) => {
    const key = freshKey();
    const written = entry({
      state,
      messageId: state === 'sent' ? '1' : null,
      error: state === 'failed' ? '403' : null,
    });
    await ledger.put(key, written);
    expect(await ledger.get(key)).toEqual(written);
  });

  test('the entry is stored under recap:<season>:<round>:<server>, so stored ledgers stay readable', async () => {
    const key = freshKey();
    await ledger.put(key, entry());
    expect(await store.get(`recap:${key.seasonId}:3:123456789012345678`)).toEqual(entry());
  });

  test('a replay run’s entry is stored under recap:<season>:<round>:<server>:run:<run>', async () => {
    const key = { ...freshKey(), run: 'r7' };
    await ledger.put(key, entry());
    expect(await store.get(`recap:${key.seasonId}:3:123456789012345678:run:r7`)).toEqual(entry());
    expect(await ledger.get({ ...key, run: null })).toBeNull();
  });

  test('season, round, server and replay run each make a different entry', async () => {
    const key = freshKey();
    await ledger.put(key, entry({ attempts: 7 }));
    expect(await ledger.get({ ...key, seasonId: `${key.seasonId}x` })).toBeNull();
    expect(await ledger.get({ ...key, round: 4 })).toBeNull();
    expect(await ledger.get({ ...key, guildId: '123456789012345679' })).toBeNull();
    expect(await ledger.get({ ...key, run: 'r1' })).toBeNull();
    expect((await ledger.get(key))?.attempts).toBe(7);
  });

  test('a stored null reads as no entry', async () => {
    const key = freshKey();
    await store.set(`recap:${key.seasonId}:3:${key.guildId}`, null);
    expect(await ledger.get(key)).toBeNull();
  });

  test.each([
    ['an unknown state', { state: 'done' }],
    ['a nonce longer than Discord takes', { nonce: 'x'.repeat(26) }],
    ['negative attempts', { attempts: -1 }],
    ['fractional attempts', { attempts: 1.5 }],
    ['a time that is no ISO date', { firstAttemptAt: 'yesterday' }],
    ['a missing message id field', { messageId: undefined }],
    ['a field the ledger does not know', { extra: true }],
  ])('%s is corrupt: reported with the key, never read as "not sent"', async (_, change) => {
    const key = freshKey();
    const storedKey = `recap:${key.seasonId}:3:${key.guildId}`;
    await store.set(storedKey, { ...entry(), ...change });
    const read = ledger.get(key);
    await expect(read).rejects.toBeInstanceOf(CorruptValueError);
    await expect(read).rejects.toThrow(new RegExp(`^ledger entry ${storedKey} is not valid: .+`));
  });

  test("a live recap's hash (64 characters) and its facts at their bounds (500 pairs of 300 and 600) are valid", async () => {
    const key = freshKey();
    const facts = Array.from({ length: 500 }, (): [string, string] => ['k'.repeat(300), 'v'.repeat(600)]);
    await ledger.put(key, entry({ contentHash: 'h'.repeat(64), facts }));
    expect(await ledger.get(key)).toMatchObject({ contentHash: 'h'.repeat(64), facts });
    const short = freshKey();
    await ledger.put(short, entry({ contentHash: 'h', facts: [['pro winner', '#22']] }));
    expect((await ledger.get(short))?.facts).toEqual([['pro winner', '#22']]);
  });

  test.each([
    ['a content hash longer than 64', { contentHash: 'h'.repeat(65) }],
    ['more than 500 facts', { facts: Array.from({ length: 501 }, () => ['k', 'v']) }],
    ['a fact name longer than 300', { facts: [['k'.repeat(301), 'v']] }],
    ['a fact value longer than 600', { facts: [['k', 'v'.repeat(601)]] }],
    ['a fact that is no pair', { facts: [['k']] }],
  ])('a live entry with %s is corrupt', async (_, change) => {
    const key = freshKey();
    await store.set(`recap:${key.seasonId}:3:${key.guildId}`, { ...entry(), ...change });
    await expect(ledger.get(key)).rejects.toBeInstanceOf(CorruptValueError);
  });

  test('a value that is no object at all is corrupt too', async () => {
    const key = freshKey();
    await store.set(`recap:${key.seasonId}:3:${key.guildId}`, 'sent');
    await expect(ledger.get(key)).rejects.toBeInstanceOf(CorruptValueError);
  });

  test('the longest nonce Discord takes, 25 characters, is valid', async () => {
    const key = freshKey();
    await ledger.put(key, entry({ nonce: 'y'.repeat(25), attempts: 0 }));
    expect((await ledger.get(key))?.nonce).toBe('y'.repeat(25));
  });

  test('an invalid entry is refused on the way in and nothing is stored', async () => {
    const key = freshKey();
    // Thrown or rejected alike: either way nothing reaches the store.
    await expect(
      Promise.resolve().then(() => ledger.put(key, entry({ nonce: 'x'.repeat(26) }))),
    ).rejects.toThrow();
    expect(await ledger.get(key)).toBeNull();
  });
});

describe('last recap', () => {
  const recap: LastRecap = {
    seasonId: '2013-blancpain-endurance-series',
    round: 1,
    channelId: '223456789012345678',
    messageId: '323456789012345678',
    at: '2026-12-01T18:00:01.000Z',
  };

  test('none yet reads as null; written, it reads back under last-recap:<server>', async () => {
    expect(await readLastRecap(store, '900000000000000001')).toBeNull();
    await writeLastRecap(store, '900000000000000001', recap);
    expect(await readLastRecap(store, '900000000000000001')).toEqual(recap);
    expect(await store.get('last-recap:900000000000000001')).toEqual(recap);
  });

  test('a stored null reads as none', async () => {
    await store.set('last-recap:900000000000000002', null);
    expect(await readLastRecap(store, '900000000000000002')).toBeNull();
  });

  test.each([
    ['round 0', { round: 0 }],
    ['a fractional round', { round: 1.5 }],
    ['no time', { at: 'soon' }],
    ['an unknown field', { extra: 1 }],
  ])('%s is corrupt and reported with the key', async (_, change) => {
    await store.set('last-recap:900000000000000003', { ...recap, ...change });
    const read = readLastRecap(store, '900000000000000003');
    await expect(read).rejects.toBeInstanceOf(CorruptValueError);
    await expect(read).rejects.toThrow('last-recap:900000000000000003 is not valid');
  });

  test('an invalid recap is refused on the way in', async () => {
    await expect(
      Promise.resolve().then(() => writeLastRecap(store, '900000000000000004', { ...recap, round: 0 })),
    ).rejects.toThrow();
    expect(await readLastRecap(store, '900000000000000004')).toBeNull();
  });
});
