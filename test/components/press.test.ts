import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { commands, findCommand } from '../../commands/index.js';
import { encodeCustomId } from '../../src/components/custom-id.js';
import { asPrivateCopy, asUpdate, planPress } from '../../src/components/press.js';
import { updateCallbackJson } from '../../src/components/update-callback.js';
import type { OptionValues, Reply } from '../../src/core/command.js';
import { runCommand } from '../../src/core/run-command.js';
import { splitIntoPages } from '../../src/replies/pages.js';
import { literal } from '../../src/replies/safe-text.js';
import { bundledApp, commandNamed } from '../commands/discord-limits.js';

const app = bundledApp();
const context = app.makeContext({ guildId: null, channelId: null, userId: null, permissions: null });

async function run(name: string, options: OptionValues): Promise<Reply> {
  const { reply, failure } = await runCommand(commandNamed(name), options, context);
  expect(failure).toBeNull();
  return reply;
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
function componentsOf(reply: Reply): { customId: string; label: string; disabled: boolean; type: number }[] {
  return ((reply.data.components ?? []) as Row[]).flatMap((row) =>
    row.components.map((c) => ({
      customId: 'custom_id' in c ? c.custom_id : '',
      label: 'label' in c ? String(c.label) : 'placeholder' in c ? String(c.placeholder) : '',
      disabled: 'disabled' in c && c.disabled === true,
      type: c.type,
    })),
  );
}

function idOf(reply: Reply, label: RegExp): string {
  const found = componentsOf(reply).find((c) => label.test(c.label));
  if (!found) throw new Error(`no component ${label} in ${JSON.stringify(componentsOf(reply))}`);
  return found.customId;
}

/** A press, answered exactly as the adapters answer it: plan, then the same command module. */
async function press(customId: string, values: string[] = []): Promise<Reply> {
  const plan = planPress({ customId, values }, findCommand, context.seasons);
  if (!plan.ok) return plan.reply;
  return run(plan.command.definition.name, plan.options);
}

function description(reply: Reply): string {
  return reply.data.embeds?.[0]?.description ?? '';
}

describe('/standings pages instead of cutting', () => {
  test('▶ goes to page 2 of N; ◀ is disabled on page 1; together the pages hold every row once', async () => {
    const first = await run('standings', { class: 'pro', text: true });
    const pages = Number(/Page 1 of (\d+)/.exec(description(first))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(componentsOf(first).find((c) => /Previous/.test(c.label))?.disabled).toBe(true);
    const seen: string[] = [];
    let reply = first;
    for (let page = 1; page <= pages; page++) {
      expect(description(reply)).toContain(`Page ${page} of ${pages}`);
      seen.push(
        ...description(reply)
          .split('\n')
          .filter((l) => l.startsWith('`')),
      );
      if (page < pages) reply = await press(idOf(reply, /Next/));
    }
    expect(componentsOf(reply).find((c) => /Next/.test(c.label))?.disabled).toBe(true);
    const table = context.seasons.defaultSeason().standings.get('pro');
    expect(seen).toHaveLength(table?.rows.length ?? -1);
    expect(description(first)).not.toMatch(/more rows/);
  });

  test('the class menu switches to Pro-Am on page 1, keeping text mode', async () => {
    const page2 = await press(idOf(await run('standings', { class: 'pro', text: true }), /Next/));
    const proAm = await press(idOf(page2, /Another class/), ['pro-am']);
    expect(proAm.data.embeds?.[0]?.title).toMatch(/^Pro-Am Cup/);
    expect(description(proAm)).not.toMatch(/Page [2-9]/);
    expect(proAm.files ?? []).toHaveLength(0);
  });

  test('the toggle switches picture to text and back, on the same page', async () => {
    const picture = await run('standings', { class: 'pro' });
    expect(picture.files?.length).toBe(1);
    const text = await press(idOf(picture, /Text only/));
    expect(text.files ?? []).toHaveLength(0);
    const back = await press(idOf(text, /Show picture/));
    expect(back.files?.length).toBe(1);
  });

  test('splitIntoPages: no page over its row or character budget, no row lost or repeated', () => {
    const lines = Array.from({ length: 57 }, (_, i) => literal('x'.repeat(10 + ((i * 37) % 90)) as 'x'));
    const spans = splitIntoPages(lines.length, (i) => lines[i] as (typeof lines)[number], 400, 10);
    let next = 0;
    for (const span of spans) {
      expect(span.start).toBe(next);
      expect(span.end - span.start).toBeGreaterThan(0);
      expect(span.end - span.start).toBeLessThanOrEqual(10);
      expect(lines.slice(span.start, span.end).join('\n').length).toBeLessThanOrEqual(400);
      next = span.end;
    }
    expect(next).toBe(lines.length);
  });
});

describe('/driver with several matches answers a menu', () => {
  test('/driver Jones → a menu of the four → choosing one shows that driver', async () => {
    const pick = await run('driver', { name: 'Jones' });
    const menu = componentsOf(pick).find((c) => c.type === 3);
    expect(menu).toBeDefined();
    expect(description(pick)).toContain('Morgan Jones'); // the text list stays, for screen readers
    const chosen = await press(menu?.customId ?? '', ['morgan-jones']);
    expect(chosen.data.embeds?.[0]?.title).toContain('Morgan Jones');
  });
});

describe('/results and /recap previous/next round', () => {
  test.each(['results', 'recap'])('/%s 1 → next → round 2 → previous → round 1', async (name) => {
    const one = await run(name, { round: 1 });
    const two = await press(idOf(one, /Round 2/));
    expect(JSON.stringify(two.data.embeds)).not.toEqual(JSON.stringify(one.data.embeds));
    const back = await press(idOf(two, /Round 1/));
    expect(back.data.embeds).toEqual(one.data.embeds);
  });
});

describe('refused presses change nothing and say why in one sentence', () => {
  test('a stale button (the data changed since) says so', async () => {
    const id = idOf(await run('standings', { class: 'pro', text: true }), /Next/);
    const stale = id.replace(/^pb1:[0-9a-f]+:/, 'pb1:00000000:');
    const plan = planPress({ customId: stale, values: [] }, findCommand, context.seasons);
    expect(plan).toMatchObject({ ok: false, reason: 'stale' });
    if (!plan.ok) {
      expect(plan.reply.data.flags).toBe(64);
      expect(plan.reply.data.content).toMatch(/earlier version of the 2013 Blancpain.*Run \/standings again/);
    }
  });

  test.each([
    ['not Pitboard’s', { customId: 'hello', values: [] }],
    ['a button sending menu values', { customId: '', values: ['pro'] }],
    ['a menu sending two values', { customId: '', values: ['pro', 'pro-am'] }],
    ['a menu sending markup', { customId: '', values: ['**pro**'] }],
  ])('%s', async (_name, raw) => {
    const version = context.seasons.defaultSeason().version.slice(0, 8);
    const customId =
      raw.customId ||
      encodeCustomId({
        dataVersion: version,
        command: 'standings',
        slot: raw.values.length === 1 && raw.values[0] === 'pro' ? 'next' : 'class',
        options: {},
      });
    const plan = planPress({ customId, values: raw.values }, findCommand, context.seasons);
    expect(plan).toMatchObject({ ok: false, reason: 'malformed' });
    if (!plan.ok)
      expect(plan.reply.data.content).toMatch(
        /^That button or menu was not made by Pitboard.*nothing was changed/,
      );
  });

  test('a forged page or class is refused by the command itself, as typed options are', async () => {
    const version = context.seasons.defaultSeason().version.slice(0, 8);
    const page = await press(
      encodeCustomId({
        dataVersion: version,
        command: 'standings',
        slot: 'next',
        options: { class: 'pro', page: 99 },
      }),
    );
    expect(page.data.flags).toBe(64);
    expect(page.data.content).toMatch(/There is no page 99: this table has \d+\./);
    const cls = await press(
      encodeCustomId({ dataVersion: version, command: 'standings', slot: 'class', options: {} }),
      ['nope'],
    );
    expect(cls.data.content).toMatch(/There is no class/);
  });
});

describe('answers to a press', () => {
  test('the invoker’s update is type 7 without the ephemeral flag; anyone else’s copy is ephemeral', async () => {
    const pick = await run('driver', { name: 'Jones' });
    expect(JSON.parse(updateCallbackJson(pick))).toMatchObject({ type: 7 });
    expect(asUpdate(pick).data.flags).toBeUndefined();
    expect(asPrivateCopy(await run('results', { round: 1 })).data.flags).toBe(64);
  });

  test('every component of every clickable reply fits Discord’s limits', async () => {
    const replies = [
      await run('standings', { class: 'pro' }),
      await run('standings', { class: 'gentlemen', text: true }),
      await run('driver', { name: 'Jones' }),
      await run('results', { round: 5 }),
      await run('recap', { round: 3 }),
    ];
    for (const reply of replies) {
      const rows = (reply.data.components ?? []) as Row[];
      expect(rows.length).toBeLessThanOrEqual(5);
      const ids = componentsOf(reply).map((c) => c.customId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    }
    expect(commands.length).toBeGreaterThan(0);
  });
});
