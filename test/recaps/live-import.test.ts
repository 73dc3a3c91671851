/**
 * The admin's path end to end, with the real bot (discord.js client, SQLite store, hot reload of a copy of
 * the example league season) against the local Discord: an import while the bot runs → exactly one recap
 * per configured server with the new tables; a corrected import → each posted recap edited, not reposted; a
 * bad CSV → nothing written, nothing posted.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runResultsCli } from '../../src/cli/results-import.js';
import type { Runtime } from '../../src/runtime.js';
import { roundEndsAt } from '../../src/season/round-time.js';
import { EXAMPLE_ID, exampleModel } from '../live/example-season.js';
import {
  announcementsOf,
  messagePosts,
  REPO_ROOT,
  seedSettings,
  startBot,
  startDiscord,
  tempDir,
  trafficProblems,
  waitFor,
} from './harness.js';

const SERVERS = 3;
const MESSAGE_ROUTE = '/channels/:channelId/messages/:messageId';
const scratch = tempDir('live-import');
const dataDir = join(scratch.dir, 'seasons');
const seasonDir = join(dataDir, EXAMPLE_ID);
const roundFile = join(seasonDir, 'classifications', 'round-04.yaml');
const csv = (name: string, text: string) => {
  const path = join(scratch.dir, name);
  writeFileSync(path, text);
  return path;
};
// Results land three days after the race (the recap window counts from the landing, not the race).
const now = new Date(roundEndsAt(exampleModel().rounds[3] as never).getTime() + 3 * 24 * 3_600_000);
let discord: LocalDiscord;
let runtime: Runtime;

function importCsv(path: string): { code: number; out: string } {
  let out = '';
  const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } };
  const code = runResultsCli(['import', seasonDir, '--round', '4', '--class', 'pro', path], io);
  return { code, out };
}

const edits = () => discord.journal.filter((e) => e.method === 'PATCH' && e.route === MESSAGE_ROUTE);
const recapIn = (channelId: string): Json[] => discord.messages(channelId);
const fieldsOf = (message: Json | undefined) =>
  (message?.embeds as { fields?: { name: string; value: string }[] }[] | undefined)?.[0]?.fields ?? [];
const descriptionOf = (message: Json | undefined) =>
  (message?.embeds as { description?: string }[] | undefined)?.[0]?.description ?? '';

beforeAll(async () => {
  cpSync(join(REPO_ROOT, 'examples', 'seasons', EXAMPLE_ID), seasonDir, { recursive: true });
  discord = await startDiscord({ guilds: SERVERS });
  const storeUrl = join(scratch.dir, 'pitboard.sqlite');
  await seedSettings(
    storeUrl,
    discord.guilds.map((guild) => ({
      guildId: guild.id,
      channelId: announcementsOf(guild),
      mentionRoleId: null,
      spoilerDelayHours: 0,
      replay: null,
      broken: null,
      seasonId: EXAMPLE_ID,
      updatedAt: now.toISOString(),
      updatedBy: null,
    })),
  );
  ({ runtime } = await startBot(discord, { storeUrl, now: () => now, dataDir }));
  await runtime.tickRecaps();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

describe('importing round results while the bot runs', () => {
  test('rounds already in when the bot started are not posted', () => {
    expect(messagePosts(discord)).toHaveLength(0);
  });

  test('an import posts exactly one recap per configured server, with the new tables', async () => {
    const { code, out } = importCsv(
      csv('round-04-pro.csv', 'position,car,status,drivers\n1,22,,\n2,1,,\n3,33,,\n,7,DNF,\n'),
    );
    expect(code, out).toBe(0);
    await waitFor(() => messagePosts(discord).length >= SERVERS, 'one recap per server', 30_000);
    await runtime.tickRecaps();
    expect(messagePosts(discord)).toHaveLength(SERVERS);
    for (const guild of discord.guilds) {
      const messages = recapIn(announcementsOf(guild));
      expect(messages).toHaveLength(1);
      const fields = fieldsOf(messages[0]);
      expect(fields.find((f) => f.name === 'Pro Cup podium')?.value).toMatch(/^🥇 \*\*#22\*\* Meridian GT/);
      // After round 3 Greco/Hale had 56 (4th); 1000 km P1 is worth 33: 89, two places up.
      expect(fields.find((f) => f.name === 'Pro Cup after round 4 (computed)')?.value).toContain(
        '`  2` 🇮🇹 Gia Greco, 🇬🇧 Hugo Hale — **89** ▲2',
      );
    }
  });

  test('a corrected import edits each posted recap in place, once, saying what changed', async () => {
    const posts = messagePosts(discord).length;
    const { code, out } = importCsv(
      csv('round-04-pro-fixed.csv', 'position,car,status,drivers\n1,1,,\n2,22,,\n3,33,,\n,7,DNF,\n'),
    );
    expect(code, out).toBe(0);
    await waitFor(() => edits().length >= SERVERS, 'one edit per server', 30_000);
    await runtime.tickRecaps();
    expect(edits()).toHaveLength(SERVERS);
    expect(messagePosts(discord)).toHaveLength(posts);
    for (const guild of discord.guilds) {
      const messages = recapIn(announcementsOf(guild));
      expect(messages).toHaveLength(1);
      expect(descriptionOf(messages[0])).toContain(
        '**Corrected after posting:** Pro Cup P1: #22 Meridian GT (Gia Greco, Hugo Hale) → #1 Aurora Motorsport',
      );
      expect(fieldsOf(messages[0]).find((f) => f.name === 'Pro Cup podium')?.value).toMatch(
        /^🥇 \*\*#1\*\* Aurora Motorsport/,
      );
    }
  });

  test('a bad CSV is refused whole: nothing written, nothing posted or edited', async () => {
    const before = readFileSync(roundFile, 'utf8');
    const traffic = discord.journal.length;
    const { code, out } = importCsv(csv('bad.csv', 'position,car,status,drivers\n1,22,,\n1,999,,\n'));
    expect(code).toBe(1);
    expect(out).toContain('bad.csv:3  column 2 (car): car 999 is not entered in pro');
    expect(readFileSync(roundFile, 'utf8')).toBe(before);
    await runtime.tickRecaps();
    const since = discord.journal.slice(traffic).filter((e) => e.route?.startsWith('/channels/'));
    expect(since).toEqual([]);
    expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
  });
});
