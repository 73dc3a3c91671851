/**
 * A settings write the user saw acknowledged survives a SIGKILL of the bot process: the reply is only sent
 * once the SQLite write is durable, so after a restart /setup show still has it.
 */

import type { LocalDiscord } from '@pitboard/local-discord';
import { afterAll, expect, test } from 'vitest';
import { type BotProcess, spawnBotProcess } from '../support/bot-process.js';
import {
  announcementsOf,
  deployTo,
  setupCommand,
  startDiscord,
  tempDir,
  trafficProblems,
} from './harness.js';

const scratch = tempDir('crash-settings');
const storeUrl = `${scratch.dir}/pitboard.sqlite`;
let discord: LocalDiscord | undefined;
const processes: BotProcess[] = [];

afterAll(async () => {
  for (const p of processes) await p.kill('SIGKILL');
  await discord?.close();
  scratch.remove();
});

test('/setup announcements acknowledged, then SIGKILL: after a restart /setup show has the setting', async () => {
  discord = await startDiscord({ guilds: 2 });
  await deployTo(discord);
  const [guild, other] = discord.guilds;
  if (!guild || !other) throw new Error('two guilds expected');

  const first = spawnBotProcess(discord, storeUrl);
  processes.push(first);
  await first.ready();
  const before = await setupCommand(discord, guild, 'show');
  expect(before.text).toContain('Recaps are off for this server');

  const ack = await setupCommand(discord, guild, 'announcements', {
    channel: announcementsOf(guild),
    spoiler_delay: 3,
  });
  // Killed the instant the user saw the confirmation: no graceful shutdown, no flush.
  const killed = await first.kill('SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  expect(ack.ephemeral).toBe(true);
  expect(ack.content).toContain(`will be posted in <#${announcementsOf(guild)}>`);

  const second = spawnBotProcess(discord, storeUrl);
  processes.push(second);
  await second.ready();
  const shown = await setupCommand(discord, guild, 'show');
  expect(shown.ephemeral).toBe(true);
  expect(shown.text).toContain(`Recaps go to <#${announcementsOf(guild)}>.`);
  expect(shown.text).toContain('spoiler delay: 3 h');
  // The other server was never configured and still is not.
  expect((await setupCommand(discord, other, 'show')).text).toContain('Recaps are off for this server');
  expect((await second.kill('SIGTERM')).code).toBe(0);
  expect(trafficProblems(discord)).toEqual({ unexpectedRoutes: [], validationFailures: [] });
}, 60_000);
