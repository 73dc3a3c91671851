import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildLiveStandingsBody } from '../../src/announce/live-standings-body.js';
import type { LivePostClient } from '../../src/announce/live-standings-discord.js';
import { MessageGoneError } from '../../src/announce/live-standings-discord.js';
import { createLiveStandingsJob } from '../../src/announce/live-standings-job.js';
import { type LivePost, LivePostLedger } from '../../src/announce/live-standings-ledger.js';
import { PermanentPostError } from '../../src/announce/poster.js';
import { createAppContext } from '../../src/core/app-context.js';
import { createKeyValueStore, type KeyValueStore } from '../../src/store/key-value-store.js';
import { tempDir } from '../recaps/harness.js';

/** The job's rules with a recording client and an injected clock: when it edits, waits, or gives up. */
const scratch = tempDir('live-job');
let store: KeyValueStore;
const app = createAppContext({ now: () => new Date('2013-10-01T00:00:00Z') });
const silent = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  store = await createKeyValueStore({ url: `${scratch.dir}/job.sqlite`, timeoutMs: 5_000 });
});
afterAll(async () => {
  await store.close();
  scratch.remove();
});

function recordingClient(fail: { edit?: Error; post?: Error; check?: Error } = {}) {
  const calls: string[] = [];
  const client: LivePostClient = {
    async post(channelId) {
      calls.push(`post ${channelId}`);
      if (fail.post) throw fail.post;
      return { messageId: `m${calls.length}` };
    },
    async edit(_channelId, messageId) {
      calls.push(`edit ${messageId}`);
      if (fail.edit) throw fail.edit;
    },
    async check(_channelId, messageId) {
      calls.push(`check ${messageId}`);
      if (fail.check) throw fail.check;
    },
    async pin() {
      calls.push('pin');
      return false;
    },
  };
  return { client, calls };
}

const entry = (guildId: string, over: Partial<LivePost> = {}): LivePost => ({
  guildId,
  classId: 'pro',
  seasonId: null,
  channelId: '200000000000000001',
  since: '2013-10-01T00:00:00.000Z',
  state: 'posted',
  nonce: 'n',
  messageId: 'm0',
  shown: 'something older',
  afterRound: 4,
  reposts: 0,
  repostedAt: null,
  lastEditAt: '2013-10-01T00:00:00.000Z',
  checkedAt: null,
  pinned: false,
  note: null,
  ...over,
});

describe('living standings job', () => {
  test('edits are paced: a change within the interval waits for a later tick, then one edit', async () => {
    await new LivePostLedger(store).put(entry('1'));
    let now = new Date('2013-10-01T00:00:05Z');
    const { client, calls } = recordingClient();
    const job = createLiveStandingsJob({
      store,
      catalog: app.catalog,
      client,
      now: () => now,
      logger: silent,
      minEditIntervalMs: 10_000,
    });
    expect((await job.tick()).paced).toBe(1);
    expect(calls).toEqual([]);
    now = new Date('2013-10-01T00:00:11Z');
    expect((await job.tick()).edited).toBe(1);
    expect((await job.tick()).unchanged).toBe(1);
    expect(calls).toEqual(['edit m0']);
  });

  test('a refused channel marks the post failed, and it is not tried again', async () => {
    const ledger = new LivePostLedger(store);
    await ledger.put(entry('2', { state: 'new', messageId: null, nonce: null, shown: null }));
    const { client, calls } = recordingClient({ post: new PermanentPostError('Missing Access', 403, 50001) });
    const job = createLiveStandingsJob({
      store,
      catalog: app.catalog,
      client,
      now: () => new Date(),
      logger: silent,
    });
    await job.tick();
    await job.tick();
    expect(calls.filter((c) => c.startsWith('post'))).toHaveLength(1);
    expect((await ledger.get('2', 'pro'))?.state).toBe('failed');
  });

  test('a deleted post found at an edit is posted again with a new nonce', async () => {
    const ledger = new LivePostLedger(store);
    await ledger.put(entry('3', { lastEditAt: null }));
    const { client, calls } = recordingClient({ edit: new MessageGoneError('Unknown Message') });
    const job = createLiveStandingsJob({
      store,
      catalog: app.catalog,
      client,
      now: () => new Date(),
      logger: silent,
    });
    expect((await job.tick()).reposted).toBe(1);
    const after = await ledger.get('3', 'pro');
    expect(after).toMatchObject({ state: 'posted', reposts: 1 });
    expect(after?.nonce).not.toBe('n');
    expect(calls).toContain('post 200000000000000001');
  });

  test('an unchanged post is checked for deletion at most once per interval, and comes back once if deleted', async () => {
    const ledger = new LivePostLedger(store);
    const shown = buildLiveStandingsBody(app.catalog.defaultSeason(), 'pro', 'en')?.fingerprint ?? null;
    await ledger.put(entry('4', { shown, lastEditAt: '2013-10-01T00:00:00.000Z' }));
    let now = new Date('2013-10-01T00:30:00Z');
    const { client, calls } = recordingClient({ check: new MessageGoneError('Unknown Message') });
    const job = createLiveStandingsJob({
      store,
      catalog: app.catalog,
      client,
      now: () => now,
      logger: silent,
      checkIntervalMs: 3_600_000,
    });
    await job.tick();
    expect(calls).toEqual([]);
    now = new Date('2013-10-01T01:00:01Z');
    await job.tick();
    expect(calls.filter((c) => c.startsWith('check') || c.startsWith('post'))).toEqual([
      'check m0',
      'post 200000000000000001',
    ]);
    expect(await ledger.get('4', 'pro')).toMatchObject({ state: 'posted', reposts: 1 });
  });

  test('/setup off during an edit wins: the edit in flight does not switch the post back on', async () => {
    const ledger = new LivePostLedger(store);
    await ledger.put(entry('5', { lastEditAt: null }));
    const { client, calls } = recordingClient();
    const job = createLiveStandingsJob({
      store,
      catalog: app.catalog,
      client: {
        ...client,
        async edit(channelId, messageId, body) {
          await client.edit(channelId, messageId, body);
          if (messageId === 'm0') await ledger.stopGuild('5'); // an admin's /setup off, mid-edit
        },
      },
      now: () => new Date(),
      logger: silent,
    });
    await job.tick();
    expect(await ledger.get('5', 'pro')).toMatchObject({ state: 'stopped', shown: 'something older' });
    const edits = calls.length;
    await job.tick();
    expect(calls.length).toBe(edits);
  });
});
