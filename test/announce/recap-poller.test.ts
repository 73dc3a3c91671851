import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type ChannelPoster, PermanentPostError } from '../../src/announce/poster.js';
import { createRecapPoller } from '../../src/announce/recap-poller.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { SeasonCatalog } from '../../src/season/catalog.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { RecapLedger, readLastRecap } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';

const SEASON = '2013-blancpain-endurance-series';
const HOUR = 3_600_000;
let catalog: SeasonCatalog;
beforeAll(() => {
  catalog = createAppContext().catalog;
});

/** A channel poster that records what it was asked, with per-channel behaviour. */
function recordingPoster(behaviour: (channelId: string) => 'ok' | 'forbidden' | 'flaky' = () => 'ok') {
  const posts: { channelId: string; body: RESTPostAPIChannelMessageJSONBody }[] = [];
  let id = 1_000_000_000_000_000;
  const poster: ChannelPoster = {
    async post(channelId, body) {
      posts.push({ channelId, body });
      const mode = behaviour(channelId);
      if (mode === 'forbidden') throw new PermanentPostError('Missing Access', 403, 50001);
      if (mode === 'flaky') throw new Error('socket hang up');
      return { messageId: String(id++) };
    },
    async edit() {
      throw new Error('these recaps are of published results: never edited');
    },
  };
  return { poster, posts };
}

const silent = { info() {}, warn() {}, error() {} };
const dirs: string[] = [];
const stores: KeyValueStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function sqliteStore(): Promise<KeyValueStore> {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-poller-'));
  dirs.push(dir);
  const store = await createKeyValueStore({ url: join(dir, 'p.sqlite'), timeoutMs: 2_000 });
  stores.push(store);
  return store;
}

const guildId = (n: number) => String(100_000_000_000_000_000n + BigInt(n));
const channelId = (n: number) => String(200_000_000_000_000_000n + BigInt(n));
/** Replay: round 1 ends at `anchor`, one season day per real minute. */
const replayFrom = (anchor: Date) => ({ anchor: anchor.toISOString(), speed: 1440 });

function guild(n: number, anchor: Date, overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    guildId: guildId(n),
    channelId: channelId(n),
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: replayFrom(anchor),
    broken: null,
    seasonId: null,
    updatedAt: anchor.toISOString(),
    updatedBy: null,
    ...overrides,
  };
}

describe('recap poller', () => {
  const anchor = new Date('2026-12-01T18:00:00Z');

  test('twenty servers: each gets exactly one recap of round 1, in its own channel, once', async () => {
    const store = await sqliteStore();
    const settings = new SettingsStore(store);
    for (let n = 0; n < 20; n++) await settings.save(guild(n, anchor));
    const { poster, posts } = recordingPoster();
    let now = new Date(anchor.getTime() - 1_000);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect((await poller.tick()).sent).toBe(0);
    now = new Date(anchor.getTime() + 1_000);
    expect((await poller.tick()).sent).toBe(20);
    expect((await poller.tick()).sent).toBe(0);
    expect(new Set(posts.map((p) => p.channelId)).size).toBe(20);
    expect(
      posts.every(
        (p) => p.body.enforce_nonce === true && typeof p.body.nonce === 'string' && p.body.nonce.length <= 25,
      ),
    ).toBe(true);
    expect(posts[0]?.body.embeds?.[0]?.title).toBe('Round 1 recap · Monza');
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [] });
    const entry = await new RecapLedger(store).get({
      seasonId: SEASON,
      round: 1,
      guildId: guildId(0),
      run: null,
    });
    expect(entry).toMatchObject({ state: 'sent', attempts: 1 });
    expect(await readLastRecap(store, guildId(0))).toMatchObject({ round: 1 });
  });

  test('a channel that answers 403 gets one attempt, is marked broken, and the others are posted', async () => {
    const store = await sqliteStore();
    const settings = new SettingsStore(store);
    for (let n = 0; n < 5; n++) await settings.save(guild(n, anchor));
    const { poster, posts } = recordingPoster((c) => (c === channelId(2) ? 'forbidden' : 'ok'));
    const now = new Date(anchor.getTime() + 5 * 60_000); // rounds 1 and 2 are due (Silverstone is 49 days later = 49 min)
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    const first = await poller.tick();
    expect(first).toMatchObject({ sent: 4, failed: 1 });
    await poller.tick();
    expect(posts.filter((p) => p.channelId === channelId(2))).toHaveLength(1);
    expect((await settings.get(guildId(2)))?.broken).toMatchObject({ code: 50001 });
  });

  test('a transient failure is retried on the next tick with the same nonce', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(guild(1, anchor));
    let failing = true;
    const { poster, posts } = recordingPoster(() => (failing ? 'flaky' : 'ok'));
    const now = new Date(anchor.getTime() + 1_000);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect(await poller.tick()).toMatchObject({ sent: 0, retryLater: 1 });
    expect(
      await new RecapLedger(store).get({ seasonId: SEASON, round: 1, guildId: guildId(1), run: null }),
    ).toMatchObject({ state: 'pending' });
    failing = false;
    expect(await poller.tick()).toMatchObject({ sent: 1 });
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body.nonce).toBe(posts[1]?.body.nonce);
  });

  test('catch-up is bounded: a round that became due more than 48 h ago is not posted', async () => {
    const store = await sqliteStore();
    // Real dates: every 2013 round ended years ago.
    await new SettingsStore(store).save(guild(1, anchor, { replay: null }));
    const { poster, posts } = recordingPoster();
    const poller = createRecapPoller({
      store,
      catalog,
      poster,
      now: () => new Date('2026-11-24T00:00:00Z'),
      logger: silent,
    });
    expect(await poller.tick()).toMatchObject({ due: 0 });
    expect(posts).toHaveLength(0);
  });

  test('the bot down across a due time: the next tick, within the window, posts it', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(
      guild(1, anchor, { replay: { anchor: anchor.toISOString(), speed: 1 } }),
    );
    const { poster, posts } = recordingPoster();
    // No tick ran at the due time; the process comes back 30 hours later.
    const poller = createRecapPoller({
      store,
      catalog,
      poster,
      now: () => new Date(anchor.getTime() + 30 * HOUR),
      logger: silent,
    });
    expect(await poller.tick()).toMatchObject({ sent: 1 });
    expect(posts[0]?.body.embeds?.[0]?.title).toMatch(/^Round 1 recap/);
  });

  test('spoiler delay and a mention role are honoured', async () => {
    const store = await sqliteStore();
    const role = '300000000000000001';
    await new SettingsStore(store).save(guild(1, anchor, { spoilerDelayHours: 2, mentionRoleId: role }));
    const { poster, posts } = recordingPoster();
    let now = new Date(anchor.getTime() + HOUR);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect((await poller.tick()).sent).toBe(0);
    now = new Date(anchor.getTime() + 2 * HOUR + 1_000);
    expect((await poller.tick()).sent).toBeGreaterThan(0);
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [], roles: [role] });
    expect(posts[0]?.body.content).toContain(`<@&${role}>`);
  });

  test('storage down during a tick: nothing posted, nothing marked; after recovery one post', async () => {
    const store = await sqliteStore();
    await new SettingsStore(store).save(guild(1, anchor));
    const { poster, posts } = recordingPoster();
    let down = true;
    const flaky: KeyValueStore = {
      ...store,
      kind: store.kind,
      get: (key) => (down ? Promise.reject(new Error('down')) : store.get(key)),
      set: (key, value) => (down ? Promise.reject(new Error('down')) : store.set(key, value)),
    };
    const poller = createRecapPoller({
      store: flaky,
      catalog,
      poster,
      now: () => new Date(anchor.getTime() + 1_000),
      logger: silent,
    });
    expect((await poller.tick()).aborted).not.toBeNull();
    expect(posts).toHaveLength(0);
    down = false;
    expect((await poller.tick()).sent).toBe(1);
    expect((await poller.tick()).sent).toBe(0);
  });

  test('a server with no channel, a broken channel or an unloaded season is skipped', async () => {
    const store = await sqliteStore();
    const settings = new SettingsStore(store);
    await settings.save(guild(1, anchor, { channelId: null }));
    await settings.save(
      guild(2, anchor, { broken: { at: anchor.toISOString(), code: 10003, reason: 'Unknown Channel' } }),
    );
    await settings.save(guild(3, anchor, { seasonId: 'no-such-season' }));
    const { poster, posts } = recordingPoster();
    const poller = createRecapPoller({
      store,
      catalog,
      poster,
      now: () => new Date(anchor.getTime() + 1_000),
      logger: silent,
    });
    await poller.tick();
    expect(posts).toHaveLength(0);
  });
});
