/**
 * The living standings post is in its server's language: `/setup language`, else the server's preferred
 * locale as the last /setup reported it, else English; and English for everyone when the product switch is off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildLiveStandingsBody } from '../../src/announce/live-standings-body.js';
import type { LivePostClient } from '../../src/announce/live-standings-discord.js';
import { createLiveStandingsJob } from '../../src/announce/live-standings-job.js';
import { LivePostLedger, newLivePost } from '../../src/announce/live-standings-ledger.js';
import { forceRepliesLocalised } from '../../src/i18n/reply-locale.js';
import { createKeyValueStore } from '../../src/store/key-value-store.js';
import { SettingsStore } from '../../src/store/settings-store.js';
import { bundledApp } from '../commands/discord-limits.js';
import { CHANNEL_ID } from '../commands/setup-context.js';
import { guildSettings } from '../support/guild-settings.js';

forceRepliesLocalised(true);
afterEach(() => forceRepliesLocalised(true));

const app = bundledApp();

describe('the living standings post', () => {
  const model = app.catalog.defaultSeason();

  test.each([
    ['fr', '📌 Classement en direct — à jour après la manche 5 (Nürburgring).'],
    ['de', '📌 Live-Tabelle — Stand nach Lauf 5 (Nürburgring).'],
  ])('%s: its heading and its table', (locale, heading) => {
    const view = buildLiveStandingsBody(model, 'pro', locale as 'fr' | 'de');
    expect(view?.body.content?.startsWith(heading)).toBe(true);
    expect(view?.fingerprint).not.toBe(buildLiveStandingsBody(model, 'pro', 'en')?.fingerprint);
  });

  test('the job posts it in the server’s chosen language, else its Discord locale; English when the switch is off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pitboard-live-locale-'));
    const store = await createKeyValueStore({ url: join(dir, 'live.sqlite'), timeoutMs: 5_000 });
    try {
      const posted: string[] = [];
      const client: LivePostClient = {
        async post(_channel, body) {
          posted.push(String(body.content));
          return { messageId: `m${posted.length}` };
        },
        async edit() {},
        async check() {},
        async pin() {
          return false;
        },
      };
      const GERMAN = '100000000000000011';
      const settings = new SettingsStore(store);
      const ledger = new LivePostLedger(store);
      for (const [guildId, language, guildLocale] of [
        [GERMAN, 'de', 'fr'],
        ['100000000000000012', null, null],
        ['100000000000000013', null, 'nl'],
      ] as const) {
        await settings.save(
          guildSettings({
            guildId,
            channelId: null,
            language,
            guildLocale,
            updatedAt: '2013-10-01T00:00:00.000Z',
          }),
        );
        await ledger.put(
          newLivePost({
            guildId,
            classId: 'pro',
            seasonId: null,
            channelId: CHANNEL_ID,
            since: '2013-10-01T00:00:00.000Z',
          }),
        );
      }
      const silent = { info() {}, warn() {}, error() {} };
      const job = createLiveStandingsJob({
        store,
        catalog: app.catalog,
        client,
        now: () => new Date(),
        logger: silent,
        concurrency: 1,
      });
      await job.tick();
      expect(posted.sort()).toEqual([
        expect.stringMatching(/^📌 Live table — updated after round 5/),
        expect.stringMatching(/^📌 Live-Tabelle — Stand nach Lauf 5/),
        String(buildLiveStandingsBody(model, 'pro', 'nl')?.body.content),
      ]);
      forceRepliesLocalised(false);
      const german = await ledger.get(GERMAN, 'pro');
      if (!german) throw new Error('the German server’s post is in the ledger');
      await ledger.put({ ...german, state: 'new', messageId: null, nonce: null });
      await job.tick();
      expect(posted.at(-1)).toMatch(/^📌 Live table — updated after round 5/);
      await job.release();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
