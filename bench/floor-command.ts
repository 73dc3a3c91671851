import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { Command } from '../src/core/command.js';

/**
 * The end-to-end floor: a command that does no work and answers a fixed, tiny message, and whose
 * autocomplete answers one fixed choice. Registered beside the real commands in the same bot, so the
 * difference between a command and the floor is what the command itself costs (work + reply size).
 * With `bytes`, it answers a fixed embed of that size and no more work: a reference that shows how much
 * of a command's excess is only the size of its reply.
 */
export const FLOOR_COMMAND_NAME = 'bench-floor';

export const floorCommand = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: FLOOR_COMMAND_NAME,
    description: 'Benchmark floor: answers a fixed short message',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'q',
        description: 'Typed text (autocomplete floor)',
        required: false,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'bytes',
        description: 'Answer an embed with a description this long instead (a body-size reference)',
        required: false,
        min_value: 1,
        max_value: 4096,
      },
    ],
  },
  execute: (options) =>
    typeof options.bytes === 'number'
      ? { data: { embeds: [{ description: 'x'.repeat(options.bytes) }], allowed_mentions: { parse: [] } } }
      : { data: { content: 'ok', allowed_mentions: { parse: [] } } },
  autocomplete: () => [{ name: 'ok', value: 'ok' }],
} as const satisfies Command;
