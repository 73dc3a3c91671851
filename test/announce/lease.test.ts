import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelPoster } from '../../src/announce/poster.js';
import { createRecapPoller, type TickReport } from '../../src/announce/recap-poller.js';
import { createAppContext } from '../../src/core/app-context.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { SettingsStore } from '../../src/store/settings-store.js';
import { redisCommand } from '../support/redis-command.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';

/*
 * Real Redis, real lease expiry (Redis's clock). No assertion rests on a margin a starved process can miss:
 * every real-time wait is one that only makes the guarded failure more certain (a lease outlasted), and every
 * "still held" check comes a few store calls after a renewal, with leases of seconds.
 */
const LEASE_KEY = 'pitboard:v1:lease:recap-poller';

const silent = { info() {}, warn() {}, error() {} };
let redis: RedisHandle;
const stores: KeyValueStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const s of stores) await s.close();
  await redis.stop();
});

async function open(): Promise<KeyValueStore> {
  const store = await createKeyValueStore({ url: redis.url, timeoutMs: 10_000 });
  stores.push(store);
  return store;
}

function countingPoster() {
  const posts: RESTPostAPIChannelMessageJSONBody[] = [];
  let id = 1_000_000_000_000_000;
  const poster: ChannelPoster = {
    async post(_channelId, body) {
      posts.push(body);
      return { messageId: String(id++) };
    },
    async edit() {
      throw new Error('these recaps are of published results: never edited');
    },
  };
  return { poster, posts };
}

describe('two processes sharing Redis elect one recap poller', () => {
  test('only the lease holder posts; the other takes over once the holder stops renewing', async () => {
    const catalog = createAppContext().catalog;
    const anchor = new Date('2026-12-01T18:00:00Z');
    const first = await open();
    const second = await open();
    const settings = new SettingsStore(first);
    for (let n = 0; n < 3; n++)
      await settings.save({
        guildId: String(100_000_000_000_000_000n + BigInt(n)),
        channelId: String(200_000_000_000_000_000n + BigInt(n)),
        mentionRoleId: null,
        spoilerDelayHours: 0,
        replay: { anchor: anchor.toISOString(), speed: 1440 },
        broken: null,
        seasonId: null,
        updatedAt: anchor.toISOString(),
        updatedBy: null,
      });
    let now = new Date(anchor.getTime() + 1_000);
    const a = countingPoster();
    const b = countingPoster();
    const leaseMs = 3_000;
    const pollerA = createRecapPoller({
      store: first,
      catalog,
      poster: a.poster,
      now: () => now,
      logger: silent,
      leaseMs,
    });
    const pollerB = createRecapPoller({
      store: second,
      catalog,
      poster: b.poster,
      now: () => now,
      logger: silent,
      leaseMs,
    });

    const [reportA, reportB] = await Promise.all([pollerA.tick(), pollerB.tick()]);
    const reports = [reportA, reportB];
    expect(reports.filter((r) => r.aborted === 'another process holds the recap lease')).toHaveLength(1);
    expect(a.posts.length + b.posts.length).toBe(3);

    // The holder keeps the lease by ticking; B keeps being refused.
    const holder = reportA.aborted === null ? pollerA : pollerB;
    const other = holder === pollerA ? pollerB : pollerA;
    await holder.tick();
    expect((await other.tick()).aborted).not.toBeNull();

    // The holder stops (crash): once Redis has let the lease lapse, the other process polls — and posts
    // round 2 once.
    await leaseLapsed();
    now = new Date(anchor.getTime() + 50 * 60_000);
    const takeover = await other.tick();
    expect(takeover.aborted).toBeNull();
    expect(takeover.sent).toBe(3);
    expect(a.posts.length + b.posts.length).toBe(6);
    await other.release();
  });

  test('a graceful stop releases the lease: the other process polls at once', async () => {
    const catalog = createAppContext().catalog;
    const first = await open();
    const second = await open();
    const now = () => new Date('2026-12-01T18:00:00Z');
    const a = createRecapPoller({
      store: first,
      catalog,
      poster: countingPoster().poster,
      now,
      logger: silent,
      leaseMs: 60_000,
    });
    const b = createRecapPoller({
      store: second,
      catalog,
      poster: countingPoster().poster,
      now,
      logger: silent,
      leaseMs: 60_000,
    });
    expect(await redisCommand(redis.port, ['EXISTS', LEASE_KEY])).toBe(':0');
    expect((await a.tick()).aborted).toBeNull();
    expect((await b.tick()).aborted).not.toBeNull();
    await a.release();
    expect((await b.tick()).aborted).toBeNull();
  });
});

describe('a fan-out longer than the lease', () => {
  test('the poller renews the lease while posting: no other process starts posting beside it', async () => {
    const catalog = createAppContext().catalog;
    const anchor = new Date('2026-12-01T18:00:00Z');
    const first = await open();
    const second = await open();
    const settings = new SettingsStore(first);
    const servers = 4;
    for (let n = 0; n < servers; n++)
      await settings.save({
        guildId: String(300_000_000_000_000_000n + BigInt(n)),
        channelId: String(400_000_000_000_000_000n + BigInt(n)),
        mentionRoleId: null,
        spoilerDelayHours: 0,
        replay: { anchor: anchor.toISOString(), speed: 1440 },
        broken: null,
        seasonId: null,
        updatedAt: anchor.toISOString(),
        updatedBy: null,
      });
    const now = () => new Date(anchor.getTime() + 1_000);
    // Each post takes at least 0.4 of the lease, more than the third after which the poller renews: the
    // holder renews before every post after the first, and the fan-out (at least 1.6 leases) outlasts the
    // lease, so without renewal the lease is certainly gone by the last post, however slow the machine.
    const leaseMs = 2_000;
    const postMs = 800;
    // The rival polls as each post starts, a few store calls after the holder's renewal: with the lease
    // kept, it is refused however long a starved machine takes over the posts themselves.
    const rivalReports: TickReport[] = [];
    let rival: { tick(): Promise<TickReport> } | undefined;
    let slowPosts = 0;
    const slow: ChannelPoster = {
      async post() {
        if (rival) rivalReports.push(await rival.tick());
        await new Promise((resolve) => setTimeout(resolve, postMs));
        return { messageId: String(1_100_000_000_000_000_000n + BigInt(slowPosts++)) };
      },
      async edit() {
        throw new Error('no recap is edited in this test');
      },
    };
    const other = countingPoster();
    // A lease left by the tests above is not this test's business.
    await redisCommand(redis.port, ['DEL', LEASE_KEY]);
    const holder = createRecapPoller({
      store: first,
      catalog,
      poster: slow,
      now,
      logger: silent,
      leaseMs,
      concurrency: 1,
    });
    rival = createRecapPoller({
      store: second,
      catalog,
      poster: other.poster,
      now,
      logger: silent,
      leaseMs,
    });
    const report = await holder.tick();
    expect(report.aborted).toBeNull();
    expect(report.sent).toBe(servers);
    expect(other.posts).toEqual([]);
    expect(rivalReports).toHaveLength(servers);
    expect(rivalReports.every((r) => r.aborted === 'another process holds the recap lease')).toBe(true);
    await holder.release();
  });
});

/** Resolves once Redis has expired the lease (bounded: a lease that never lapses fails the test). */
async function leaseLapsed(): Promise<void> {
  const end = Date.now() + 60_000;
  while ((await redisCommand(redis.port, ['EXISTS', LEASE_KEY])) !== ':0') {
    if (Date.now() > end) throw new Error('the recap lease never lapsed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
