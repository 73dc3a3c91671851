/**
 * The recap poller's decisions about live rounds (results from classifications) once a recap was posted:
 * what it counts and what the operator reads when a posted recap is left alone, edited, refused or to be
 * retried. Real SQLite file; Discord replaced by a scripted poster. The whole story (windows, several
 * servers, what an edit says) is in test/recaps/live-recap-poller.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type ChannelPoster, PermanentPostError } from '../../src/announce/poster.js';
import { createRecapPoller } from '../../src/announce/recap-poller.js';
import { createSeasonCatalog } from '../../src/season/catalog.js';
import type { RoundClassificationFile } from '../../src/season/classification-schema.js';
import { roundEndsAt } from '../../src/season/round-time.js';
import { createKeyValueStore } from '../../src/store/key-value-store.js';
import { RecapLedger } from '../../src/store/ledger.js';
import { type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import { EXAMPLE_ID, editedModel, exampleModel } from '../live/example-season.js';

const HOUR = 3_600_000;
const ROUND_4: RoundClassificationFile = {
  round: 4,
  classifications: [
    {
      class: 'pro',
      stage: 'race',
      order: [
        { position: 1, car: 22, status: null, drivers: null },
        { position: 2, car: 1, status: null, drivers: null },
      ],
    },
  ],
  penalties: [],
};
const withRound4 = (penalties: RoundClassificationFile['penalties'] = []) =>
  editedModel({ rounds: (rounds) => [...rounds, { ...ROUND_4, penalties }] });
const CORRECTION = [{ class: 'pro', person: null, car: 22, points: 30, reason: 'Technical infringement' }];
const AFTER_ROUND_4 = new Date(roundEndsAt(exampleModel().rounds[3] as never).getTime() + HOUR);

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const KEY = { seasonId: EXAMPLE_ID, round: 4, guildId: GUILD, run: null };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type Answer = 'ok' | Error;
/** A poster whose posts and edits answer in turn from the lists given ('ok' once a list is used up). */
function scriptedPoster(script: { posts?: Answer[]; edits?: Answer[] } = {}) {
  const posts = [...(script.posts ?? [])];
  const edits = [...(script.edits ?? [])];
  const calls: string[] = [];
  const poster: ChannelPoster = {
    async post(channelId) {
      calls.push(`post ${channelId}`);
      const answer = posts.shift() ?? 'ok';
      if (answer !== 'ok') throw answer;
      return { messageId: '500000000000000001' };
    },
    async edit(channelId, messageId) {
      calls.push(`edit ${channelId}/${messageId}`);
      const answer = edits.shift() ?? 'ok';
      if (answer !== 'ok') throw answer;
    },
  };
  return { poster, calls };
}

async function setUp(poster: ChannelPoster) {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-live-edits-'));
  const store = await createKeyValueStore({ url: join(dir, 'p.sqlite'), timeoutMs: 5_000 });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const settings = new SettingsStore(store);
  const guild: GuildSettings = {
    guildId: GUILD,
    channelId: CHANNEL,
    mentionRoleId: null,
    spoilerDelayHours: 0,
    replay: null,
    broken: null,
    seasonId: EXAMPLE_ID,
    updatedAt: '2026-09-01T00:00:00.000Z',
    updatedBy: null,
  };
  await settings.save(guild);
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => lines.push({ level, obj, msg });
  const catalog = createSeasonCatalog([withRound4()]);
  const poller = createRecapPoller({
    store,
    catalog,
    poster,
    now: () => AFTER_ROUND_4,
    logger: { info: at('info'), warn: at('warn'), error: at('error') },
  });
  return { store, settings, catalog, poller, lines };
}

const context = { ...KEY, channelId: CHANNEL, messageId: '500000000000000001' };

describe('a posted live recap', () => {
  test('results unchanged: it is counted as skipped, nothing is posted or edited', async () => {
    const { poster, calls } = scriptedPoster();
    const { poller } = await setUp(poster);
    expect(await poller.tick()).toMatchObject({ sent: 1 });
    expect(await poller.tick()).toMatchObject({ due: 1, sent: 0, edited: 0, skipped: 1 });
    expect(calls).toEqual([`post ${CHANNEL}`]);
  });

  test('results corrected: the message is edited and the edit is logged with what changed', async () => {
    const { poster, calls } = scriptedPoster();
    const { poller, catalog, lines } = await setUp(poster);
    await poller.tick();
    catalog.replace([withRound4(CORRECTION)]);
    lines.splice(0);
    expect(await poller.tick()).toMatchObject({ sent: 0, edited: 1, skipped: 0 });
    expect(calls).toEqual([`post ${CHANNEL}`, `edit ${CHANNEL}/500000000000000001`]);
    expect(lines).toEqual([
      {
        level: 'info',
        obj: {
          ...context,
          correction: expect.stringContaining('Pro Cup penalty car #22: −30 (Technical infringement) (new)'),
        },
        msg: 'recap edited: its results changed',
      },
    ]);
  });

  test('an edit refused for good (403): counted as failed, logged, and the channel marked broken', async () => {
    const { poster } = scriptedPoster({ edits: [new PermanentPostError('Missing Access', 403, 50001)] });
    const { poller, catalog, lines, settings } = await setUp(poster);
    await poller.tick();
    catalog.replace([withRound4(CORRECTION)]);
    lines.splice(0);
    expect(await poller.tick()).toMatchObject({ edited: 0, failed: 1 });
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { ...context, status: 403, code: 50001 },
        msg: 'recap edit refused for good; channel marked broken',
      },
    ]);
    expect((await settings.get(GUILD))?.broken).toMatchObject({ code: 50001, reason: 'Missing Access' });
  });

  test('its message deleted (Unknown Message): counted as failed, logged, the channel stays healthy', async () => {
    const { poster } = scriptedPoster({ edits: [new PermanentPostError('Unknown Message', 404, 10008)] });
    const { poller, catalog, lines, settings } = await setUp(poster);
    await poller.tick();
    catalog.replace([withRound4(CORRECTION)]);
    lines.splice(0);
    expect(await poller.tick()).toMatchObject({ failed: 1 });
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { ...context, status: 404, code: 10008 },
        msg: 'recap message is gone; it will not be edited again',
      },
    ]);
    expect((await settings.get(GUILD))?.broken).toBeNull();
  });

  test('an edit that fails for now is logged, counted for retry, and made on the next tick', async () => {
    const { poster, calls } = scriptedPoster({ edits: [new Error('socket hang up')] });
    const { poller, catalog, lines } = await setUp(poster);
    await poller.tick();
    catalog.replace([withRound4(CORRECTION)]);
    lines.splice(0);
    expect(await poller.tick()).toMatchObject({ edited: 0, retryLater: 1, failed: 0 });
    expect(lines).toEqual([
      {
        level: 'warn',
        obj: { ...context, err: 'socket hang up' },
        msg: 'recap not edited; will retry on the next tick',
      },
    ]);
    expect(await poller.tick()).toMatchObject({ edited: 1, retryLater: 0 });
    expect(calls.filter((c) => c.startsWith('edit'))).toHaveLength(2);
  });
});

describe('a live recap not posted yet', () => {
  test('a post that failed for now is posted on the next tick (pending is not taken for posted)', async () => {
    const { poster, calls } = scriptedPoster({ posts: [new Error('socket hang up')] });
    const { poller, store } = await setUp(poster);
    expect(await poller.tick()).toMatchObject({ sent: 0, retryLater: 1 });
    expect(await poller.tick()).toMatchObject({ sent: 1, edited: 0 });
    expect(calls).toEqual([`post ${CHANNEL}`, `post ${CHANNEL}`]);
    expect(await new RecapLedger(store).get(KEY)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
