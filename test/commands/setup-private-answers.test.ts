/**
 * Every /setup answer is private to the admin who asked (Discord's ephemeral flag), and `/setup off` says
 * "turned off" whenever it stopped something: recaps, or only the living tables of a server without recaps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { LivePostLedger, newLivePost } from '../../src/announce/live-standings-ledger.js';
import { createAppContext } from '../../src/core/app-context.js';
import type { OptionValues } from '../../src/core/command.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const TURNED_OFF =
  'Recaps and living tables are off. Nothing more will be posted or edited; messages already posted stay as they are.';
const ALREADY_OFF = 'Recaps and living tables were already off.';
let dir: string;
let harness: SetupHarness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-private-'));
  harness = await setupHarness(createAppContext({ now: () => NOW }), dir);
});
afterEach(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(options: OptionValues) {
  const reply = await setup.execute(options, harness.context());
  return {
    text: String(reply.data.content ?? reply.data.embeds?.[0]?.description ?? ''),
    ephemeral: reply.data.flags === MessageFlags.Ephemeral,
  };
}

/** A living standings post for one class of this server, kept up to date (state `posted`). */
async function livingTable(): Promise<LivePostLedger> {
  const ledger = new LivePostLedger(harness.services.store);
  await ledger.put({
    ...newLivePost({
      guildId: GUILD_ID,
      classId: 'pro',
      seasonId: null,
      channelId: CHANNEL_ID,
      since: NOW.toISOString(),
    }),
    state: 'posted',
    messageId: '900000000000000001',
    afterRound: 2,
  });
  return ledger;
}

describe('/setup answers only the admin who asked', () => {
  test('/setup off on a server that never set anything up: already off, privately', async () => {
    expect(await run({ subcommand: 'off' })).toEqual({ text: ALREADY_OFF, ephemeral: true });
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test('/setup off with recaps on: turned off, privately; again: already off, privately', async () => {
    await run({ subcommand: 'announcements', channel: CHANNEL_ID });
    expect(await run({ subcommand: 'off' })).toEqual({ text: TURNED_OFF, ephemeral: true });
    expect((await harness.services.settings.get(GUILD_ID))?.channelId).toBeNull();
    expect(await run({ subcommand: 'off' })).toEqual({ text: ALREADY_OFF, ephemeral: true });
  });

  test('/setup replay off and a replay schedule, privately', async () => {
    expect(await run({ subcommand: 'replay', start: 'off' })).toEqual({
      text: 'Replay is off: dates and recaps follow the real calendar.',
      ephemeral: true,
    });
    const schedule = await run({ subcommand: 'replay', start: 'now' });
    expect(schedule.text).toMatch(/^Replaying /);
    expect(schedule.ephemeral).toBe(true);
  });

  test('/setup show after the storage lost its data: the loss in words, privately', async () => {
    const detectedAt = '2026-02-28T09:00:00.000Z';
    // The record another process wrote when it noticed the loss (src/store/store-epoch.ts).
    await harness.services.store.set('data-loss', { detectedAt, reason: 'flushed', epoch: 'e1' });
    const answer = await run({ subcommand: 'show' });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text.split('\n')[0]).toBe(
      `⚠️ Pitboard’s storage lost its data (noticed <t:${Date.parse(detectedAt) / 1000}:F>): every server’s settings and the record of posted recaps are gone.`,
    );
  });
});

describe('/setup off with living tables only', () => {
  test('stops the tables, says turned off, and writes no recap settings', async () => {
    const ledger = await livingTable();
    expect(await run({ subcommand: 'off' })).toEqual({ text: TURNED_OFF, ephemeral: true });
    expect((await ledger.get(GUILD_ID, 'pro'))?.state).toBe('stopped');
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
    expect(await run({ subcommand: 'off' })).toEqual({ text: ALREADY_OFF, ephemeral: true });
  });
});
