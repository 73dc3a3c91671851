/**
 * `/setup replay`'s schedule and bounds: the fastest speed accepted, each round's replayed end as a Discord
 * timestamp, a season that is no longer loaded replaced by the default one, and a missing start refused in
 * words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setup } from '../../commands/setup.js';
import { createAppContext } from '../../src/core/app-context.js';
import { type OptionValues, UserError } from '../../src/core/command.js';
import { roundEndsAt } from '../../src/season/round-time.js';
import { CHANNEL_ID, GUILD_ID, type SetupHarness, setupHarness } from './setup-context.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const seconds = (ms: number) => Math.floor(ms / 1000);
let dir: string;
let harness: SetupHarness;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pitboard-setup-replay-'));
  harness = await setupHarness(createAppContext({ now: () => NOW }), dir);
});
afterEach(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lines(options: OptionValues): Promise<string[]> {
  const reply = await setup.execute({ subcommand: 'replay', ...options }, harness.context());
  return String(reply.data.content).split('\n');
}

async function refusal(options: OptionValues): Promise<string> {
  const error = await Promise.resolve()
    .then(() => setup.execute({ subcommand: 'replay', ...options }, harness.context()))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

describe('/setup replay', () => {
  test('100000 is the fastest speed accepted; 100001 is refused in words', async () => {
    expect((await lines({ start: 'now', speed: 100_000 }))[0]).toMatch(/ at 100000× speed:$/);
    expect((await harness.services.settings.get(GUILD_ID))?.replay?.speed).toBe(100_000);
    expect(await refusal({ start: 'now', speed: 100_001 })).toBe('speed is a number from 1 to 100000.');
  });

  test('each round ends at its replayed time, shown as a full date and time', async () => {
    const model = harness.context().seasons.defaultSeason();
    const speed = 1440;
    const [head, ...rest] = await lines({ start: 'now', speed });
    expect(head).toBe(`Replaying **${model.name}** at ${speed}× speed:`);
    const [first] = model.rounds;
    if (!first) throw new Error('the default season has no rounds');
    const origin = roundEndsAt(first).getTime();
    expect(rest.slice(0, model.rounds.length)).toEqual(
      model.rounds.map((r) => {
        const real = NOW.getTime() + (roundEndsAt(r).getTime() - origin) / speed;
        return `R${r.round} ${r.short_name}: <t:${seconds(real)}:f>`;
      }),
    );
    expect(rest.at(-1)).toBe('Set a channel with /setup announcements to receive the recaps.');
  });

  test('a stored season that is no longer loaded: the default season is replayed', async () => {
    await harness.services.settings.save({
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      mentionRoleId: null,
      spoilerDelayHours: 0,
      replay: null,
      broken: null,
      seasonId: 'gone-season',
      updatedAt: NOW.toISOString(),
      updatedBy: null,
    });
    const model = harness.context().seasons.defaultSeason();
    const answer = await lines({ start: 'now' });
    expect(answer[0]).toBe(`Replaying **${model.name}** at 1× speed:`);
    expect(answer.at(-1)).toBe(`Recaps will be posted in <#${CHANNEL_ID}> as each round ends.`);
  });

  test('no start at all is refused in one sentence', async () => {
    expect(await refusal({})).toBe('“” is not a time. Use 2026-12-01, 2026-12-01T18:00Z, "in 5m" or "off".');
  });
});
