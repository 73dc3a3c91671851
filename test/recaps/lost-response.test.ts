/**
 * A recap POST that Discord processed but whose answer was lost: discord.js sends it again, and the nonce
 * with `enforce_nonce` makes Discord return the first message instead of creating a second one. The same
 * fault with the nonce removed from the body posts twice — proof that the first half of the test bites.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordPoster } from '../../src/announce/discord-poster.js';
import { recapNonce } from '../../src/announce/nonce.js';
import { buildRecapMessage } from '../../src/announce/recap-message.js';
import type { Runtime } from '../../src/runtime.js';
import {
  announcementsOf,
  generalOf,
  MESSAGES_ROUTE,
  MINUTE,
  messagePosts,
  type RecapBody,
  readLedger,
  replaySettings,
  roundOf,
  roundsIn,
  SEASON,
  seedSettings,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
  withStore,
} from './harness.js';

const anchor = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(anchor.getTime() - MINUTE);
const scratch = tempDir('lost-response');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord;
let runtime: Runtime;

beforeAll(async () => {
  discord = await startDiscord({ guilds: 3 });
  await seedSettings(
    storeUrl,
    discord.guilds.map((g) => replaySettings(g.id, announcementsOf(g), anchor)),
  );
  // A short REST timeout so that a hung answer is retried quickly; two retries.
  ({ runtime } = await startBot(discord, {
    storeUrl,
    now: () => clock,
    rest: { timeout: 750, retries: 2 },
  }));
});

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

describe('a recap whose answer is lost', () => {
  test.each([
    { mode: 'hang' as const, guild: 0, round: 1, after: 0.02 },
    { mode: 'reset' as const, guild: 1, round: 2, after: 50 },
  ])(
    '$mode: discord.js retries, Discord dedupes by nonce, one message',
    async ({ mode, guild, round, after }) => {
      const target = discord.guilds[guild];
      if (!target) throw new Error('guild missing');
      const channelId = announcementsOf(target);
      const before = messagePosts(discord, channelId).length;
      // Only this channel's recap of this round loses its answer.
      const fault = discord.faults.rest({
        method: 'POST',
        path: new RegExp(`^/channels/${channelId}/messages$`),
        times: 1,
        action: { type: 'lose-response', mode },
      });
      clock = new Date(anchor.getTime() + after * MINUTE);
      await runtime.tickRecaps();
      expect(fault.hits).toBe(1);

      const posts = messagePosts(discord, channelId).slice(before);
      expect(posts.map((p) => p.status)).toEqual([0, 200]);
      const [lost, retried] = posts.map((p) => p.body as RecapBody);
      expect(retried?.nonce).toBe(lost?.nonce);
      expect(lost?.nonce).toBe(recapNonce(SEASON, round, target.id, channelId, null));
      expect(lost?.enforce_nonce).toBe(true);
      expect(roundsIn(discord, channelId).filter((r) => r === round)).toHaveLength(1);
      // The other servers were not disturbed: one recap of the round each.
      for (const g of discord.guilds)
        expect(roundsIn(discord, announcementsOf(g)).filter((r) => r === round)).toHaveLength(1);
      // The ledger holds the id Discord finally answered, which is the one stored message.
      await withStore(storeUrl, async (store) => {
        const entry = (await readLedger(store, [target.id], round)).get(target.id);
        const message = discord.messages(channelId).find((m) => roundOf(m) === round);
        expect(entry).toMatchObject({ state: 'sent', attempts: 1, messageId: message?.id });
        expect(JSON.parse(posts[1]?.responseText ?? '{}').id).toBe(message?.id);
      });
      // A later tick does not post again.
      await runtime.tickRecaps();
      expect(messagePosts(discord, channelId).slice(before)).toHaveLength(2);
    },
  );

  test('control: the same lost answer with the nonce removed from the body gives two messages', async () => {
    const target = discord.guilds[2];
    if (!target) throw new Error('guild missing');
    const channelId = generalOf(target);
    const model = runtime.app.catalog.get(SEASON);
    const round = model?.rounds[0];
    if (!model || !round) throw new Error('season not loaded');
    const {
      nonce: _nonce,
      enforce_nonce: _enforce,
      ...withoutNonce
    } = buildRecapMessage(model, round, recapNonce(SEASON, 1, target.id, channelId, null), null, 'en');
    discord.faults.loseResponse(MESSAGES_ROUTE, { method: 'POST', mode: 'hang', times: 1 });
    const poster = createDiscordPoster(runtime.bot.client.rest);
    const { messageId } = await poster.post(channelId, withoutNonce);

    const posts = messagePosts(discord, channelId);
    expect(posts.map((p) => p.status)).toEqual([0, 200]);
    expect(discord.messages(channelId)).toHaveLength(2);
    expect(roundsIn(discord, channelId)).toEqual([1, 1]);
    expect(discord.messages(channelId).map((m) => m.id)).toContain(messageId);
  });

  test('Discord saw only valid bodies on known routes', () => {
    expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
  });
});
