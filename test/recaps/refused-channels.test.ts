/**
 * Channels that refuse recaps for good — the bot may not send (403 50013), may not see (403 50001), or the
 * channel was deleted (404 10003): one request, the server's setting marked broken, no further attempts
 * (Discord bans an IP at 10,000 invalid requests in 10 minutes), the other servers unaffected, and
 * /setup show tells the admin.
 */

import type { GuildInfo, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import {
  announcementsOf,
  deployTo,
  MINUTE,
  messagePosts,
  roundsIn,
  setupCommand,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
} from './harness.js';

const anchor = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(anchor.getTime() - 10 * MINUTE);
const scratch = tempDir('refused');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord;
let runtime: Runtime;
let guilds: GuildInfo[];

/** Index in `guilds` → what happens to its announcements channel after /setup. */
const REFUSALS = {
  1: { status: 403, code: 50013, label: 'bot may not send' },
  2: { status: 403, code: 50001, label: 'bot may not view' },
  3: { status: 404, code: 10003, label: 'channel deleted' },
} as const;
const HEALTHY = [0, 4, 5];
const refusedIndexes = Object.keys(REFUSALS).map(Number) as (keyof typeof REFUSALS)[];

const guildAt = (n: number) => guilds[n] as GuildInfo;
const ticks = async (count: number) => {
  for (let i = 0; i < count; i++) await runtime.tickRecaps();
};

beforeAll(async () => {
  discord = await startDiscord({ guilds: 6 });
  await deployTo(discord);
  guilds = discord.guilds;
  ({ runtime } = await startBot(discord, { storeUrl, now: () => clock }));
  // Every server sets recaps up the way an admin does, while its channel is fine.
  for (const guild of guilds) {
    const set = await setupCommand(discord, guild, 'announcements', { channel: announcementsOf(guild) });
    expect(set.content).toContain('will be posted in');
    const replay = await setupCommand(discord, guild, 'replay', { start: anchor.toISOString(), speed: 1440 });
    expect(replay.content).toContain('1440× speed');
  }
  // Then the channels change under the bot.
  discord.setChannelAccess(announcementsOf(guildAt(1)), { botCanSend: false });
  discord.setChannelAccess(announcementsOf(guildAt(2)), { botCanView: false });
  discord.deleteChannel(announcementsOf(guildAt(3)));
});

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

describe('channels that refuse recaps', () => {
  test('round 1: one refused request per broken server, the healthy ones posted', async () => {
    clock = new Date(anchor.getTime() + 1_000);
    await ticks(3);
    for (const n of refusedIndexes) {
      const posts = messagePosts(discord, announcementsOf(guildAt(n)));
      expect(posts.map((p) => [p.status, JSON.parse(p.responseText).code])).toEqual([
        [REFUSALS[n].status, REFUSALS[n].code],
      ]);
    }
    for (const n of HEALTHY) expect(roundsIn(discord, announcementsOf(guildAt(n)))).toEqual([1]);
  });

  test('round 2: the broken servers are not tried again, the healthy ones get it once', async () => {
    clock = new Date(anchor.getTime() + 50 * MINUTE);
    await ticks(3);
    for (const n of refusedIndexes)
      expect(messagePosts(discord, announcementsOf(guildAt(n)))).toHaveLength(1);
    for (const n of HEALTHY) expect(roundsIn(discord, announcementsOf(guildAt(n)))).toEqual([1, 2]);
    // Two 403s in all (404s do not count towards the ban threshold).
    expect(discord.stats.invalidRequests).toBe(2);
  });

  test.each(refusedIndexes)('/setup show in server %i explains the refusal', async (n) => {
    const shown = await setupCommand(discord, guildAt(n), 'show');
    expect(shown.ephemeral).toBe(true);
    expect(shown.text).toContain('⚠️ Problem');
    expect(shown.text).toContain(`${REFUSALS[n].code}:`);
    expect(shown.text).toContain('Recaps are paused');
    expect(shown.text).toContain('Last recap: none yet.');
  });

  test('/setup show in a healthy server shows no problem and the last recap', async () => {
    const shown = await setupCommand(discord, guildAt(0), 'show');
    expect(shown.text).not.toContain('Problem');
    expect(shown.text).toContain('Last recap: round 2');
  });

  test('fixed and set up again: recaps resume with the next round due, once', async () => {
    const guild = guildAt(1);
    discord.setChannelAccess(announcementsOf(guild), { botCanSend: true });
    const set = await setupCommand(discord, guild, 'announcements', { channel: announcementsOf(guild) });
    expect(set.content).toContain('will be posted in');
    expect((await setupCommand(discord, guild, 'show')).text).not.toContain('Problem');
    await ticks(2);
    // Round 1 was refused for good and stays so; round 2 (still within the catch-up window) goes out.
    expect(roundsIn(discord, announcementsOf(guild))).toEqual([2]);
    for (const n of [2, 3]) expect(messagePosts(discord, announcementsOf(guildAt(n)))).toHaveLength(1);
    expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
  });
});
