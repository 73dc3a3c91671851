/**
 * SettingsStore's recent reads (getRecent / peekRecent): how long one is trusted, and that at most 10,000
 * servers' reads are kept, the least recently read given up first. An in-memory store stands in for
 * storage: this is the cache's logic alone, pinned read by read.
 */
import { describe, expect, test } from 'vitest';
import { SettingsStore } from '../../src/store/settings-store.js';
import { memoryStore } from '../support/memory-store.js';

const guild = (n: number) => String(100_000_000_000_000_000n + BigInt(n));
const KEPT = 10_000;

describe('recent reads are bounded to 10,000 servers, least recently read first out', () => {
  test('10,000 servers read: every one is still remembered', async () => {
    const settings = new SettingsStore(memoryStore(), { now: () => 0 });
    for (let n = 0; n < KEPT; n++) await settings.get(guild(n));
    expect(settings.peekRecent(guild(0))).toBeNull();
    expect(settings.peekRecent(guild(KEPT - 1))).toBeNull();
  });

  test('one more: the first read is given up, the second is kept', async () => {
    const settings = new SettingsStore(memoryStore(), { now: () => 0 });
    for (let n = 0; n <= KEPT; n++) await settings.get(guild(n));
    expect(settings.peekRecent(guild(0))).toBeUndefined();
    expect(settings.peekRecent(guild(1))).toBeNull();
    expect(settings.peekRecent(guild(KEPT))).toBeNull();
  });

  test('a server read again moves to the back: the next oldest is given up instead', async () => {
    const settings = new SettingsStore(memoryStore(), { now: () => 0 });
    for (let n = 0; n < KEPT; n++) await settings.get(guild(n));
    await settings.get(guild(0));
    await settings.get(guild(KEPT));
    expect(settings.peekRecent(guild(0))).toBeNull();
    expect(settings.peekRecent(guild(1))).toBeUndefined();
  });
});

describe('how long a recent read is trusted', () => {
  test('5 s by default: 4,999 ms later from memory, at 5,000 ms read again', async () => {
    const store = memoryStore();
    let now = 1_000_000;
    const settings = new SettingsStore(store, { now: () => now });
    expect(await settings.getRecent(guild(1))).toBeNull();
    now += 4_999;
    expect(await settings.getRecent(guild(1))).toBeNull();
    expect(store.reads.filter((k) => k.endsWith(guild(1)))).toHaveLength(1);
    now += 1;
    expect(settings.peekRecent(guild(1))).toBeUndefined();
    await settings.getRecent(guild(1));
    expect(store.reads.filter((k) => k.endsWith(guild(1)))).toHaveLength(2);
  });
});
