/**
 * `/setup show` at its edges: recaps turned off but settings kept, living tables on a server without
 * settings (one line each), no empty line when no replayed round is left, a round that ends at this very
 * moment (already past), and no "next replayed round" without a replay or without the season.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { LivePostLedger, newLivePost } from '../../src/announce/live-standings-ledger.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { GuildSettings } from '../../src/store/settings-store.js';
import { guildSettings } from '../support/guild-settings.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const at = (iso: string, style: string) => `<t:${Math.floor(Date.parse(iso) / 1000)}:${style}>`;
let dir: string | null = null;
let harness: SetupHarness | null = null;

afterEach(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  harness = null;
  dir = null;
});

async function start(now: Date): Promise<SetupHarness> {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-show-edges-'));
  harness = await setupHarness(createAppContext({ now: () => now }), dir);
  return harness;
}

function stored(now: Date, overrides: Partial<GuildSettings>): GuildSettings {
  return guildSettings({
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    updatedAt: now.toISOString(),
    ...overrides,
  });
}

async function show(h: SetupHarness): Promise<string> {
  const reply = await setup.execute({ subcommand: 'show' }, h.context());
  return String(reply.data.embeds?.[0]?.description ?? reply.data.content);
}

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('/setup show at its edges', () => {
  test('settings kept but recaps off: the first line says so', async () => {
    const h = await start(NOW);
    await h.services.settings.save(stored(NOW, { channelId: null }));
    expect((await show(h)).split('\n')[0]).toBe('Recaps are off.');
  });

  test('no settings but a living table: one line each', async () => {
    const h = await start(NOW);
    await new LivePostLedger(h.services.store).put(
      newLivePost({
        guildId: GUILD_ID,
        classId: 'pro',
        seasonId: null,
        channelId: CHANNEL_ID,
        since: NOW.toISOString(),
      }),
    );
    const lines = (await show(h)).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'Recaps are off for this server. Turn them on with /setup announcements channel:#…',
    );
    expect(lines[1]).toContain(`<#${CHANNEL_ID}>`);
  });

  test('every replayed round has ended: no empty line at the end', async () => {
    const h = await start(NOW);
    await h.services.settings.save(
      stored(NOW, { replay: { anchor: '2026-01-01T00:00:00.000Z', speed: 1440 } }),
    );
    const text = await show(h);
    expect(text).not.toMatch(/\n$/);
    expect(text.split('\n')).not.toContain('');
  });

  test('a round that ends at this very moment is past: the next one is named', async () => {
    // The replay anchors round 1's end on now.
    const h = await start(NOW);
    await h.services.settings.save(stored(NOW, { replay: { anchor: NOW.toISOString(), speed: 1440 } }));
    const last = (await show(h)).split('\n').at(-1);
    expect(last).toMatch(/^Next replayed round: 2 \(Silverstone\) ends <t:\d+:R>\.$/);
  });

  test('without a replay no "next replayed round", even while the real season runs', async () => {
    // During the real 2013 season: rounds are still to come on the real calendar.
    const during = new Date('2013-05-01T12:00:00.000Z');
    const h = await start(during);
    await h.services.settings.save(stored(during, {}));
    const text = await show(h);
    expect(text).toContain('Replay: off (real dates).');
    expect(text).not.toContain('Next replayed round');
  });

  test('a replay of a season no longer loaded: its replay line, no next round', async () => {
    const h = await start(NOW);
    const anchor = '2026-03-02T00:00:00.000Z';
    await h.services.settings.save(stored(NOW, { seasonId: 'gone-season', replay: { anchor, speed: 2 } }));
    const lines = (await show(h)).split('\n');
    expect(lines).toContain(`Replay: round 1 ends ${at(anchor, 'F')}, 2× speed.`);
    expect(lines.some((line) => line.startsWith('Next replayed round'))).toBe(false);
  });
});
