import type { Json, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.js';
import { results } from '../../commands/results.js';
import type { Command } from '../../src/core/command.js';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

/**
 * Buttons and menus in HTTP mode: the local Discord signs each press (a type-3 interaction) and POSTs it
 * to the bot's endpoint; the HTTP response is the press's initial callback (4, 6 or 7), judged as Discord
 * judges a REST callback. The same press module answers as in gateway mode (e2e-components.test.ts).
 */
const OTHER_USER = '400000000000000042';
const SLOW_ROUND = 5;
const SLOW_MS = 2_600;

// /results as shipped, except that round 5 takes longer than the 2 s deferral deadline.
const slowerResults: Command = {
  ...results,
  async execute(options, context) {
    if (options.round === SLOW_ROUND) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return results.execute(options, context);
  },
};

let bot: BotUnderTest;
let discord: LocalDiscord;
let channelId: string;

beforeAll(async () => {
  bot = await startBotUnderTest({
    name: 'http-press',
    commands: commands.map((c) => (c.definition.name === 'results' ? slowerResults : c)),
    http: true,
    restTimeoutMs: 15_000,
  });
  ({ discord, generalId: channelId } = bot);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
});

interface Component {
  custom_id?: string;
  label?: string;
  placeholder?: string;
}

function customId(message: Json, label: RegExp): string {
  const rows = (message.components ?? []) as { components: Component[] }[];
  const found = rows.flatMap((r) => r.components).find((c) => label.test(c.label ?? c.placeholder ?? ''));
  if (!found?.custom_id) throw new Error(`no ${label} on ${JSON.stringify(message.components)}`);
  return found.custom_id;
}

const embedOf = (message: Json) =>
  ((message.embeds as { title?: string; description?: string }[] | undefined) ?? [])[0] ?? {};

function command(name: string, options: Record<string, string | number | boolean>): Promise<Json> {
  return discord.injectCommand({ name, options, channelId }).final(20_000);
}

async function press(message: Json, id: string, opts: { values?: string[]; userId?: string } = {}) {
  const interaction = discord.press({ messageId: String(message.id), customId: id, channelId, ...opts });
  const final = await interaction.final(20_000);
  return { final, type: interaction.callback?.type, interaction };
}

describe('presses over HTTP, answered inline by the same press module', () => {
  test('the owner’s ▶ and class switch update the message in place (UPDATE_MESSAGE, type 7)', async () => {
    const first = await command('standings', { class: 'pro', text: true });
    expect(embedOf(first).description).toMatch(/Page 1 of \d+/);
    const page2 = await press(first, customId(first, /Next/));
    expect(page2.type).toBe(7);
    expect(page2.final.id).toBe(first.id);
    expect(embedOf(page2.final).description).toMatch(/Page 2 of \d+/);

    const proAm = await press(page2.final, customId(page2.final, /Another class/), { values: ['pro-am'] });
    expect(proAm.type).toBe(7);
    expect(proAm.final.id).toBe(first.id);
    expect(embedOf(proAm.final).title).toMatch(/^Pro-Am Cup/);
    expect(discord.message(String(first.id))?.embeds).toEqual(proAm.final.embeds);
  }, 60_000);

  test('the picture toggle answers with the picture: multipart inline, or deferred then edited', async () => {
    const text = await command('standings', { class: 'gentlemen', text: true });
    const picture = await press(text, customId(text, /Show picture/));
    // A first render may outlast the 2 s deferral deadline on a busy machine: then 6 and an edit.
    expect([6, 7]).toContain(picture.type);
    if (picture.type === 7)
      expect(picture.interaction.callback?.files.map((f) => f.filename)).toEqual(['standings-gentlemen.png']);
    expect(picture.final.id).toBe(text.id);
    expect((picture.final.attachments as { filename: string }[]).map((a) => a.filename)).toEqual([
      'standings-gentlemen.png',
    ]);
  }, 60_000);

  test('someone else’s press gets their own ephemeral copy; the shared message stays', async () => {
    const shared = await command('standings', { class: 'pro', text: true });
    const before = JSON.stringify(discord.message(String(shared.id)));
    const copy = await press(shared, customId(shared, /Next/), { userId: OTHER_USER });
    expect(copy.type).toBe(4);
    expect((copy.final.flags as number) & 64).toBe(64);
    expect(copy.final.id).not.toBe(shared.id);
    expect(embedOf(copy.final).description).toMatch(/Page 2 of/);
    expect(JSON.stringify(discord.message(String(shared.id)))).toBe(before);
  }, 60_000);

  test('a select menu choice: /driver Jones → menu → Morgan Jones', async () => {
    const pick = await command('driver', { name: 'Jones' });
    const chosen = await press(pick, customId(pick, /Choose a driver/), { values: ['morgan-jones'] });
    expect(chosen.type).toBe(7);
    expect(embedOf(chosen.final).title).toContain('Morgan Jones');
  }, 60_000);

  test('a damaged or stale custom_id gets the private refusal and changes nothing', async () => {
    const damaged = discord.injectButton({ customId: 'pb1:zz', channelId });
    const refusal = await damaged.final(20_000);
    expect(damaged.callback?.type).toBe(4);
    expect((refusal.flags as number) & 64).toBe(64);
    expect(String(refusal.content)).toMatch(/^That button or menu was not made by Pitboard/);

    const shared = await command('standings', { class: 'pro', text: true });
    const before = JSON.stringify(discord.message(String(shared.id)));
    const [prefix, , ...rest] = customId(shared, /Next/).split(':');
    const staleId = [prefix, '00000000', ...rest].join(':');
    const stale = discord.injectButton({ customId: staleId, channelId });
    const answer = await stale.final(20_000);
    expect(stale.callback?.type).toBe(4);
    expect((answer.flags as number) & 64).toBe(64);
    expect(String(answer.content)).toMatch(/earlier version of the .* data/);
    expect(JSON.stringify(discord.message(String(shared.id)))).toBe(before);
  }, 60_000);

  test('a slow press defers inline (DEFERRED_UPDATE_MESSAGE, type 6), then edits the message', async () => {
    const four = await command('results', { round: SLOW_ROUND - 1 });
    const slow = await press(four, customId(four, /Round 5/));
    expect(slow.type).toBe(6);
    expect(slow.interaction.edits).toHaveLength(1);
    expect(slow.final.id).toBe(four.id);
    expect(JSON.stringify(slow.final.embeds)).not.toBe(JSON.stringify(four.embeds));
  }, 60_000);

  test('no gateway session; every press and answer validated; no faults', () => {
    expect(discord.stats.gateway.identifies).toBe(0);
    expect(discord.validationFailures).toEqual([]);
    expect(discord.unexpectedRoutes).toEqual([]);
    expect(bot.runtime.bot.stats.unhandledRejections).toBe(0);
    expect(bot.runtime.bot.stats.faults).toBe(0);
  });
});
