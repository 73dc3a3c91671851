/**
 * Two of the recap poller's guards, one decision at a time against a real SQLite file: the lease it renews
 * during a long fan-out (a third of the lease at a time, and once lost it stops posting for the tick), and a
 * store that lost its data (recaps due before the loss was noticed are never posted again, those due from
 * then on are). The poller's clock for leases is Date.now(), stepped here by hand; no test waits on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { dueRecapsFor } from '../../src/announce/due.js';
import type { ChannelPoster } from '../../src/announce/poster.js';
import { createRecapPoller } from '../../src/announce/recap-poller.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { SeasonCatalog } from '../../src/season/catalog.js';
import type { SeasonModel } from '../../src/season/model.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import { MARKER_SET_NAME } from '../../src/store/store-epoch.js';

const SEASON = '2013-blancpain-endurance-series';
const ANCHOR = new Date('2026-12-01T18:00:00Z');
/** Round 1 is due (replayed one season day per real minute from ANCHOR). */
const ONE_DUE = new Date(ANCHOR.getTime() + 1_000);
const LEASE_MS = 60_000;

let catalog: SeasonCatalog;
let season: SeasonModel;
beforeAll(() => {
  catalog = createAppContext().catalog;
  season = catalog.get(SEASON) as SeasonModel;
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sqliteStore(): Promise<KeyValueStore> {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-poller-lease-'));
  const store = await createKeyValueStore({ url: join(dir, 'p.sqlite'), timeoutMs: 5_000 });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

const guildId = (n: number) => String(100_000_000_000_000_000n + BigInt(n));
const channelOf = (guild: string) => `2${guild.slice(1)}`;

function settings(guild: string): GuildSettings {
  return {
    guildId: guild,
    channelId: channelOf(guild),
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: { anchor: ANCHOR.toISOString(), speed: 1440 },
    broken: null,
    seasonId: null,
    updatedAt: ANCHOR.toISOString(),
    updatedBy: null,
  };
}

function recordingLogger() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => lines.push({ level, obj, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

/** Date.now() under the test's hand: it moves only when `advance` is called. */
function steppedClock() {
  let now = Date.parse('2026-12-01T18:00:00Z');
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  cleanups.push(() => {
    vi.restoreAllMocks();
  });
  return (ms: number) => {
    now += ms;
  };
}

/**
 * Three servers, each with round 1 due; every post takes `postMs` of the stepped clock. The lease answers
 * come from `answers` in turn (the first is the tick's own check); each call takes `leaseCallMs`.
 */
async function fanOut(options: { postMs: number; answers: (boolean | Error)[]; leaseCallMs?: number }) {
  const store = await sqliteStore();
  const s = new SettingsStore(store);
  for (const n of [1, 2, 3]) await s.save(settings(guildId(n)));
  const advance = steppedClock();
  const leaseCalls: string[] = [];
  const answers = [...options.answers];
  const leased: KeyValueStore = {
    ...store,
    kind: store.kind,
    holdLease: async (name, ttl) => {
      leaseCalls.push(`${name} ${ttl}`);
      advance(options.leaseCallMs ?? 0);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('lease asked more often than the test expected');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const posts: string[] = [];
  const poster: ChannelPoster = {
    async post(channelId) {
      posts.push(channelId);
      advance(options.postMs);
      return { messageId: String(500_000_000_000_000_000n + BigInt(posts.length)) };
    },
    async edit() {
      throw new Error('not expected: these recaps are never edited');
    },
  };
  const poller = createRecapPoller({
    store: leased,
    catalog,
    poster,
    now: () => ONE_DUE,
    logger: recordingLogger().logger,
    concurrency: 1,
    leaseMs: LEASE_MS,
  });
  return { report: await poller.tick(), posts, leaseCalls };
}

describe('the lease during a fan-out', () => {
  test('posts that take no time: the lease taken at the start of the tick is not renewed per post', async () => {
    const { report, posts, leaseCalls } = await fanOut({ postMs: 0, answers: [true] });
    expect(report).toMatchObject({ sent: 3, aborted: null });
    expect(posts).toHaveLength(3);
    expect(leaseCalls).toEqual([`recap-poller ${LEASE_MS}`]);
  });

  test('once a third of the lease has passed (exactly), it is renewed before the next post', async () => {
    const { report, leaseCalls } = await fanOut({ postMs: LEASE_MS / 3, answers: [true, true, true] });
    expect(report).toMatchObject({ sent: 3, aborted: null });
    expect(leaseCalls).toHaveLength(3);
  });

  test('a renewal refused: nothing more is posted this tick, and the report says why', async () => {
    const { report, posts, leaseCalls } = await fanOut({ postMs: LEASE_MS / 2, answers: [true, false] });
    expect(report).toMatchObject({ sent: 1, aborted: 'the recap lease was lost during the fan-out' });
    expect(posts).toEqual([channelOf(guildId(1))]);
    expect(leaseCalls).toHaveLength(2);
  });

  test('a renewal that fails (storage down) counts as lost: nothing more is posted this tick', async () => {
    const { report, posts } = await fanOut({
      postMs: LEASE_MS / 2,
      answers: [true, new Error('storage did not answer')],
    });
    expect(report).toMatchObject({ sent: 1, aborted: 'the recap lease was lost during the fan-out' });
    expect(posts).toHaveLength(1);
  });

  test('once lost, the lease is not taken back in the same tick, even when it is free again', async () => {
    // Each lease call also takes half a lease, so a third has passed again when the third server comes up.
    const { report, posts } = await fanOut({
      postMs: LEASE_MS / 2,
      leaseCallMs: LEASE_MS / 2,
      answers: [true, false, true],
    });
    expect(report).toMatchObject({ sent: 1, aborted: 'the recap lease was lost during the fan-out' });
    expect(posts).toHaveLength(1);
  });
});

describe('storage that lost its data', () => {
  test('recaps due before the loss was noticed are skipped, the one due at that very moment is posted; the loss is logged once', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    const guild = settings(guildId(1));
    await s.save(guild);
    const round2DueAt = dueRecapsFor(guild, season, new Date('2030-01-01T00:00:00Z'), 1e6).find(
      (item) => item.round.round === 2,
    )?.dueAt as Date;
    let now = new Date(ANCHOR.getTime() - 1_000);
    const { logger, lines } = recordingLogger();
    const posts: string[] = [];
    const poster: ChannelPoster = {
      async post(channelId) {
        posts.push(channelId);
        return { messageId: String(500_000_000_000_000_000n + BigInt(posts.length)) };
      },
      async edit() {
        throw new Error('not expected: these recaps are never edited');
      },
    };
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger });
    expect(await poller.tick()).toMatchObject({ due: 0, sent: 0 });
    // The marker the poller saw goes missing (a flushed Redis, a deleted file), the settings stay.
    for (const marker of await store.setMembers(MARKER_SET_NAME))
      await store.removeFromSet(MARKER_SET_NAME, marker);
    now = round2DueAt;
    expect(await poller.tick()).toMatchObject({ due: 2, sent: 1, skipped: 1 });
    expect(posts).toEqual([channelOf(guildId(1))]);
    const ledger = new RecapLedger(store);
    const key = (round: number) => ({ seasonId: SEASON, round, guildId: guildId(1), run: null });
    expect(await ledger.get(key(1))).toBeNull();
    expect(await ledger.get(key(2))).toMatchObject({ state: 'sent' });
    const losses = lines.filter((line) => line.msg.startsWith('STORAGE LOST ITS DATA'));
    expect(losses).toEqual([
      {
        level: 'error',
        obj: { detectedAt: round2DueAt.toISOString(), reason: expect.stringContaining('marker') },
        msg: expect.stringContaining('Recaps due before now will not be posted again'),
      },
    ]);
    // Later ticks: round 1 is still never posted, round 2 not twice, the loss not reported again.
    now = new Date(round2DueAt.getTime() + 1_000);
    expect(await poller.tick()).toMatchObject({ sent: 0 });
    expect(posts).toHaveLength(1);
    expect(lines.filter((line) => line.msg.startsWith('STORAGE LOST ITS DATA'))).toHaveLength(1);
  });
});

describe('seasons of published results', () => {
  test('the poller keeps no record of results seen for a season without live rounds', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(guildId(1)));
    const poster: ChannelPoster = {
      post: async () => ({ messageId: '500000000000000001' }),
      edit: async () => undefined,
    };
    const poller = createRecapPoller({
      store,
      catalog,
      poster,
      now: () => ONE_DUE,
      logger: recordingLogger().logger,
    });
    expect(await poller.tick()).toMatchObject({ sent: 1 });
    expect(await store.get(`results-seen:${SEASON}:baseline`)).toBeUndefined();
  });
});
