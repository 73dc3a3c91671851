/**
 * The recap poller's decisions, one at a time, against a real SQLite file: the order recaps go out in, which
 * ledger states are final, what a refusal records, when a channel is marked broken, what the operator reads
 * in the logs, and the lease it takes. Complements recap-poller.test.ts (whole ticks over many servers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ChannelPoster, PermanentPostError } from '../../src/announce/poster.js';
import { createRecapPoller, type RecapPollerOptions } from '../../src/announce/recap-poller.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { SeasonCatalog } from '../../src/season/catalog.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { type LedgerEntry, RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';

const SEASON = '2013-blancpain-endurance-series';
const ANCHOR = new Date('2026-12-01T18:00:00Z');
/** Rounds 1 and 2 are due (replayed one season day per real minute; round 2 is 49 minutes after round 1). */
const BOTH_DUE = new Date(ANCHOR.getTime() + 60 * 60_000);
const ONE_DUE = new Date(ANCHOR.getTime() + 1_000);

let catalog: SeasonCatalog;
beforeAll(() => {
  catalog = createAppContext().catalog;
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function sqliteStore(): Promise<KeyValueStore> {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-poller-states-'));
  const store = await createKeyValueStore({ url: join(dir, 'p.sqlite'), timeoutMs: 5_000 });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

function settings(guildId: string, overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    guildId,
    channelId: `2${guildId.slice(1)}`,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: { anchor: ANCHOR.toISOString(), speed: 1440 },
    broken: null,
    seasonId: null,
    updatedAt: ANCHOR.toISOString(),
    updatedBy: null,
    ...overrides,
  };
}

type Outcome = 'ok' | Error;
function recordingPoster(outcome: (channelId: string) => Outcome | Promise<Outcome> = () => 'ok') {
  const posts: string[] = [];
  let id = 500_000_000_000_000_000n;
  const poster: ChannelPoster = {
    async post(channelId) {
      posts.push(channelId);
      const result = await outcome(channelId);
      if (result !== 'ok') throw result;
      id++;
      return { messageId: String(id) };
    },
    async edit() {
      throw new Error('not expected: these recaps are never edited');
    },
  };
  return { poster, posts };
}

function recordingLogger() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => lines.push({ level, obj, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

function poller(store: KeyValueStore, poster: ChannelPoster, overrides: Partial<RecapPollerOptions> = {}) {
  const { logger, lines } = recordingLogger();
  return {
    poller: createRecapPoller({
      store,
      catalog,
      poster,
      now: () => BOTH_DUE,
      logger,
      concurrency: 1,
      ...overrides,
    }),
    lines,
  };
}

const G1 = '100000000000000001';
const G2 = '100000000000000002';
const G_SHORT = '99999999999999999';
const key = (guildId: string, round = 1) => ({ seasonId: SEASON, round, guildId, run: null });

describe('order', () => {
  test('oldest round first, and within a round the oldest server (shorter snowflake, then smaller) first', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    for (const g of [G2, G1, G_SHORT]) await s.save(settings(g));
    const { poster, posts } = recordingPoster();
    const { poller: p } = poller(store, poster);
    expect(await p.tick()).toMatchObject({ due: 6, sent: 6 });
    const ch = (g: string) => `2${g.slice(1)}`;
    expect(posts).toEqual([ch(G_SHORT), ch(G1), ch(G2), ch(G_SHORT), ch(G1), ch(G2)]);
  });

  test('forty servers saved in a scrambled order are posted in snowflake order', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    // Past 22 items V8 sorts by merging runs, where a comparator's every answer counts.
    const ids = Array.from({ length: 40 }, (_, i) =>
      String(100_000_000_000_000_100n + BigInt((i * 17) % 40)),
    );
    for (const g of ids) await s.save(settings(g));
    const { poster, posts } = recordingPoster();
    const { poller: p } = poller(store, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ sent: 40 });
    expect(posts).toEqual([...ids].sort().map((g) => `2${g.slice(1)}`));
  });
});

describe('ledger states', () => {
  const earlier: LedgerEntry = {
    state: 'pending',
    channelId: `2${G1.slice(1)}`,
    nonce: 'n',
    attempts: 2,
    firstAttemptAt: '2026-12-01T17:00:00.000Z',
    lastAttemptAt: '2026-12-01T17:30:00.000Z',
    messageId: null,
    error: null,
  };

  test.each(['sent', 'failed'] as const)(
    'a %s recap is final: skipped, never posted again',
    async (state) => {
      const store = await sqliteStore();
      await new SettingsStore(store).save(settings(G1));
      await new RecapLedger(store).put(key(G1), { ...earlier, state });
      const { poster, posts } = recordingPoster();
      const { poller: p } = poller(store, poster, { now: () => ONE_DUE });
      expect(await p.tick()).toMatchObject({ due: 1, sent: 0, skipped: 1 });
      expect(posts).toEqual([]);
    },
  );

  test('a pending recap is posted again, counting the attempt and keeping when it was first tried', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1));
    await new RecapLedger(store).put(key(G1), earlier);
    const { poster } = recordingPoster();
    const { poller: p } = poller(store, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ sent: 1, skipped: 0 });
    expect(await new RecapLedger(store).get(key(G1))).toMatchObject({
      state: 'sent',
      attempts: 3,
      firstAttemptAt: '2026-12-01T17:00:00.000Z',
      lastAttemptAt: ONE_DUE.toISOString(),
    });
  });

  test('a corrupt ledger entry is not read as "not sent": nothing posted, reported, retried later', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1));
    await store.set(`recap:${SEASON}:1:${G1}`, { state: 'bogus' });
    const { poster, posts } = recordingPoster();
    const { poller: p, lines } = poller(store, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ sent: 0, retryLater: 1 });
    expect(posts).toEqual([]);
    expect(lines).toContainEqual({
      level: 'error',
      obj: { guildId: G1, round: 1, err: expect.stringContaining('is not valid') },
      msg: 'recap delivery interrupted (storage?); nothing marked sent; will retry',
    });
  });
});

describe('refusals', () => {
  test('a refusal records status, code and message, and marks the channel broken with the reason', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    await s.save(settings(G1));
    const { poster } = recordingPoster(() => new PermanentPostError('Missing Access', 403, 50001));
    const { poller: p, lines } = poller(store, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ failed: 1, sent: 0 });
    expect((await new RecapLedger(store).get(key(G1)))?.error).toBe('403 50001 Missing Access');
    expect((await s.get(G1))?.broken).toEqual({
      at: ONE_DUE.toISOString(),
      code: 50001,
      reason: 'Missing Access',
    });
    expect(lines).toContainEqual({
      level: 'warn',
      obj: { ...key(G1), channelId: `2${G1.slice(1)}`, status: 403, code: 50001 },
      msg: 'recap refused for good; channel marked broken',
    });
  });

  test('a refusal without a code or message records the status alone; a long reason is cut to 300', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    await s.save(settings(G1));
    await s.save(settings(G2));
    const { poster } = recordingPoster((channel) =>
      channel.endsWith('1')
        ? new PermanentPostError('', 404, null)
        : new PermanentPostError('x'.repeat(500), 403, 1),
    );
    const { poller: p } = poller(store, poster, { now: () => ONE_DUE });
    await p.tick();
    expect((await new RecapLedger(store).get(key(G1)))?.error).toBe('404');
    expect((await s.get(G2))?.broken?.reason).toBe('x'.repeat(300));
  });

  test('a channel changed by /setup while the post was refused stays healthy', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    await s.save(settings(G1));
    const moved = settings(G1, { channelId: '300000000000000009' });
    const { poster } = recordingPoster(async () => {
      await s.save(moved);
      return new PermanentPostError('Missing Access', 403, 50001);
    });
    const { poller: p } = poller(store, poster, { now: () => ONE_DUE });
    await p.tick();
    expect(await s.get(G1)).toEqual(moved);
  });

  test('a transient failure is logged with its error and retried later', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1));
    const { poster } = recordingPoster(() => new Error('socket hang up'));
    const { poller: p, lines } = poller(store, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ retryLater: 1 });
    expect(lines).toContainEqual({
      level: 'warn',
      obj: { ...key(G1), channelId: `2${G1.slice(1)}`, err: 'socket hang up' },
      msg: 'recap not posted; will retry on the next tick',
    });
  });
});

describe('what the operator reads', () => {
  test('a sent recap is logged with its server, round, channel and message', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1));
    const { poster } = recordingPoster();
    const { poller: p, lines } = poller(store, poster, { now: () => ONE_DUE });
    await p.tick();
    expect(lines).toEqual([
      {
        level: 'info',
        obj: { ...key(G1), channelId: `2${G1.slice(1)}`, messageId: '500000000000000001' },
        msg: 'recap sent',
      },
    ]);
  });

  test('a server whose settings are unreadable is named in an error and skipped; the others are posted', async () => {
    const store = await sqliteStore();
    const s = new SettingsStore(store);
    await s.save(settings(G1));
    await s.save(settings(G2));
    // Whatever the settings key looks like, it names the server; the ledger's and last recap's are left alone.
    const garbled: KeyValueStore = {
      ...store,
      kind: store.kind,
      get: async (k) => (k.includes(G1) && !k.includes('recap') ? { channelId: 42 } : store.get(k)),
    };
    const { poster, posts } = recordingPoster();
    const { poller: p, lines } = poller(garbled, poster, { now: () => ONE_DUE });
    expect(await p.tick()).toMatchObject({ due: 1, sent: 1 });
    expect(posts).toEqual([`2${G2.slice(1)}`]);
    expect(lines[0]).toEqual({
      level: 'error',
      obj: { guildId: G1, err: expect.stringContaining('is not valid') },
      msg: 'settings unreadable; server skipped',
    });
  });

  test('a season that is not loaded is named in a warning', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1, { seasonId: 'no-such-season' }));
    const { poster } = recordingPoster();
    const { poller: p, lines } = poller(store, poster);
    await p.tick();
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { guildId: G1, seasonId: 'no-such-season' },
        msg: 'announced season is not loaded',
      },
    ]);
  });

  test.each([
    ['an error', new Error('redis down'), 'redis down'],
    ['anything else thrown', 'timeout', 'timeout'],
  ])(
    'storage down at the start of a tick (%s): the tick is aborted with the reason',
    async (_, thrown, reason) => {
      const store = await sqliteStore();
      const down: KeyValueStore = { ...store, kind: store.kind, holdLease: () => Promise.reject(thrown) };
      const { poster } = recordingPoster();
      const { poller: p, lines } = poller(down, poster);
      expect(await p.tick()).toMatchObject({ aborted: reason, due: 0 });
      expect(lines).toEqual([
        { level: 'error', obj: { err: reason }, msg: 'recap tick skipped: storage unavailable' },
      ]);
    },
  );
});

describe('options', () => {
  test('the catch-up window can be narrowed', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(settings(G1));
    const { poster, posts } = recordingPoster();
    // Round 1 became due an hour ago: outside a half-hour window, round 2 (11 minutes ago) inside.
    const { poller: p } = poller(store, poster, { catchUpHours: 0.5 });
    expect(await p.tick()).toMatchObject({ due: 1, sent: 1 });
    expect(posts).toHaveLength(1);
  });

  test('the lease is named recap-poller, so every version of the bot elects from the same one', async () => {
    const store = await sqliteStore();
    const leases: string[] = [];
    const watched: KeyValueStore = {
      ...store,
      kind: store.kind,
      holdLease: (name, ttl) => {
        leases.push(name);
        return store.holdLease(name, ttl);
      },
      releaseLease: (name) => {
        leases.push(`release ${name}`);
        return store.releaseLease(name);
      },
    };
    const { poster } = recordingPoster();
    const { poller: p } = poller(watched, poster);
    await p.tick();
    await p.release();
    expect(leases).toEqual(['recap-poller', 'release recap-poller']);
  });
});
