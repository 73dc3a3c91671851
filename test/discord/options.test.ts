import { ApplicationCommandOptionType as Type } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { buildInvoker, findFocusedOption, toOptionValues } from '../../src/discord/options.js';
import { fakeInteraction } from './fakes.js';

describe('toOptionValues', () => {
  test('keeps strings, numbers and booleans as they come', () => {
    expect(
      toOptionValues([
        { name: 'class', type: Type.String, value: 'pro' },
        { name: 'round', type: Type.Integer, value: 3 },
        { name: 'hide', type: Type.Boolean, value: false },
      ]),
    ).toEqual({ class: 'pro', round: 3, hide: false });
  });

  test.each([Type.Channel, Type.User, Type.Role, Type.Mentionable, Type.Attachment])(
    'an entity option (type %i) becomes its id',
    (type) => {
      expect(toOptionValues([{ name: 'target', type, value: '555555555555555555' }])).toEqual({
        target: '555555555555555555',
      });
    },
  );

  test('a subcommand goes under `subcommand` with its options flat beside it', () => {
    const options = [
      {
        name: 'announcements',
        type: Type.Subcommand,
        options: [{ name: 'channel', type: Type.Channel, value: '666666666666666666' }],
      },
    ];
    expect(toOptionValues(options)).toEqual({ subcommand: 'announcements', channel: '666666666666666666' });
  });

  test('a subcommand without options', () => {
    expect(toOptionValues([{ name: 'show', type: Type.Subcommand }])).toEqual({ subcommand: 'show' });
  });

  test('a subcommand group adds `subcommandGroup`', () => {
    const options = [
      {
        name: 'recaps',
        type: Type.SubcommandGroup,
        options: [
          {
            name: 'off',
            type: Type.Subcommand,
            options: [{ name: 'hide', type: Type.Boolean, value: true }],
          },
        ],
      },
    ];
    expect(toOptionValues(options)).toEqual({ subcommandGroup: 'recaps', subcommand: 'off', hide: true });
  });

  test('no options, empty record', () => {
    expect(toOptionValues([])).toEqual({});
  });
});

describe('findFocusedOption', () => {
  test('finds the option being typed, even inside a subcommand, as text', () => {
    const options = [
      {
        name: 'show',
        type: Type.Subcommand,
        options: [
          { name: 'season', type: Type.String, value: '2013' },
          { name: 'round', type: Type.Integer, value: '1', focused: true },
        ],
      },
    ];
    expect(findFocusedOption(options)).toEqual({ name: 'round', value: '1' });
  });

  test('null when nothing is focused', () => {
    expect(findFocusedOption([{ name: 'name', type: Type.String, value: 'Bu' }])).toBeNull();
  });
});

describe('buildInvoker', () => {
  test('carries guild, channel, user and the permission bitfield as a decimal string', () => {
    expect(buildInvoker(fakeInteraction())).toEqual({
      guildId: '111111111111111111',
      channelId: '333333333333333333',
      userId: '444444444444444444',
      permissions: '32',
      locale: null,
      guildLocale: null,
    });
  });

  test('permissions are null outside a guild', () => {
    const interaction = { ...fakeInteraction({ guildId: null }), memberPermissions: null };
    expect(buildInvoker(interaction)).toMatchObject({ guildId: null, permissions: null });
  });
});
