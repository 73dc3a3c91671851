import type { Json, LocalDiscord } from '@pitboard/local-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BotUnderTest, startBotUnderTest } from '../support/bot-under-test.js';

/**
 * Buttons and menus through the real discord.js client and the local Discord: every press is a real
 * MESSAGE_COMPONENT interaction answered by the running bot.
 */
let bot: BotUnderTest;
let discord: LocalDiscord;
let channelId: string;
const OTHER_USER = '400000000000000042';

beforeAll(async () => {
  bot = await startBotUnderTest({
    name: 'components',
    discord: { heartbeatIntervalMs: 250 },
    restTimeoutMs: 15_000,
  });
  ({ discord, generalId: channelId } = bot);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
});

interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
}

function componentsOf(message: Json): Component[] {
  const rows = (message.components ?? []) as { components: Component[] }[];
  return rows.flatMap((row) => row.components);
}

function customId(message: Json, label: RegExp): string {
  const found = componentsOf(message).find((c) => label.test(c.label ?? c.placeholder ?? ''));
  if (!found?.custom_id) throw new Error(`no ${label} among ${JSON.stringify(componentsOf(message))}`);
  return found.custom_id;
}

function embedOf(message: Json): { title?: string; description?: string } {
  return ((message.embeds as { title?: string; description?: string }[] | undefined) ?? [])[0] ?? {};
}

async function command(name: string, options: Record<string, string | number | boolean>): Promise<Json> {
  return discord.injectCommand({ name, options, channelId }).final(20_000);
}

async function press(message: Json, id: string, values?: string[], userId?: string) {
  const interaction = discord.press({
    messageId: String(message.id),
    customId: id,
    channelId,
    ...(values ? { values } : {}),
    ...(userId ? { userId } : {}),
  });
  const final = await interaction.final(20_000);
  return { final, type: interaction.callback?.type };
}

describe('clicking through /standings and /driver with the real client', () => {
  test('/standings pro → page ▶ → Pro-Am → text only: each updates the same message in place', async () => {
    const first = await command('standings', { class: 'pro' });
    expect(embedOf(first).description).toMatch(/Page 1 of \d+/);
    expect(first.attachments).toHaveLength(1);

    const page2 = await press(first, customId(first, /Next/));
    expect(page2.type).toBe(7);
    expect(page2.final.id).toBe(first.id);
    expect(embedOf(page2.final).description).toMatch(/Page 2 of \d+/);

    const proAm = await press(page2.final, customId(page2.final, /Another class/), ['pro-am']);
    expect(proAm.type).toBe(7);
    expect(embedOf(proAm.final).title).toMatch(/^Pro-Am Cup/);

    const text = await press(proAm.final, customId(proAm.final, /Text only/));
    expect(text.type).toBe(7);
    expect(text.final.attachments).toEqual([]);
    expect(embedOf(text.final).title).toMatch(/^Pro-Am Cup/);
    expect(discord.messages(channelId).filter((m) => m.id === first.id)).toHaveLength(1);
  }, 60_000);

  test('someone else pressing ▶ gets their own ephemeral copy; the shared message stays as it was', async () => {
    const shared = await command('standings', { class: 'pro', text: true });
    const before = JSON.stringify(discord.message(String(shared.id)));
    const copy = await press(shared, customId(shared, /Next/), undefined, OTHER_USER);
    expect(copy.type).toBe(4);
    expect((copy.final.flags as number) & 64).toBe(64);
    expect(embedOf(copy.final).description).toMatch(/Page 2 of/);
    expect(JSON.stringify(discord.message(String(shared.id)))).toBe(before);
    // Their copy is theirs to page through: pressing on it updates it in place.
    const back = await press(copy.final, customId(copy.final, /Previous/), undefined, OTHER_USER);
    expect(back.type).toBe(7);
    expect(embedOf(back.final).description).toMatch(/Page 1 of/);
  }, 60_000);

  test('/driver Jones → menu → Morgan Jones', async () => {
    const pick = await command('driver', { name: 'Jones' });
    expect((pick.flags as number) & 64).toBe(64);
    const chosen = await press(pick, customId(pick, /Choose a driver/), ['morgan-jones']);
    expect(chosen.type).toBe(7);
    expect(embedOf(chosen.final).title).toContain('Morgan Jones');
  }, 60_000);

  test('/results 4 → next round', async () => {
    const four = await command('results', { round: 4 });
    const five = await press(four, customId(four, /Round 5/));
    expect(five.type).toBe(7);
    expect(JSON.stringify(five.final.embeds)).not.toBe(JSON.stringify(four.embeds));
  }, 60_000);

  test('a forged custom_id is answered privately and changes nothing', async () => {
    const interaction = discord.injectButton({ customId: 'not-pitboard:{"page":2}', channelId });
    const answer = await interaction.final(20_000);
    expect(interaction.callback?.type).toBe(4);
    expect((answer.flags as number) & 64).toBe(64);
    expect(String(answer.content)).toMatch(/^That button or menu was not made by Pitboard/);
  }, 30_000);

  test('every body the bot sent passed the local Discord’s checks (components included)', () => {
    expect(discord.validationFailures).toEqual([]);
    expect(discord.unexpectedRoutes).toEqual([]);
  });
});
