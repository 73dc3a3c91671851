/**
 * The storage guarantees behind "state never lost silently": atomic sets on both back ends, keys under
 * `pitboard:v1:` on Redis as on SQLite, and the epoch marker that notices a store which lost its data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import type { DataLoss } from '../../src/store/store-epoch.js';
import { guildSettings } from '../support/guild-settings.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';

const guildId = (n: number) => String(300_000_000_000_000_000n + BigInt(n));
const settings = (n: number): GuildSettings => guildSettings({ guildId: guildId(n) });

let redis: RedisHandle;
const dirs: string[] = [];
const opened: KeyValueStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await redisRaw('flush');
});

/** Straight to Redis, past the bot's store: the keys really written, or a wipe between tests. */
async function redisRaw(command: 'keys' | 'flush'): Promise<string[]> {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    if (command === 'keys') return await client.keys('*');
    await client.flushAll();
    return [];
  } finally {
    client.destroy();
  }
}

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-epoch-'));
  dirs.push(dir);
  return join(dir, 'pitboard.sqlite');
}

async function open(url: string) {
  // Generous: a starved CI machine must not turn a slow answer into an outage.
  const store = await createKeyValueStore({ url, timeoutMs: 10_000 });
  opened.push(store);
  return store;
}

/** A settings store as one process would hold it, recording the losses it reports. */
function processView(store: KeyValueStore) {
  const losses: DataLoss[] = [];
  const view = new SettingsStore(store, { onDataLoss: (loss) => losses.push(loss) });
  return { view, losses };
}

describe.each([
  ['sqlite', () => sqliteFile()],
  ['redis', () => redis.url],
])('%s store', (_kind, url) => {
  test('sets: add is idempotent, remove removes one member, members lists them; connections share them', async () => {
    const target = url();
    const a = await open(target);
    const b = await open(target);
    await Promise.all([a.addToSet('s', 'x'), b.addToSet('s', 'y'), a.addToSet('s', 'x')]);
    expect((await b.setMembers('s')).sort()).toEqual(['x', 'y']);
    await b.removeFromSet('s', 'x');
    expect(await a.setMembers('s')).toEqual(['y']);
    expect(await a.setMembers('other')).toEqual([]);
  });

  test('two connections saving 40 servers at once: every server is in the index', async () => {
    const target = url();
    const [a, b] = [new SettingsStore(await open(target)), new SettingsStore(await open(target))];
    await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => a.save(settings(n))),
      ...Array.from({ length: 20 }, (_, n) => b.save(settings(20 + n))),
    ]);
    expect(await a.guildIds()).toEqual(Array.from({ length: 40 }, (_, n) => guildId(n)));
  });

  test('one process checking the marker from two places at once (poller, /setup) is not a loss', async () => {
    const store = await open(url());
    // The second check's first read is slow (a busy machine): the first check writes the marker meanwhile.
    let gets = 0;
    const slowSecondRead = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'get' || typeof value !== 'function') return value;
        return async (key: string) => {
          if (++gets === 2) await new Promise((resolve) => setTimeout(resolve, 200));
          return value.call(target, key);
        };
      },
    });
    const one = processView(slowSecondRead);
    await Promise.all([one.view.epoch.check(), one.view.epoch.check()]);
    expect(await one.view.epoch.check()).toBeNull();
    expect(one.losses).toEqual([]);
  });

  test('first use by two processes at once is not a loss; the marker vanishing later is, reported once', async () => {
    const target = url();
    const first = processView(await open(target));
    const second = processView(await open(target));
    await Promise.all([first.view.save(settings(1)), second.view.save(settings(2))]);
    expect(await first.view.epoch.check()).toBeNull();
    expect(await second.view.epoch.check()).toBeNull();
    expect([...first.losses, ...second.losses]).toEqual([]);

    // The data goes (Redis restarted empty, the file replaced): the marker with it.
    const raw = await open(target);
    for (const marker of await raw.setMembers('epoch')) await raw.removeFromSet('epoch', marker);
    for (const id of await raw.setMembers('guilds')) await raw.removeFromSet('guilds', id);

    const loss = await first.view.epoch.check();
    expect(loss?.reason).toMatch(/no longer holds the marker/);
    expect(first.losses).toHaveLength(1);
    expect(await first.view.epoch.check()).toEqual(loss);
    // The other process sees the loss already recorded: the record, not a second report.
    expect(await second.view.epoch.check()).toEqual(loss);
    expect(second.losses).toEqual([]);
    expect(first.losses).toHaveLength(1);
  });

  test('a fresh process that writes first after the loss does not hide it from one that knew the marker', async () => {
    const target = url();
    const old = processView(await open(target));
    await old.view.save(settings(1));
    const raw = await open(target);
    for (const marker of await raw.setMembers('epoch')) await raw.removeFromSet('epoch', marker);
    for (const id of await raw.setMembers('guilds')) await raw.removeFromSet('guilds', id);
    const fresh = processView(await open(target));
    await fresh.view.save(settings(2));
    expect(fresh.losses).toEqual([]);
    expect(await old.view.epoch.check()).toMatchObject({ reason: expect.stringMatching(/no longer holds/) });
    expect(old.losses).toHaveLength(1);
  });

  test('settings present without a marker (keys evicted) is a loss even for a process that just started', async () => {
    const target = url();
    await new SettingsStore(await open(target)).save(settings(1));
    const raw = await open(target);
    for (const marker of await raw.setMembers('epoch')) await raw.removeFromSet('epoch', marker);
    const later = processView(await open(target));
    expect(await later.view.epoch.check()).toMatchObject({ reason: expect.stringMatching(/not its marker/) });
    expect(later.losses).toHaveLength(1);
  });

  test('a store written before the set existed: its JSON index is taken over at first use, not a loss', async () => {
    const target = url();
    const raw = await open(target);
    await raw.set('guild-index', [guildId(7), guildId(8)]);
    const upgraded = processView(await open(target));
    expect(await upgraded.view.epoch.check()).toBeNull();
    expect(await upgraded.view.guildIds()).toEqual([guildId(7), guildId(8)]);
    expect(upgraded.losses).toEqual([]);
  });
});

test('Redis keys are namespaced and versioned: every key the bot writes starts with pitboard:v1:', async () => {
  const store = await open(redis.url);
  await new SettingsStore(store).save(settings(1));
  await new RecapLedger(store).put(
    { seasonId: 's', round: 1, guildId: guildId(1), run: 'r1' },
    {
      state: 'sent',
      channelId: '223456789012345678',
      nonce: 'n',
      attempts: 1,
      firstAttemptAt: '2026-01-01T00:00:00.000Z',
      lastAttemptAt: '2026-01-01T00:00:00.000Z',
      messageId: '1',
      error: null,
    },
  );
  await store.holdLease('recap-poller', 60_000);
  const keys = (await redisRaw('keys')).sort();
  expect(keys).toEqual([
    'pitboard:v1:lease:recap-poller',
    `pitboard:v1:recap:s:1:${guildId(1)}:run:r1`,
    'pitboard:v1:set:epoch',
    'pitboard:v1:set:guilds',
    `pitboard:v1:settings:${guildId(1)}`,
  ]);
});

test('Redis keys written before pitboard:v1 (keyv::…) are moved at first use; other applications’ keys stay', async () => {
  // Exactly how the previous version opened Redis: keyv's default namespace ended up in every key.
  const client = createClient({ url: redis.url });
  await client.connect();
  const old = new Keyv({
    store: new KeyvRedis(client as never, { namespace: 'pitboard:v1', throwOnErrors: true }),
    throwOnErrors: true,
    useKeyPrefix: false,
  });
  await old.set(`settings:${guildId(5)}`, settings(5));
  await old.set('guild-index', [guildId(5)]);
  await old.set('another-app', 'theirs');
  client.destroy();
  expect((await redisRaw('keys')).sort()).toEqual([
    'keyv::another-app',
    'keyv::guild-index',
    `keyv::settings:${guildId(5)}`,
  ]);

  const upgraded = processView(await open(redis.url));
  expect(await upgraded.view.epoch.check()).toBeNull();
  expect(await upgraded.view.get(guildId(5))).toEqual(settings(5));
  expect(await upgraded.view.guildIds()).toEqual([guildId(5)]);
  expect(upgraded.losses).toEqual([]);
  expect((await redisRaw('keys')).filter((k) => k.startsWith('keyv::'))).toEqual(['keyv::another-app']);
});
