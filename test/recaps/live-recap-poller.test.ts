/**
 * Recaps of a live season through the real poller and a real SQLite store (Discord replaced by a recording
 * poster; the end-to-end file drives the real client): due when results land, once per server, edited in
 * place when they change, once per change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { afterEach, describe, expect, test } from 'vitest';
import { type ChannelPoster, PermanentPostError } from '../../src/announce/poster.js';
import { createRecapPoller } from '../../src/announce/recap-poller.js';
import { createSeasonCatalog } from '../../src/season/catalog.js';
import type { RoundClassificationFile } from '../../src/season/classification-schema.js';
import { roundEndsAt } from '../../src/season/round-time.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import { EXAMPLE_ID, editedModel, exampleModel } from '../live/example-season.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const guildId = (n: number) => String(100_000_000_000_000_000n + BigInt(n));
const channelId = (n: number) => String(200_000_000_000_000_000n + BigInt(n));
const silent = { info() {}, warn() {}, error() {} };

const ROUND_4: RoundClassificationFile = {
  round: 4,
  classifications: [
    {
      class: 'pro',
      stage: 'race',
      order: [
        { position: 1, car: 22, status: null, drivers: null },
        { position: 2, car: 1, status: null, drivers: null },
        { position: 3, car: 33, status: null, drivers: null },
        { position: null, car: 7, status: 'DNF', drivers: null },
      ],
    },
  ],
  penalties: [],
};
const withRound4 = (penalties: RoundClassificationFile['penalties'] = []) =>
  editedModel({ rounds: (rounds) => [...rounds, { ...ROUND_4, penalties }] });
const CORRECTION = [{ class: 'pro', person: null, car: 22, points: 30, reason: 'Technical infringement' }];
const round4End = roundEndsAt(exampleModel().rounds[3] as never).getTime();

type Call =
  | { kind: 'post'; channelId: string; body: RESTPostAPIChannelMessageJSONBody }
  | { kind: 'edit'; channelId: string; messageId: string; body: RESTPatchAPIChannelMessageJSONBody };

function recordingPoster(editAnswer: (channelId: string) => 'ok' | 'forbidden' | 'gone' = () => 'ok') {
  const calls: Call[] = [];
  let id = 1_000_000_000_000_000;
  const poster: ChannelPoster = {
    async post(channelId, body) {
      calls.push({ kind: 'post', channelId, body });
      return { messageId: String(id++) };
    },
    async edit(channelId, messageId, body) {
      calls.push({ kind: 'edit', channelId, messageId, body });
      const answer = editAnswer(channelId);
      if (answer === 'forbidden') throw new PermanentPostError('Missing Access', 403, 50001);
      if (answer === 'gone') throw new PermanentPostError('Unknown Message', 404, 10008);
    },
  };
  return { poster, calls };
}

const dirs: string[] = [];
const stores: KeyValueStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setUp(servers: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-live-poller-'));
  dirs.push(dir);
  const store = await createKeyValueStore({ url: join(dir, 'p.sqlite'), timeoutMs: 2_000 });
  stores.push(store);
  const settings = new SettingsStore(store);
  for (let n = 0; n < servers; n++) await settings.save(liveSettings(n));
  return { store, settings };
}

function liveSettings(n: number): GuildSettings {
  return {
    guildId: guildId(n),
    channelId: channelId(n),
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: null,
    broken: null,
    seasonId: EXAMPLE_ID,
    updatedAt: '2026-09-01T00:00:00.000Z',
    updatedBy: null,
  };
}

/** What was sent where, sorted: servers are served concurrently, in no fixed order. */
const titles = (calls: Call[]) =>
  calls.map((c) => `${c.kind} ${c.channelId} ${c.body.embeds?.[0]?.title}`).sort();

describe('live recaps: due when the results land', () => {
  test('results present when the bot first sees the season are not recapped as new', async () => {
    const { store } = await setUp(2);
    const { poster, calls } = recordingPoster();
    const now = new Date(round4End + 3 * DAY);
    const catalog = createSeasonCatalog([withRound4()]);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect(await poller.tick()).toMatchObject({ sent: 0, due: 0 });
    expect(calls).toEqual([]);
  });

  test('results landing three days after the race are recapped then, once per server', async () => {
    const { store } = await setUp(3);
    const { poster, calls } = recordingPoster();
    let now = new Date(round4End + 3 * DAY);
    const catalog = createSeasonCatalog([exampleModel()]);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect((await poller.tick()).sent).toBe(0); // rounds 1–3 were in when the bot first saw the season
    catalog.replace([withRound4()]);
    now = new Date(now.getTime() + HOUR);
    expect(await poller.tick()).toMatchObject({ sent: 3, edited: 0 });
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 0 });
    expect(titles(calls)).toEqual(
      [0, 1, 2].map((n) => `post ${channelId(n)} Round 4 recap · Example 1000 km Nürburgring`),
    );
    const body = calls[0]?.body;
    expect(body?.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      'Pro Cup podium',
      'Pro Cup after round 4 (computed)',
      'Next round',
    ]);
    // Hand computation, 1000 km table 33/24/19: after round 3 Archer/Brooks 79 (1st), Duval/Engel 66 (2nd),
    // Cho 61 (3rd), Greco/Hale 56 (4th), Jansen/Kok 48 (5th); round 4: #22 P1 +33, #1 P2 +24, #33 P3 +19, #7 DNF.
    expect(body?.embeds?.[0]?.fields?.[1]?.value).toBe(
      [
        '`  1` 🇬🇧 Alice Archer, 🇬🇧 Ben Brooks — **103** –',
        '`  2` 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale — **89** ▲2',
        '`  3` 🇰🇷 Carl Cho — **85** –',
        '`  4` 🇳🇱 Jan Jansen, 🇳🇱 Kees Kok — **67** ▲1',
        '`  5` 🇫🇷 Dana Duval, 🇩🇪 Erik Engel — **66** ▼3',
        '… and 1 more (/standings pro)',
      ].join('\n'),
    );
    // A window of 48 h from the landing: two days later the recap is still known as sent, never re-posted.
    now = new Date(now.getTime() + 2 * DAY);
    await poller.tick();
    expect(calls.filter((c) => c.kind === 'post')).toHaveLength(3);
  });

  test('a correction after posting edits each posted recap once, saying what changed; never a second recap', async () => {
    const { store } = await setUp(2);
    const { poster, calls } = recordingPoster();
    let now = new Date(round4End + HOUR);
    const catalog = createSeasonCatalog([withRound4()]);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect((await poller.tick()).sent).toBe(2);
    const posted = calls.map((c, i) => ({
      channelId: c.channelId,
      messageId: String(1_000_000_000_000_000 + i),
    }));
    catalog.replace([withRound4(CORRECTION)]);
    now = new Date(now.getTime() + 2 * DAY); // days later: the correction reopens the window
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 2 });
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 0 });
    const edits = calls.filter((c) => c.kind === 'edit');
    // Each server's own message, in the channel it was posted to (in whatever order the poller visits them).
    const pairs = (list: { channelId: string; messageId: string }[]) =>
      list.map((p) => `${p.channelId}/${p.messageId}`).sort();
    expect(pairs(edits.map((e) => ({ channelId: e.channelId, messageId: e.messageId ?? '' })))).toEqual(
      pairs(posted),
    );
    const description = edits[0]?.body.embeds?.[0]?.description ?? '';
    expect(description).toContain('Corrected after posting:');
    expect(description).toContain('Pro Cup penalty car #22: −30 (Technical infringement) (new)');
    expect(edits[0]?.body.embeds?.[0]?.fields?.at(-2)?.name).toBe('Penalties');
    expect(edits[0]?.body).not.toHaveProperty('nonce');
    const entry = await new RecapLedger(store).get({
      seasonId: EXAMPLE_ID,
      round: 4,
      guildId: guildId(0),
      run: null,
    });
    expect(entry).toMatchObject({ state: 'sent', attempts: 1 });
    // Correcting back is a change too: one more edit per server.
    catalog.replace([withRound4()]);
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 2 });
  });

  test('a correction days later edits posted recaps but posts nothing to a server set up since', async () => {
    const { store, settings } = await setUp(1);
    const { poster, calls } = recordingPoster();
    let now = new Date(round4End + HOUR);
    const catalog = createSeasonCatalog([withRound4()]);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    expect((await poller.tick()).sent).toBe(1);
    now = new Date(round4End + 5 * DAY);
    await settings.save(liveSettings(1));
    expect((await poller.tick()).sent).toBe(0);
    catalog.replace([withRound4(CORRECTION)]);
    // The server set up since has the correction due for editing only: skipped, nothing posted to it.
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 1, skipped: 1 });
    expect(titles(calls)).toEqual([
      `edit ${channelId(0)} Round 4 recap · Example 1000 km Nürburgring`,
      `post ${channelId(0)} Round 4 recap · Example 1000 km Nürburgring`,
    ]);
  });

  test('refused edits: 403 marks the channel broken, a deleted message stops the edits only', async () => {
    const { store, settings } = await setUp(3);
    const { poster, calls } = recordingPoster((c) =>
      c === channelId(1) ? 'forbidden' : c === channelId(2) ? 'gone' : 'ok',
    );
    const now = new Date(round4End + HOUR);
    const catalog = createSeasonCatalog([withRound4()]);
    const poller = createRecapPoller({ store, catalog, poster, now: () => now, logger: silent });
    await poller.tick();
    catalog.replace([withRound4(CORRECTION)]);
    expect(await poller.tick()).toMatchObject({ edited: 1, failed: 2 });
    expect(await poller.tick()).toMatchObject({ edited: 0, failed: 0 });
    expect(calls.filter((c) => c.kind === 'edit')).toHaveLength(3);
    expect((await settings.get(guildId(1)))?.broken).toMatchObject({ code: 50001 });
    expect((await settings.get(guildId(2)))?.broken).toBeNull();
    const ledger = new RecapLedger(store);
    const key = (n: number) => ({ seasonId: EXAMPLE_ID, round: 4, guildId: guildId(n), run: null });
    expect(await ledger.get(key(2))).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('10008'),
    });
  });
});
