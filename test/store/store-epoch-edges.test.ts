/**
 * The data-loss marker and the settings listing at their edges, over an in-memory store: a marker seen by a
 * second process is not rewritten, the optional hooks are optional, a loss record is read strictly, and
 * `all()` reports unreadable servers instead of dropping them.
 */
import { describe, expect, test } from 'vitest';
import { CorruptValueError, type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import { MARKER_SET_NAME, StoreEpoch } from '../../src/store/store-epoch.js';
import { guildSettings } from '../support/guild-settings.js';
import { memoryStore } from '../support/memory-store.js';

const guild = (n: number) => String(100_000_000_000_000_000n + BigInt(n));
const settings = (n: number): GuildSettings =>
  guildSettings({ guildId: guild(n), channelId: null, updatedAt: '2026-12-01T18:00:00.000Z' });

describe('the marker', () => {
  test('a process that finds a marker adopts it: no second marker, no first-use work again', async () => {
    const store = memoryStore();
    let firstUses = 0;
    const hooks = { hasData: async () => false, onFirstUse: async () => void firstUses++ };
    await new StoreEpoch(store, hooks).check();
    await new StoreEpoch(store, hooks).check();
    expect(await store.setMembers(MARKER_SET_NAME)).toHaveLength(1);
    expect(firstUses).toBe(1);
  });

  test('without onFirstUse or onLoss: first use and a loss are still handled', async () => {
    const store = memoryStore();
    const epoch = new StoreEpoch(store, { hasData: async () => false });
    expect(await epoch.check()).toBeNull();
    const [marker] = await store.setMembers(MARKER_SET_NAME);
    await store.removeFromSet(MARKER_SET_NAME, marker as string);
    expect(await epoch.check()).toMatchObject({
      reason: expect.stringMatching(/^the store no longer holds/),
    });
  });

  test('a loss record stored as null is no loss; an unreadable one is an error naming it', async () => {
    const store = memoryStore();
    const epoch = new StoreEpoch(store, { hasData: async () => false });
    await store.set('data-loss', null);
    expect(await epoch.lastLoss()).toBeNull();
    await store.set('data-loss', { detectedAt: 'yesterday' });
    const error = await epoch.lastLoss().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptValueError);
    expect((error as Error).message).toBe('stored value data-loss is not valid');
  });
});

describe('all(): every indexed server', () => {
  test('an unreadable one is reported, one without a value skipped, the rest listed', async () => {
    const store = memoryStore();
    const view = new SettingsStore(store);
    await view.save(settings(1));
    await view.save(settings(2));
    await store.set(`settings:${guild(2)}`, { guildId: 42 });
    await store.addToSet('guilds', guild(3)); // indexed, value gone
    const { settings: listed, problems } = await view.all();
    expect(listed).toEqual([settings(1)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.guildId).toBe(guild(2));
    expect(problems[0]?.error).toBeInstanceOf(CorruptValueError);
    expect(problems[0]?.error.message).toMatch(/^stored value settings:\d+ is not valid: ./);
  });

  test('a storage failure while listing is thrown, not reported as one server', async () => {
    const store = memoryStore();
    const view = new SettingsStore(store);
    await view.save(settings(1));
    const failing = new SettingsStore({ ...store, get: () => Promise.reject(new Error('down')) });
    await expect(failing.all()).rejects.toThrow('down');
  });
});
