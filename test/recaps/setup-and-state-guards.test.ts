/**
 * Guarantees that only show when something is wrong, each pinned through the real bot: /setup's own
 * Manage Server check (Discord's default_member_permissions can be overridden by a server, so the bot checks
 * again), a corrupt ledger entry never read as "no entry" (that would post the recap again), and settings
 * that cannot be read reported — in the logs by the poller, and by /setup show — instead of dropped.
 */

import type { GuildInfo, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { SettingsStore } from '../../src/store/settings-store.js';
import {
  announcementsOf,
  answer,
  deployTo,
  generalOf,
  type LogRecord,
  readLedger,
  replaySettings,
  roundsIn,
  SEASON,
  seedSettings,
  setupCommand,
  startBot,
  startDiscord,
  tempDir,
  withStore,
} from './harness.js';

/** Send Messages and View Channel, nothing else: a member Discord let through to /setup. */
const SEND_MESSAGES_ONLY = String((1n << 11n) | (1n << 10n));
const scratch = tempDir('setup-guards');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
const anchor = new Date('2026-12-01T18:00:00.000Z');
let discord: LocalDiscord;
let runtime: Runtime;
let logs: LogRecord[];
let healthy: GuildInfo;
let corruptLedger: GuildInfo;
let corruptSettings: GuildInfo;
let unprivileged: GuildInfo;

beforeAll(async () => {
  discord = await startDiscord({ guilds: 4 });
  await deployTo(discord);
  [healthy, corruptLedger, corruptSettings, unprivileged] = discord.guilds as [
    GuildInfo,
    GuildInfo,
    GuildInfo,
    GuildInfo,
  ];
  await seedSettings(
    storeUrl,
    [healthy, corruptLedger, corruptSettings].map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
  await withStore(storeUrl, async (store) => {
    // A ledger entry for round 1 that says "sent" but has lost its other fields.
    await store.set(`recap:${SEASON}:1:${corruptLedger.id}`, { state: 'sent' });
    await store.set(`settings:${corruptSettings.id}`, { guildId: corruptSettings.id, channelId: 42 });
  });
  ({ runtime, logs } = await startBot(discord, {
    storeUrl,
    now: () => new Date(anchor.getTime() + 1_000),
  }));
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

test.each([
  ['announcements', () => ({ channel: announcementsOf(unprivileged) })],
  ['replay', () => ({ start: 'now' })],
  ['off', () => ({})],
])(
  '/setup %s by a member with Send Messages only is refused, and nothing is written',
  async (subcommand, options) => {
    const reply = await answer(discord, {
      name: 'setup',
      subcommand,
      options: options(),
      guildId: unprivileged.id,
      channelId: generalOf(unprivileged),
      memberPermissions: SEND_MESSAGES_ONLY,
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/Only members with the Manage Server permission/);
    await withStore(storeUrl, async (store) => {
      const settings = new SettingsStore(store);
      expect(await settings.get(unprivileged.id)).toBeNull();
      expect(await settings.guildIds()).not.toContain(unprivileged.id);
    });
  },
);

test('a corrupt ledger entry is never taken for "not sent": that server gets no recap, the others do', async () => {
  await runtime.tickRecaps();
  await runtime.tickRecaps();
  expect(roundsIn(discord, announcementsOf(healthy))).toEqual([1]);
  expect(roundsIn(discord, announcementsOf(corruptLedger))).toEqual([]);
  const reported = logs.filter((r) => r.level === 50 && r.guildId === corruptLedger.id);
  expect(reported.length).toBeGreaterThan(0);
  expect(String(reported[0]?.err)).toMatch(/ledger entry .* is not valid/);
  // Left for a person to look at, not overwritten.
  await expect(withStore(storeUrl, (store) => readLedger(store, [corruptLedger.id], 1))).rejects.toThrow(
    /is not valid/,
  );
});

test('settings that cannot be read are reported by the poller, and by /setup show', async () => {
  const reported = logs.filter(
    (r) =>
      r.level === 50 && r.msg === 'settings unreadable; server skipped' && r.guildId === corruptSettings.id,
  );
  expect(reported.length).toBeGreaterThan(0);
  expect(roundsIn(discord, announcementsOf(corruptSettings))).toEqual([]);
  const shown = await setupCommand(discord, corruptSettings, 'show');
  expect(shown.ephemeral).toBe(true);
  expect(shown.text).toMatch(/stored settings cannot be read/);
});
