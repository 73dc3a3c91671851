import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { Command, Reply } from '../src/core/command.js';
import { buildReply } from '../src/core/reply.js';
import { type EncodedCallback, encodeChoicesCallback } from '../src/discord/callback-body.js';
import { literal } from '../src/replies/safe-text.js';

/**
 * The end-to-end floor: a command that does no work and answers a fixed, tiny message, and whose
 * autocomplete answers one fixed choice. Registered beside the real commands in the same bot; in the
 * end-to-end section it is answered before Pitboard's router (bench/floor-press.ts), so the difference
 * between a command and the floor is everything Pitboard does for it (router, handler, reply size).
 * With `bytes`, it answers a fixed embed of that size and no more work; with `upload_bytes`, a fixed file
 * of that size: references that show how much of a command's excess is only the size of its reply.
 */
export const FLOOR_COMMAND_NAME = 'bench-floor';

/**
 * One reply per size, built once and shared, like Pitboard's picture replies (whose encoded bodies are
 * cached): bytes that do not compress, so the upload is as big as asked.
 */
const uploads = new Map<number, Reply>();
function uploadReply(bytes: number): Reply {
  let reply = uploads.get(bytes);
  if (!reply) {
    const data = new Uint8Array(bytes);
    let x = 2013;
    for (let i = 0; i < data.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      data[i] = x >>> 24;
    }
    reply = buildReply({
      content: literal('ok'),
      files: [{ name: 'floor.png', contentType: 'image/png', data }],
    });
    uploads.set(bytes, reply);
  }
  return reply;
}

/**
 * The plain floor's replies are built once and shared too: Pitboard's replies are memoised and their
 * encoded callbacks cached per reply object, so a floor that built a new object per call would pay an
 * encoding no command pays, and flatter every command beside it.
 */
const OK_REPLY: Reply = { data: { content: 'ok', allowed_mentions: { parse: [] } } };
const embeds = new Map<number, Reply>();
function embedReply(bytes: number): Reply {
  let reply = embeds.get(bytes);
  if (!reply) {
    reply = { data: { embeds: [{ description: 'x'.repeat(bytes) }], allowed_mentions: { parse: [] } } };
    embeds.set(bytes, reply);
  }
  return reply;
}

/** The floor's answer: a file of `uploadBytes`, else an embed of `bytes`, else "ok" (each built once). */
export function floorReply(bytes: number | null, uploadBytes: number | null): Reply {
  if (uploadBytes !== null) return uploadReply(uploadBytes);
  return bytes !== null ? embedReply(bytes) : OK_REPLY;
}

const FLOOR_CHOICES = [{ name: 'ok', value: 'ok' }];
/** The autocomplete floor's callback, encoded once (as Pitboard's memoised choice lists are). */
export const FLOOR_CHOICES_CALLBACK: EncodedCallback = encodeChoicesCallback(FLOOR_CHOICES);

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
        type: ApplicationCommandOptionType.Boolean,
        name: 'flag',
        description: 'Ignored: an option of the payload, for the options reference row',
        required: false,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'bytes',
        description: 'Answer an embed with a description this long instead (a body-size reference)',
        required: false,
        min_value: 1,
        max_value: 4096,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'upload_bytes',
        description: 'Answer "ok" with a file of this many bytes (an upload-size reference)',
        required: false,
        min_value: 1,
        // Far above any picture of ours (they stay well under Discord's upload limit).
        max_value: 10 * 1024 * 1024,
      },
    ],
  },
  execute: (options) =>
    floorReply(
      typeof options.bytes === 'number' ? options.bytes : null,
      typeof options.upload_bytes === 'number' ? options.upload_bytes : null,
    ),
  autocomplete: () => FLOOR_CHOICES,
} as const satisfies Command;
