import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Command, UserError } from '../../src/core/command.js';
import {
  type BotAgainstLocalDiscord,
  sentMessageBodies,
  startBotAgainstLocalDiscord,
} from './e2e-harness.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const DRIVERS = ['Maximilian Buhk', 'Maxime Soulet', 'Frédéric Makowiecki'];

const hideOption = {
  name: 'hide',
  description: 'Only you see the answer',
  type: ApplicationCommandOptionType.Boolean,
} as const;

const commands: Command[] = [
  {
    definition: { name: 'fast', description: 'Answers at once', options: [hideOption] },
    execute: (options) => ({
      data: {
        content: 'Winner: @everyone <@&123456789012345678>',
        allowed_mentions: { parse: [] },
        ...(options.hide === true && { flags: MessageFlags.Ephemeral }),
      },
    }),
  },
  {
    definition: { name: 'careless', description: 'Forgets allowed_mentions' },
    execute: () => ({ data: { content: '@everyone look' } }),
  },
  {
    definition: { name: 'mistake', description: 'A user error' },
    execute: () => {
      throw new UserError('No driver named "Buk".', ['Maximilian Buhk']);
    },
  },
  {
    definition: { name: 'late-mistake', description: 'A user error after a public deferral' },
    mayBeSlow: true,
    execute: () => {
      throw new UserError('Round 9 does not exist.', ['Round 6']);
    },
  },
  {
    definition: { name: 'broken', description: 'A bug' },
    execute: () => {
      throw new Error('season index missing');
    },
  },
  {
    definition: { name: 'slow', description: 'Takes longer than Discord waits' },
    execute: async () => {
      await sleep(3500);
      return { data: { content: 'worth the wait', allowed_mentions: { parse: [] } } };
    },
  },
  {
    definition: {
      name: 'driver',
      description: 'One driver',
      options: [
        {
          name: 'name',
          description: 'Driver',
          type: ApplicationCommandOptionType.String,
          required: true,
          autocomplete: true,
        },
      ],
    },
    execute: (options) => ({
      data: { content: `Driver ${String(options.name)}`, allowed_mentions: { parse: [] } },
    }),
    autocomplete: (focused) =>
      DRIVERS.filter((name) => name.toLowerCase().includes(focused.value.toLowerCase())).map((name) => ({
        name,
        value: name,
      })),
  },
  {
    definition: { name: 'chart', description: 'A picture' },
    mayBeSlow: true,
    execute: () => ({
      data: {
        embeds: [{ title: 'Pro Cup', image: { url: 'attachment://chart.png' } }],
        allowed_mentions: { parse: [] },
      },
      files: [{ name: 'chart.png', contentType: 'image/png', data: new Uint8Array(PNG) }],
    }),
  },
];

let env: BotAgainstLocalDiscord;
beforeAll(async () => {
  env = await startBotAgainstLocalDiscord(commands);
});
afterAll(async () => {
  await env?.close();
});
afterEach(() => {
  expect(env.discord.unexpectedRoutes).toEqual([]);
  expect(env.discord.validationFailures).toEqual([]);
});

describe('the real client against the local Discord', () => {
  test('logs in and is ready in the guild', () => {
    expect(env.bot.client.isReady()).toBe(true);
    expect(env.bot.client.guilds.cache.has(env.guildId)).toBe(true);
  });

  test('deployCommands registered every command in the guild', () => {
    const registered = env.discord.registeredCommands(env.guildId).map((command) => command.name);
    expect(registered.sort()).toEqual(commands.map((command) => command.definition.name).sort());
  });

  test('a fast reply arrives and pings nobody', async () => {
    const message = await env.discord.injectCommand({ name: 'fast' }).final();
    expect(message).toMatchObject({
      content: 'Winner: @everyone <@&123456789012345678>',
      mention_everyone: false,
      mention_roles: [],
    });
  });

  test('a reply without allowed_mentions still goes out with parse: []', async () => {
    const interaction = env.discord.injectCommand({ name: 'careless' });
    const message = await interaction.final();
    expect(interaction.callback?.data?.allowed_mentions).toEqual({ parse: [] });
    expect(message.mention_everyone).toBe(false);
  });

  test('hide:true answers ephemerally', async () => {
    const message = await env.discord.injectCommand({ name: 'fast', options: { hide: true } }).final();
    expect(Number(message.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  test('a user error is ephemeral, with suggestions, and not logged as a fault', async () => {
    const faultsBefore = env.bot.stats.faults;
    const message = await env.discord.injectCommand({ name: 'mistake' }).final();
    expect(message.content).toBe('No driver named "Buk".\nDid you mean: Maximilian Buhk?');
    expect(Number(message.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(env.bot.stats.faults).toBe(faultsBefore);
  });

  test('a user error after a public deferral reaches only the user; the public placeholder is removed', async () => {
    const interaction = env.discord.injectCommand({ name: 'late-mistake' });
    expect((await interaction.response()).type).toBe(5);
    await expect.poll(() => interaction.followUps.length).toBe(1);
    const [privateAnswer] = interaction.followUps;
    expect(privateAnswer).toMatchObject({ content: 'Round 9 does not exist.\nDid you mean: Round 6?' });
    expect(Number(privateAnswer?.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    await expect.poll(() => interaction.original).toBeUndefined();
  });

  test('an unexpected error is answered generically, ephemerally, and logged with context', async () => {
    const interaction = env.discord.injectCommand({ name: 'broken' });
    const message = await interaction.final();
    expect(message.content).toMatch(/Something went wrong/);
    expect(Number(message.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(
      env.logs.find((line) => line.msg === 'command failed' && line.interactionId === interaction.id),
    ).toMatchObject({
      level: 50,
      command: 'broken',
      guildId: env.guildId,
      userId: env.discord.defaultUserId,
      err: { message: 'season index missing' },
    });
    expect(JSON.stringify(env.logs)).not.toContain(env.discord.token);
  });

  test('a slow handler is deferred before the 3 s deadline, then edited', async () => {
    const interaction = env.discord.injectCommand({ name: 'slow' });
    const response = await interaction.response();
    expect(response.type).toBe(5);
    expect(response.latencyMs).toBeLessThan(3000);
    const message = await interaction.final();
    expect(message.content).toBe('worth the wait');
    expect(interaction.rejectedCallbacks).toEqual([]);
  });

  test('autocomplete answers the typed text', async () => {
    const interaction = env.discord.injectAutocomplete({
      name: 'driver',
      focused: 'name',
      options: { name: 'max' },
    });
    expect(await interaction.final()).toEqual({
      choices: [
        { name: 'Maximilian Buhk', value: 'Maximilian Buhk' },
        { name: 'Maxime Soulet', value: 'Maxime Soulet' },
      ],
    });
  });

  test('a PNG file arrives as an attachment the embed refers to', async () => {
    const interaction = env.discord.injectCommand({ name: 'chart' });
    const message = await interaction.final();
    const attachments = message.attachments as { id: string; filename: string }[];
    expect(attachments.map((attachment) => attachment.filename)).toEqual(['chart.png']);
    const stored = env.discord.attachment(attachments[0]?.id ?? '');
    expect(stored?.data.equals(PNG)).toBe(true);
    expect((message.embeds as { image?: { url: string } }[])[0]?.image?.url).toMatch(/chart\.png/);
  });

  test('a 429 on the interaction callback is waited out and the reply still lands', async () => {
    env.discord.faults.rateLimit('/interactions/:interactionId/:interactionToken/callback', 300, {
      method: 'POST',
    });
    const interaction = env.discord.injectCommand({ name: 'fast' });
    const message = await interaction.final();
    expect(message.content).toMatch(/^Winner/);
    const callbacks = env.discord.journal.filter((entry) =>
      entry.path.startsWith(`/interactions/${interaction.id}/`),
    );
    expect(callbacks.map((entry) => entry.status)).toEqual([429, 204]);
    expect(env.logs.find((line) => line.msg === 'rate limited')).toMatchObject({
      route: '/interactions/:id/:token/callback',
      retryAfter: expect.any(String),
    });
  });

  test('every message the bot sent carried allowed_mentions with parse: []', () => {
    const bodies = sentMessageBodies(env.discord);
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body.allowed_mentions).toMatchObject({ parse: [] });
  });
});
