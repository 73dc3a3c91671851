/**
 * The bot process SIGKILLed in the two worst windows of a living standings post, then started again on
 * the same SQLite file: (1) the POSTs reached Discord but their answers never reached the bot (ledger
 * still `pending`); (2) the edits after a round landed reached Discord but the ledger was not written.
 * Each time: exactly one post per server and class, showing the latest table.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalDiscord, Permission } from '@pitboard/local-discord';
import { afterAll, expect, test } from 'vitest';
import { LivePostLedger, newLivePost } from '../../src/announce/live-standings-ledger.js';
import { EXAMPLE_DIR, EXAMPLE_ID } from '../live/example-season.js';
import { MESSAGES_ROUTE, startDiscord, tempDir, waitFor, withStore } from '../recaps/harness.js';
import { type BotProcess, spawnBotProcess } from '../support/bot-process.js';

const GUILDS = 2;
const CLASSES = ['pro', 'pro-am', 'gentlemen'];
const scratch = tempDir('live-crash');
const storeUrl = join(scratch.dir, 'pitboard.sqlite');
const seasons = join(scratch.dir, 'seasons');
const round3 = join(seasons, EXAMPLE_ID, 'classifications', 'round-03.yaml');
let discord: LocalDiscord | undefined;
const processes: BotProcess[] = [];

afterAll(async () => {
  for (const p of processes) await p.kill('SIGKILL');
  await discord?.close();
  scratch.remove();
});

function spawn(local: LocalDiscord): BotProcess {
  const child = spawnBotProcess(local, storeUrl, {
    PITBOARD_DATA_DIR: seasons,
    // A lost answer must still be hanging when the process is killed (no client-side retry meanwhile).
    PITBOARD_TEST_REST_TIMEOUT_MS: '120000',
  });
  processes.push(child);
  return child;
}

test('SIGKILL after the POST and after the edit, restart: one post per server and class, up to date', async () => {
  cpSync(EXAMPLE_DIR, join(seasons, EXAMPLE_ID), { recursive: true });
  const round3Text = readFileSync(round3, 'utf8');
  rmSync(round3);
  const local = await startDiscord({
    guilds: Array.from({ length: GUILDS }, () => ({
      botPermissions: Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks,
    })),
  });
  discord = local;
  const channelOf = (guildId: string) =>
    local.guilds.find((g) => g.id === guildId)?.channels.find((c) => c.name === 'announcements')?.id ?? '';
  await withStore(storeUrl, async (store) => {
    const ledger = new LivePostLedger(store);
    for (const guild of local.guilds)
      for (const classId of CLASSES)
        await ledger.put(
          newLivePost({
            guildId: guild.id,
            classId,
            seasonId: null,
            channelId: channelOf(guild.id),
            since: new Date().toISOString(),
          }),
        );
  });
  const posts = () =>
    local.guilds.flatMap((g) =>
      local.messages(channelOf(g.id)).filter((m) => /Live table/.test(String(m.content))),
    );
  const perServerAndClass = () => {
    const counts = new Map<string, number>();
    for (const m of posts()) {
      const key = `${m.channel_id}:${(m.embeds as { title?: string }[])[0]?.title}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.values()];
  };
  const expected = GUILDS * CLASSES.length;

  // (1) The first POST in each channel is stored by Discord, but its answer never arrives (discord.js
  // queues a channel's requests one after another, so the rest wait behind it): kill while they hang.
  const lostPosts = local.faults.loseResponse(MESSAGES_ROUTE, {
    method: 'POST',
    mode: 'hang',
    times: GUILDS,
  });
  const first = spawn(local);
  await waitFor(() => lostPosts.hits === GUILDS, 'a POST per channel stored without an answer', 30_000);
  expect((await first.kill('SIGKILL')).signal).toBe('SIGKILL');
  lostPosts.remove();
  const second = spawn(local);
  await waitFor(() => posts().length >= expected, 'every post made', 30_000);
  await waitFor(
    () =>
      withStore(storeUrl, async (store) => {
        const ledger = new LivePostLedger(store);
        const entries = await Promise.all(
          local.guilds.flatMap((g) => CLASSES.map((c) => ledger.get(g.id, c))),
        );
        return entries.every((e) => e?.state === 'posted');
      }),
    'the ledger to say posted',
    30_000,
  );
  expect(perServerAndClass()).toEqual(Array(expected).fill(1));
  await second.kill('SIGKILL');

  // (2) Round 3 lands; the first edit in each channel reaches Discord, its answer does not: kill before
  // the ledger is written.
  writeFileSync(round3, round3Text);
  const lostEdits = local.faults.loseResponse('/channels/:channelId/messages/:messageId', {
    method: 'PATCH',
    mode: 'hang',
    times: GUILDS,
  });
  const third = spawn(local);
  await waitFor(() => lostEdits.hits === GUILDS, 'an edit per channel applied without an answer', 40_000);
  await third.kill('SIGKILL');
  lostEdits.remove();
  const fourth = spawn(local);
  await waitFor(
    () =>
      posts().length === expected && posts().every((m) => /updated after round 3/.test(String(m.content))),
    'every post edited after round 3',
    40_000,
  );
  expect(perServerAndClass()).toEqual(Array(expected).fill(1));
  await fourth.kill('SIGTERM');
  expect(local.validationFailures).toEqual([]);
}, 180_000);
