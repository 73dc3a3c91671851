/**
 * `/setup show`, line by line, from settings written straight into a real SQLite store: the mention and
 * delay, the season not loaded, the last recap, a broken channel with and without Discord's code, the
 * replay and its next round, and every answer private to the admin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { createAppContext } from '../../src/core/app-context.js';
import { writeLastRecap } from '../../src/store/ledger.js';
import type { GuildSettings } from '../../src/store/settings-store.js';
import { guildSettings } from '../support/guild-settings.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ROLE = '300000000000000001';
const at = (iso: string, style: string) => `<t:${Math.floor(Date.parse(iso) / 1000)}:${style}>`;
let dir: string;
let harness: SetupHarness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-show-'));
  harness = await setupHarness(createAppContext({ now: () => NOW }), dir);
});
afterEach(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

function stored(overrides: Partial<GuildSettings>): GuildSettings {
  return guildSettings({
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    updatedAt: NOW.toISOString(),
    ...overrides,
  });
}

async function show(): Promise<{ lines: string[]; ephemeral: boolean }> {
  const reply = await setup.execute({ subcommand: 'show' }, harness.context());
  const description = reply.data.embeds?.[0]?.description ?? String(reply.data.content);
  return { lines: String(description).split('\n'), ephemeral: reply.data.flags === MessageFlags.Ephemeral };
}

describe('/setup show line by line', () => {
  test('no settings: recaps off, privately', async () => {
    const { lines, ephemeral } = await show();
    expect(lines[0]).toBe(
      'Recaps are off for this server. Turn them on with /setup announcements channel:#…',
    );
    expect(ephemeral).toBe(true);
  });

  test('a mention role, a delay, an unloaded season and the last recap', async () => {
    await harness.services.settings.save(
      stored({ mentionRoleId: ROLE, spoilerDelayHours: 3, seasonId: 'gone-season' }),
    );
    await writeLastRecap(harness.services.store, GUILD_ID, {
      seasonId: 'gone-season',
      round: 4,
      channelId: CHANNEL_ID,
      messageId: '900000000000000001',
      at: '2026-02-28T12:00:00.000Z',
    });
    const { lines, ephemeral } = await show();
    expect(ephemeral).toBe(true);
    expect(lines).toContain('Season: “gone-season” (not loaded)');
    expect(lines).toContain(`Mention: <@&${ROLE}> · spoiler delay: 3 h`);
    expect(lines).toContain(
      `Last recap: round 4 of gone-season in <#${CHANNEL_ID}>, ${at('2026-02-28T12:00:00.000Z', 'R')}.`,
    );
  });

  test.each([
    [7, '7'],
    [null, 'no code'],
  ])('a broken channel (code %j) is a warning naming the code and reason', async (code, shown) => {
    const broken = { at: '2026-02-27T12:00:00.000Z', code, reason: 'Missing Access' };
    await harness.services.settings.save(stored({ broken }));
    const { lines } = await show();
    expect(lines).toContain(
      `⚠️ Problem: Discord refused a recap (${shown}: Missing Access) ${at(broken.at, 'R')}. Recaps are paused; fix the channel’s permissions and run /setup announcements again.`,
    );
  });

  test('a replay: its start and speed, and the next replayed round; none once every round has ended', async () => {
    const anchor = '2026-03-01T13:00:00.000Z';
    await harness.services.settings.save(stored({ replay: { anchor, speed: 1440 } }));
    const { lines } = await show();
    expect(lines).toContain(`Replay: round 1 ends ${at(anchor, 'F')}, 1440× speed.`);
    expect(lines.at(-1)).toMatch(/^Next replayed round: 1 \(.+\) ends <t:\d+:R>\.$/);
    expect(lines.at(-1)).toContain(at(anchor, 'R'));

    await harness.services.settings.save(
      stored({ replay: { anchor: '2026-01-01T00:00:00.000Z', speed: 1440 } }),
    );
    expect((await show()).lines.some((line) => line.startsWith('Next replayed round'))).toBe(false);
  });
});
