/**
 * `/setup announcements` input: a channel or role id is a snowflake and nothing around it, and a season
 * named in the command is stored as that season (not as "the default season, whichever it is").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { createAppContext } from '../../src/core/app-context.js';
import { type OptionValues, UserError } from '../../src/core/command.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
let dir: string;
let harness: SetupHarness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-announce-input-'));
  harness = await setupHarness(createAppContext({ now: () => NOW }), dir);
});
afterEach(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(options: OptionValues): Promise<string> {
  const error = await Promise.resolve()
    .then(() => setup.execute({ subcommand: 'announcements', ...options }, harness.context()))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

describe('/setup announcements input', () => {
  test.each([`x${CHANNEL_ID}`, `${CHANNEL_ID}x`])('channel %j is refused in words', async (channel) => {
    expect(await refusal({ channel })).toBe(
      'Pick a text channel for the recaps, e.g. /setup announcements channel:#announcements.',
    );
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test.each([`<@&${CHANNEL_ID}>`, `${CHANNEL_ID}!`])('role %j is refused in words', async (role) => {
    expect(await refusal({ channel: CHANNEL_ID, role })).toBe(
      'role must be a role of this server, e.g. role:@Fans.',
    );
    expect(await harness.services.settings.get(GUILD_ID)).toBeNull();
  });

  test('a season named in the command is stored by its id', async () => {
    const season = harness.context().seasons.defaultSeason().id;
    await setup.execute({ subcommand: 'announcements', channel: CHANNEL_ID, season }, harness.context());
    expect((await harness.services.settings.get(GUILD_ID))?.seasonId).toBe(season);
  });
});
