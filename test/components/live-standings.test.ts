import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Json, type LocalDiscord, Permission, startLocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createLogger } from '../../src/logger.js';
import { type Runtime, startRuntime } from '../../src/runtime.js';
import { EXAMPLE_DIR, EXAMPLE_ID } from '../live/example-season.js';
import { tempDir, waitFor } from '../recaps/harness.js';

/**
 * The living standings post through the real bot and the local Discord: /setup live-standings posts one
 * message per class; a round's results landing (a hot reload) edits each in place; a deleted post is
 * posted again once; /setup show says so.
 */
const scratch = tempDir('live-standings');
const seasonDir = join(scratch.dir, 'seasons', EXAMPLE_ID);
const round3 = join(seasonDir, 'classifications', 'round-03.yaml');
let round3Text = '';
let discord: LocalDiscord;
let runtime: Runtime;
let channelId: string;
const ADMIN = '8';

beforeAll(async () => {
  cpSync(EXAMPLE_DIR, seasonDir, { recursive: true });
  round3Text = readFileSync(round3, 'utf8');
  rmSync(round3); // the season as it stood after round 2
  discord = await startLocalDiscord({
    heartbeatIntervalMs: 250,
    guilds: [
      {
        botPermissions:
          Permission.ViewChannel |
          Permission.SendMessages |
          Permission.EmbedLinks |
          Permission.ManageMessages,
      },
    ],
  });
  const guild = discord.guilds[0];
  const channel = guild?.channels.find((c) => c.name === 'announcements');
  if (!guild || !channel) throw new Error('no guild');
  channelId = channel.id;
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: guild.id,
    DISCORD_API_URL: discord.restUrl,
    PITBOARD_STORE_URL: join(scratch.dir, 'live.sqlite'),
    PITBOARD_DATA_DIR: join(scratch.dir, 'seasons'),
  });
  await deployCommands({ config, commands });
  runtime = await startRuntime({
    config,
    logger: createLogger({ level: 'silent' }),
    rest: { offset: 0, timeout: 15_000, retries: 1 },
    schedule: false,
    watchData: true,
    liveEditIntervalMs: 0,
  });
}, 30_000);

afterAll(async () => {
  await runtime?.stop();
  await discord?.close();
  scratch.remove();
});

const posts = () => discord.messages(channelId).filter((m) => !((m.flags as number) & 64));
const postOf = (title: RegExp) =>
  posts().find((m) => title.test(String((m.embeds as { title?: string }[])[0]?.title ?? '')));

async function setup(subcommand: string, options: Record<string, string> = {}): Promise<Json> {
  return discord
    .injectCommand({ name: 'setup', subcommand, options, channelId, memberPermissions: ADMIN })
    .final(20_000);
}

async function reloadedTo(afterRound: number): Promise<void> {
  await waitFor(
    () => runtime.app.catalog.get(EXAMPLE_ID)?.classifications.size === afterRound,
    `the season reloaded with ${afterRound} classified rounds`,
    20_000,
  );
}

describe('a living standings post per class', () => {
  test('/setup live-standings posts one message per class, pinned, "updated after round 2"', async () => {
    const answer = await setup('live-standings', { channel: channelId });
    expect((answer.flags as number) & 64).toBe(64);
    expect(String(answer.content)).toMatch(/Pro Cup: posted in <#\d+> in a moment/);
    await waitFor(
      async () => {
        await runtime.tickRecaps();
        return posts().length === 3;
      },
      'three living posts',
      20_000,
    );
    for (const post of posts()) {
      expect(String(post.content)).toMatch(/^📌 Live table — updated after round 2 \(/);
      expect(post.pinned).toBe(true);
    }
    // Asking again for the same channel changes nothing.
    expect(String((await setup('live-standings', { channel: channelId })).content)).toMatch(
      /already kept up to date/,
    );
    await runtime.tickRecaps();
    expect(posts()).toHaveLength(3);
  }, 60_000);

  test('round 3’s results land: every post is edited in place, none added', async () => {
    const before = posts().map((m) => m.id);
    writeFileSync(round3, round3Text);
    await reloadedTo(3);
    await waitFor(
      async () => {
        await runtime.tickRecaps();
        return posts().every((m) => /updated after round 3/.test(String(m.content)));
      },
      'posts edited after round 3',
      20_000,
    );
    expect(posts().map((m) => m.id)).toEqual(before);
    expect(posts().every((m) => m.edited_timestamp !== null)).toBe(true);
    const show = await setup('show');
    expect(JSON.stringify(show)).toMatch(/Live table Pro Cup in <#\d+>: updated after round 3, pinned/);
  }, 60_000);

  test('deleted, then corrected: posted again once, and /setup show says so; deleted again: left deleted', async () => {
    const pro = postOf(/^Pro Cup/);
    discord.deleteMessage(String(pro?.id));
    rmSync(round3); // a correction: round 3 withdrawn
    await reloadedTo(2);
    await waitFor(
      async () => {
        await runtime.tickRecaps();
        return posts().length === 3 && posts().every((m) => /updated after round 2/.test(String(m.content)));
      },
      'the Pro Cup post made again',
      20_000,
    );
    expect(postOf(/^Pro Cup/)?.id).not.toBe(pro?.id);
    expect(JSON.stringify(await setup('show'))).toMatch(
      /Pro Cup in <#\d+>: updated after round 2, pinned; it was deleted and posted again/,
    );

    discord.deleteMessage(String(postOf(/^Pro Cup/)?.id));
    writeFileSync(round3, round3Text);
    await reloadedTo(3);
    await waitFor(
      async () => {
        await runtime.tickRecaps();
        return posts().length === 2 && posts().every((m) => /updated after round 3/.test(String(m.content)));
      },
      'the others edited, Pro Cup left deleted',
      20_000,
    );
    expect(JSON.stringify(await setup('show'))).toMatch(
      /Pro Cup in <#\d+>: deleted, posted again, and deleted again/,
    );
  }, 90_000);

  test('/setup off stops the living tables: a later change edits nothing; asked again, a new post', async () => {
    const shown = posts().map((m) => [m.id, String(m.content)]);
    expect(String((await setup('off')).content)).toMatch(/^Recaps and living tables are off\./);
    expect(String((await setup('off')).content)).toMatch(/already off/);
    rmSync(round3); // a correction lands after the tables were stopped
    await reloadedTo(2);
    await runtime.tickRecaps();
    await runtime.tickRecaps();
    expect(posts().map((m) => [m.id, String(m.content)])).toEqual(shown);
    expect(JSON.stringify(await setup('show'))).toMatch(
      /Live table Pro-Am Cup in <#\d+>: stopped by \/setup off/,
    );

    await setup('live-standings', { channel: channelId, class: 'pro-am' });
    await waitFor(
      async () => {
        await runtime.tickRecaps();
        return posts().length === shown.length + 1;
      },
      'a new Pro-Am post',
      20_000,
    );
    expect(String(posts().at(-1)?.content)).toMatch(/updated after round 2/);
  }, 60_000);

  test('every body passed the local Discord’s checks', () => {
    expect(discord.validationFailures).toEqual([]);
    expect(discord.unexpectedRoutes).toEqual([]);
  });
});
