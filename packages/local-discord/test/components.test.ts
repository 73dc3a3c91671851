import { ChannelType, DiscordAPIError, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { checkComponents } from '../src/component-validation.js';
import { Permission } from '../src/permissions.js';
import { checkPress } from '../src/press.js';
import { type Harness, startHarness, stopHarness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

const button = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 2,
  style: 2,
  custom_id: id,
  label: id,
  ...extra,
});
const select = (id: string, values: string[], extra: Record<string, unknown> = {}) => ({
  type: 3,
  custom_id: id,
  options: values.map((v) => ({ label: v, value: v })),
  ...extra,
});
const row = (...components: unknown[]) => ({ type: 1, components });

describe('component validation (Discord’s documented limits)', () => {
  it.each([
    ['six action rows', [1, 2, 3, 4, 5, 6].map((i) => row(button(`b${i}`))), 'BASE_TYPE_MAX_LENGTH'],
    [
      'six buttons in a row',
      [row(...[1, 2, 3, 4, 5, 6].map((i) => button(`b${i}`)))],
      'BASE_TYPE_BAD_LENGTH',
    ],
    ['a custom_id of 101 characters', [row(button('x'.repeat(101)))], 'BASE_TYPE_BAD_LENGTH'],
    ['two components with one custom_id', [row(button('a'), button('a'))], 'COMPONENT_CUSTOM_ID_DUPLICATED'],
    ['a select beside a button', [row(select('s', ['a']), button('b'))], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED'],
    [
      'a select with 26 options',
      [
        row(
          select(
            's',
            Array.from({ length: 26 }, (_, i) => `v${i}`),
          ),
        ),
      ],
      'BASE_TYPE_BAD_LENGTH',
    ],
    ['a select with no options', [row(select('s', []))], 'BASE_TYPE_BAD_LENGTH'],
    [
      'a button label of 81 characters',
      [row(button('b', { label: 'x'.repeat(81) }))],
      'BASE_TYPE_MAX_LENGTH',
    ],
    ['a bare button outside a row', [button('b')], 'UNION_TYPE_CHOICES'],
    [
      'two defaults in a single-choice select',
      [
        row(
          select('s', ['a', 'b'], {
            options: [
              { label: 'a', value: 'a', default: true },
              { label: 'b', value: 'b', default: true },
            ],
          }),
        ),
      ],
      'SELECT_COMPONENT_TOO_MANY_DEFAULTS',
    ],
  ])('%s is refused', (_name, components, code) => {
    expect(checkComponents({ components }, []).map((p) => p.code)).toContain(code);
  });

  it('five rows of five buttons, and a 25-option select, pass', () => {
    const rows = [0, 1, 2, 3].map((r) => row(...[0, 1, 2, 3, 4].map((b) => button(`b${r}${b}`))));
    rows.push(
      row(
        select(
          's',
          Array.from({ length: 25 }, (_, i) => `v${i}`),
        ),
      ),
    );
    expect(checkComponents({ components: rows }, [])).toEqual([]);
  });

  it('a message the bot sends with a bad component is answered 400 50035', async () => {
    h = await startHarness();
    const info = h.discord.guilds[0]?.channels.find((c) => c.name === 'general');
    const channel = (await h.client.channels.fetch(info?.id ?? '')) as TextChannel;
    expect(channel.type).toBe(ChannelType.GuildText);
    const error = await channel
      .send({ content: 'x', components: [row(button('a'), button('a'))] as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(h.discord.validationFailures).toHaveLength(1);
  });
});

describe('pressing, as a Discord client allows it', () => {
  const message = {
    id: '1',
    flags: 0,
    components: [row(button('go'), button('off', { disabled: true })), row(select('pick', ['a', 'b']))],
  };
  it.each([
    ['a component the message does not have', { customId: 'nope' }, /has no component nope/],
    ['a disabled button', { customId: 'off' }, /disabled/],
    ['a value the select does not offer', { customId: 'pick', values: ['c'] }, /offers no c/],
    ['two values in a single-choice select', { customId: 'pick', values: ['a', 'b'] }, /takes 1–1 values/],
    ['values on a button', { customId: 'go', values: ['a'] }, /no values/],
  ])('%s throws', (_name, opts, error) => {
    expect(() => checkPress(message, { messageId: '1', ...opts }, 'u')).toThrow(error);
  });

  it('an ephemeral message can be pressed only by the person it was shown to', () => {
    const ephemeral = { ...message, flags: 64, interaction_metadata: { user: { id: 'alice' } } };
    expect(checkPress(ephemeral, { messageId: '1', customId: 'go' }, 'alice')).toBe(2);
    expect(() => checkPress(ephemeral, { messageId: '1', customId: 'go' }, 'bob')).toThrow(/ephemeral/);
    expect(checkPress(message, { messageId: '1', customId: 'pick', values: ['b'] }, 'u')).toBe(3);
  });
});

describe('pins', () => {
  it('message.pin() pins when the bot may, and answers 50013 when it may not', async () => {
    h = await startHarness({
      guilds: [
        {
          name: 'may pin',
          botPermissions: Permission.ViewChannel | Permission.SendMessages | Permission.ManageMessages,
        },
        { name: 'may not', botPermissions: Permission.ViewChannel | Permission.SendMessages },
      ],
    });
    const [allowed, refused] = await Promise.all(
      h.discord.guilds.map(
        async (g) => (await h?.client.channels.fetch(g.channels[0]?.id ?? '')) as TextChannel,
      ),
    );
    const a = await allowed?.send({ content: 'table', allowedMentions: { parse: [] } });
    await a?.pin();
    expect(h.discord.message(a?.id ?? '')?.pinned).toBe(true);
    const pins = await allowed?.messages.fetchPins();
    expect(pins?.items.map((p) => p.message.id)).toEqual([a?.id]);
    const b = await refused?.send({ content: 'table', allowedMentions: { parse: [] } });
    const error = await b?.pin().catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect(h.discord.message(b?.id ?? '')?.pinned).toBe(false);
    expect(h.discord.unexpectedRoutes).toEqual([]);
  });

  it('a deleted message cannot be pinned (404 10008)', async () => {
    h = await startHarness({
      guilds: [
        { botPermissions: Permission.ViewChannel | Permission.SendMessages | Permission.ManageMessages },
      ],
    });
    const channel = (await h.client.channels.fetch(
      h.discord.guilds[0]?.channels[0]?.id ?? '',
    )) as TextChannel;
    const sent = await channel.send({ content: 'x', allowedMentions: { parse: [] } });
    h.discord.deleteMessage(sent.id);
    const error = await sent.pin().catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10008);
  });
});
