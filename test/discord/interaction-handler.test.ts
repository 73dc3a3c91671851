import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { type Command, UserError } from '../../src/core/command.js';
import { handleAutocomplete, handleChatInputCommand } from '../../src/discord/interaction-handler.js';
import type { AutocompleteSource } from '../../src/discord/interaction-types.js';
import { indexCommands } from '../../src/discord/router.js';
import {
  captureLogs,
  defineCommand,
  type FakeInteraction,
  fakeInteraction,
  flushPromises,
  ManualClock,
  type ResponseMethod,
  testContext,
} from './fakes.js';

const GENERIC = /Something went wrong/;

function setup(commands: Command[]) {
  const { logger, lines } = captureLogs();
  const clock = new ManualClock();
  let faults = 0;
  const deps = {
    commands: indexCommands(commands),
    makeContext: testContext,
    logger,
    clock,
    deferAfterMs: 2000,
    onFault: () => {
      faults += 1;
    },
  };
  return { deps, lines, clock, faults: () => faults };
}

const methods = (interaction: FakeInteraction): ResponseMethod[] =>
  interaction.calls.map((call) => call.method);
const hide = { name: 'hide', type: ApplicationCommandOptionType.Boolean, value: true };

describe('a chat-input command', () => {
  test('a fast handler gets one plain reply, pinging nobody', async () => {
    const { deps, clock } = setup([defineCommand('test', () => ({ data: { content: 'P1 Buhk' } }))]);
    const interaction = fakeInteraction();
    await handleChatInputCommand(interaction, deps);
    expect(interaction.calls).toEqual([
      { method: 'reply', options: { content: 'P1 Buhk', allowed_mentions: { parse: [] } } },
    ]);
    expect(clock.pending.size).toBe(0);
  });

  test('the handler receives the options and the invoker built from the interaction', async () => {
    let seen: unknown;
    const command = defineCommand('test', (options, context) => {
      seen = { options, invoker: context.invoker };
      return { data: { content: 'ok' } };
    });
    const { deps } = setup([command]);
    await handleChatInputCommand(
      fakeInteraction({
        options: [{ name: 'class', type: ApplicationCommandOptionType.String, value: 'pro' }],
      }),
      deps,
    );
    expect(seen).toEqual({
      options: { class: 'pro' },
      invoker: {
        guildId: '111111111111111111',
        channelId: '333333333333333333',
        userId: '444444444444444444',
        permissions: '32',
        locale: null,
        guildLocale: null,
      },
    });
  });

  test('a mayBeSlow command is deferred before it runs, then the deferral is edited', async () => {
    const order: string[] = [];
    const interaction = fakeInteraction();
    const command = defineCommand(
      'test',
      () => {
        order.push(`execute after ${methods(interaction).join(',')}`);
        return { data: { content: 'table' } };
      },
      { mayBeSlow: true },
    );
    const { deps } = setup([command]);
    await handleChatInputCommand(interaction, deps);
    expect(order).toEqual(['execute after deferReply']);
    expect(methods(interaction)).toEqual(['deferReply', 'editReply']);
    expect(interaction.calls[0]?.options).toEqual({});
  });

  test('`hide:true` defers ephemerally', async () => {
    const { deps } = setup([defineCommand('test', () => ({ data: { content: 'x' } }), { mayBeSlow: true })]);
    const interaction = fakeInteraction({ options: [hide] });
    await handleChatInputCommand(interaction, deps);
    expect(interaction.calls[0]).toEqual({
      method: 'deferReply',
      options: { flags: MessageFlags.Ephemeral },
    });
  });

  test('a handler still running at the deadline is deferred, then answered by editReply', async () => {
    let finish: (value: { data: { content: string } }) => void = () => undefined;
    const { deps, clock } = setup([
      defineCommand('test', () => new Promise((resolve) => (finish = resolve))),
    ]);
    const interaction = fakeInteraction();
    const handled = handleChatInputCommand(interaction, deps);
    await flushPromises();
    expect([...clock.pending.values()].map((timer) => timer.ms)).toEqual([2000]);
    expect(methods(interaction)).toEqual([]);

    clock.fire(2000);
    await flushPromises();
    expect(methods(interaction)).toEqual(['deferReply']);

    finish({ data: { content: 'late but fine' } });
    await handled;
    expect(interaction.calls.at(-1)).toEqual({
      method: 'editReply',
      options: { content: 'late but fine', allowedMentions: { parse: [] } },
    });
  });

  test('a handler finishing while the deferral is in flight waits for it (no double acknowledgement)', async () => {
    let finish: (value: { data: { content: string } }) => void = () => undefined;
    const { deps, clock } = setup([
      defineCommand('test', () => new Promise((resolve) => (finish = resolve))),
    ]);
    const interaction = fakeInteraction();
    const handled = handleChatInputCommand(interaction, deps);
    await flushPromises();
    clock.fire(2000);
    finish({ data: { content: 'x' } });
    await handled;
    expect(methods(interaction)).toEqual(['deferReply', 'editReply']);
  });
});

describe('the error boundary', () => {
  const userError = () => {
    throw new UserError('No driver named "Buk".', ['Maximilian Buhk']);
  };
  const crash = () => {
    throw new Error('model index missing');
  };

  test('a UserError on a fresh interaction: ephemeral reply with suggestions, not logged as a fault', async () => {
    const { deps, lines, faults } = setup([defineCommand('test', userError)]);
    const interaction = fakeInteraction();
    await handleChatInputCommand(interaction, deps);
    expect(interaction.calls).toEqual([
      {
        method: 'reply',
        options: {
          content: 'No driver named "Buk".\nDid you mean: Maximilian Buhk?',
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        },
      },
    ]);
    expect(faults()).toBe(0);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  test('an unexpected error: generic ephemeral reply, logged with command, options, guild and user', async () => {
    const { deps, lines, faults } = setup([defineCommand('test', crash)]);
    const interaction = fakeInteraction({
      options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'Buhk' }],
    });
    await handleChatInputCommand(interaction, deps);
    expect(methods(interaction)).toEqual(['reply']);
    expect(interaction.calls[0]?.options).toMatchObject({
      content: expect.stringMatching(GENERIC),
      flags: 64,
    });
    expect(faults()).toBe(1);
    expect(lines.find((line) => line.msg === 'command failed')).toMatchObject({
      level: 50,
      command: 'test',
      options: { name: 'Buhk' },
      guildId: '111111111111111111',
      userId: '444444444444444444',
      err: { message: 'model index missing' },
    });
  });

  test('a synchronous throw and a rejected promise are the same', async () => {
    const { deps } = setup([defineCommand('test', async () => Promise.reject(new Error('async')))]);
    const interaction = fakeInteraction();
    await handleChatInputCommand(interaction, deps);
    expect(interaction.calls[0]?.options).toMatchObject({ content: expect.stringMatching(GENERIC) });
  });

  test('after an ephemeral deferral the error edits the deferral', async () => {
    const { deps } = setup([defineCommand('test', crash, { mayBeSlow: true })]);
    const interaction = fakeInteraction({ options: [hide] });
    await handleChatInputCommand(interaction, deps);
    expect(methods(interaction)).toEqual(['deferReply', 'editReply']);
    expect(interaction.calls[1]?.options).not.toHaveProperty('flags');
  });

  test('after a public deferral a UserError goes privately: placeholder settled, ephemeral followUp, placeholder deleted', async () => {
    const { deps } = setup([defineCommand('test', userError, { mayBeSlow: true })]);
    const interaction = fakeInteraction();
    await handleChatInputCommand(interaction, deps);
    expect(methods(interaction)).toEqual(['deferReply', 'editReply', 'followUp', 'deleteReply']);
    expect(interaction.calls[1]?.options).toEqual({
      content: 'Answered privately.',
      allowedMentions: { parse: [] },
    });
    expect(interaction.calls[2]?.options).toMatchObject({
      content: expect.stringContaining('Did you mean'),
      flags: MessageFlags.Ephemeral,
    });
  });

  test('a failed delete of the placeholder is only a warning', async () => {
    const { deps, lines } = setup([defineCommand('test', userError, { mayBeSlow: true })]);
    const interaction = fakeInteraction({ failing: ['deleteReply'] });
    await handleChatInputCommand(interaction, deps);
    expect(lines.find((line) => line.msg === 'could not delete the public placeholder')?.level).toBe(40);
  });

  test('once replied, the error goes as a followUp', async () => {
    // The reply body is invalid for Discord here (the fake rejects editReply after the deferral).
    const { deps } = setup([defineCommand('test', () => ({ data: { content: 'x' } }), { mayBeSlow: true })]);
    const interaction = fakeInteraction({ options: [hide] });
    interaction.editReply = async (options) => {
      interaction.calls.push({ method: 'editReply', options: options as Record<string, unknown> });
      interaction.replied = true;
      throw new Error('edited but the response was lost');
    };
    await handleChatInputCommand(interaction, deps);
    expect(methods(interaction)).toEqual(['deferReply', 'editReply', 'followUp']);
    expect(interaction.calls[2]?.options).toMatchObject({
      content: expect.stringMatching(GENERIC),
      flags: 64,
    });
  });

  test('a failing reply is answered by the boundary; when that fails too it is logged, never thrown', async () => {
    const { deps, lines } = setup([defineCommand('test', () => ({ data: { content: 'x' } }))]);
    const interaction = fakeInteraction({ failing: ['reply'] });
    await expect(handleChatInputCommand(interaction, deps)).resolves.toBeUndefined();
    expect(methods(interaction)).toEqual(['reply', 'reply']);
    expect(lines.map((line) => line.msg)).toEqual(['command failed', 'could not send the error reply']);
  });

  test('a failed deferral falls back to a plain reply', async () => {
    const { deps } = setup([defineCommand('test', () => ({ data: { content: 'x' } }), { mayBeSlow: true })]);
    const interaction = fakeInteraction({ failing: ['deferReply'] });
    await handleChatInputCommand(interaction, deps);
    expect(methods(interaction)).toEqual(['deferReply', 'reply']);
    expect(interaction.calls[1]?.options).toMatchObject({ content: expect.stringMatching(GENERIC) });
  });

  test('an unknown command gets an ephemeral explanation', async () => {
    const { deps } = setup([]);
    const interaction = fakeInteraction({ commandName: 'gone' });
    await handleChatInputCommand(interaction, deps);
    expect(interaction.calls[0]?.options).toMatchObject({
      content: '/gone is not available any more.',
      flags: 64,
    });
  });

  test('a failing makeContext is a fault like any other', async () => {
    const { deps, faults } = setup([defineCommand('test', () => ({ data: { content: 'x' } }))]);
    deps.makeContext = () => {
      throw new Error('no model loaded');
    };
    await handleChatInputCommand(fakeInteraction(), deps);
    expect(faults()).toBe(1);
  });
});

describe('autocomplete', () => {
  const focusedName = [
    { name: 'name', type: ApplicationCommandOptionType.String, value: 'bu', focused: true },
  ];

  /** An autocomplete interaction whose posted callback is handed to `respond` as its choices. */
  function autocompleteInteraction(respond: (choices: unknown) => Promise<void>): AutocompleteSource {
    const { calls: _calls, client: _client, ...base } = fakeInteraction({ options: focusedName });
    const interaction: AutocompleteSource = {
      ...base,
      responded: false,
      client: {
        rest: {
          post: async (route, request) => {
            expect(route).toBe(`/interactions/${base.id}/${base.token}/callback`);
            const body = JSON.parse(String(request.body)) as { type: number; data: { choices: unknown } };
            expect(body.type).toBe(8);
            await respond(body.data.choices);
          },
        },
      },
    };
    return interaction;
  }

  test('answers the focused option with at most 25 choices', async () => {
    const choices = Array.from({ length: 30 }, (_, index) => ({
      name: `Driver ${index}`,
      value: `d${index}`,
    }));
    let seen: unknown;
    const { deps } = setup([
      defineCommand('test', () => ({ data: {} }), {
        autocomplete: (focused) => {
          seen = focused;
          return choices;
        },
      }),
    ]);
    let sent: unknown[] = [];
    await handleAutocomplete(
      autocompleteInteraction(async (c) => {
        sent = c as unknown[];
      }),
      deps,
    );
    expect(seen).toEqual({ name: 'name', value: 'bu' });
    expect(sent).toHaveLength(25);
  });

  test('a throwing autocomplete answers [] and is logged', async () => {
    const { deps, lines } = setup([
      defineCommand('test', () => ({ data: {} }), {
        autocomplete: () => {
          throw new Error('search index broken');
        },
      }),
    ]);
    let sent: unknown = 'nothing';
    await handleAutocomplete(
      autocompleteInteraction(async (c) => {
        sent = c;
      }),
      deps,
    );
    expect(sent).toEqual([]);
    expect(lines.find((line) => line.msg === 'autocomplete failed')).toMatchObject({ command: 'test' });
  });

  test('a failing respond is logged, never thrown', async () => {
    const { deps, lines } = setup([defineCommand('test', () => ({ data: {} }), { autocomplete: () => [] })]);
    await expect(
      handleAutocomplete(
        autocompleteInteraction(async () => {
          throw new Error('10062');
        }),
        deps,
      ),
    ).resolves.toBeUndefined();
    expect(lines.at(-1)?.msg).toBe('could not send autocomplete choices');
  });
});
