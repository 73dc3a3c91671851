/**
 * Many servers, the real bot: every configured server gets exactly one recap per due round, ticks are
 * idempotent, and every body Discord received was valid, nonce'd and mentioned nobody it should not.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import {
  announcementsOf,
  type LogRecord,
  MINUTE,
  messagePosts,
  type RecapBody,
  readLedger,
  replaySettings,
  roundsIn,
  SEASON,
  seedSettings,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
  withStore,
} from './harness.js';

const GUILDS = 40;
/** These servers wait an hour after each round (spoiler delay). */
const DELAYED = new Set([3, 17, 29, 38]);
/** These servers mention one role in each recap. */
const WITH_ROLE = new Set([5, 17, 22]);
const ROLE_ID = '987654321098765432';

const anchor = new Date('2026-12-01T18:00:00.000Z');
let clock = new Date(anchor.getTime() - MINUTE);
const scratch = tempDir('fan-out');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord;
let runtime: Runtime;
let logs: LogRecord[];

beforeAll(async () => {
  discord = await startDiscord({ guilds: GUILDS });
  await seedSettings(
    storeUrl,
    discord.guilds.map((guild, n) =>
      replaySettings(guild.id, announcementsOf(guild), anchor, {
        spoilerDelayHours: DELAYED.has(n) ? 1 : 0,
        mentionRoleId: WITH_ROLE.has(n) ? ROLE_ID : null,
      }),
    ),
  );
  ({ runtime, logs } = await startBot(discord, { storeUrl, now: () => clock }));
});

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

/** Round numbers each server should have received by `clock`, sorted. */
function expectedRounds(n: number, minutesAfterAnchor: number): number[] {
  const delay = DELAYED.has(n) ? 60 : 0;
  const offsets = [0, 49, 77, 105, 161];
  return offsets.flatMap((offset, i) => (offset + delay <= minutesAfterAnchor ? [i + 1] : []));
}

function roundsPerGuild(): number[][] {
  return discord.guilds.map((guild) =>
    roundsIn(discord, announcementsOf(guild))
      .map((r) => r ?? -1)
      .sort((a, b) => a - b),
  );
}

describe(`${GUILDS} servers, one bot`, () => {
  test('nothing is posted before round 1 is due', async () => {
    await runtime.tickRecaps();
    expect(messagePosts(discord)).toHaveLength(0);
  });

  // Each step moves the injected clock, ticks three times, and checks every channel holds exactly the
  // rounds due by then — each once.
  test.each([
    { after: 0.02, label: 'round 1 just ended' },
    { after: 50, label: 'round 2 ended; delayed servers still wait' },
    { after: 62, label: 'the spoiler delay of round 1 has passed' },
    { after: 200, label: 'rounds 3–5 ended while nobody ticked (catch-up)' },
  ])('$label: exactly one recap per server per due round, repeated ticks add nothing', async ({ after }) => {
    clock = new Date(anchor.getTime() + after * MINUTE);
    await runtime.tickRecaps();
    const afterFirst = messagePosts(discord).length;
    await runtime.tickRecaps();
    await runtime.tickRecaps();
    // Repeated ticks do not even reach Discord.
    expect(messagePosts(discord)).toHaveLength(afterFirst);
    expect(roundsPerGuild()).toEqual(discord.guilds.map((_, n) => expectedRounds(n, after)));
  });

  test('every recap body was valid, carried a nonce with enforce_nonce, and mentioned nobody else', () => {
    expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
    const total = discord.guilds.reduce((sum, _, n) => sum + expectedRounds(n, 200).length, 0);
    // 429s (the global 50/s, 5 per 5 s per channel) are answered before the body is read; discord.js waits
    // and sends again. Every other answer was a 200.
    const all = messagePosts(discord);
    expect(all.filter((p) => p.status !== 200 && p.status !== 429)).toEqual([]);
    const posts = all.filter((p) => p.status === 200);
    expect(posts).toHaveLength(total);
    const nonces = new Set<string>();
    for (const post of posts) {
      expect(post.status).toBe(200);
      const body = post.body as RecapBody;
      expect(body.allowed_mentions?.parse).toEqual([]);
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce).toMatch(/^[\w-]{1,25}$/);
      nonces.add(body.nonce as string);
      const n = discord.guilds.findIndex((g) => post.path === `/channels/${announcementsOf(g)}/messages`);
      if (WITH_ROLE.has(n)) {
        expect(body.allowed_mentions?.roles).toEqual([ROLE_ID]);
        expect(body.content).toContain(`<@&${ROLE_ID}>`);
      } else {
        expect(body.allowed_mentions?.roles ?? []).toEqual([]);
        expect(body.content ?? '').not.toMatch(/<@|@everyone|@here/);
      }
    }
    // One nonce per (round, server): a retried POST reuses it, two recaps never share one.
    expect(nonces.size).toBe(total);
    expect(logs.filter((r) => r.level >= 50)).toEqual([]);
  });

  test('the ledger records every recap as sent with the id of the message Discord stored', async () => {
    const ids = discord.guilds.map((g) => g.id);
    await withStore(storeUrl, async (store) => {
      for (const round of [1, 2, 3, 4, 5]) {
        const entries = await readLedger(store, ids, round);
        discord.guilds.forEach((guild, n) => {
          const entry = entries.get(guild.id);
          if (!expectedRounds(n, 200).includes(round)) {
            expect(entry).toBeNull();
            return;
          }
          const stored = discord
            .messages(announcementsOf(guild))
            .find((m) => (m.embeds as { title: string }[])[0]?.title.startsWith(`Round ${round} recap`));
          expect(entry).toMatchObject({ state: 'sent', attempts: 1, messageId: stored?.id });
        });
      }
    });
    // The ledger keys above name the season the servers announce (their default season).
    expect(runtime.app.catalog.defaultSeason().id).toBe(SEASON);
  });
});
