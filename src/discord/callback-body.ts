import { randomBytes } from 'node:crypto';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { choicesCallbackJson, replyCallbackJson } from '../core/callback-json.js';
import type { Reply, ReplyFile } from '../core/command.js';
import { checkReplyForDiscord } from './outgoing-message.js';

/** An interaction callback ready for the wire: the bytes and the Content-Type that goes with them. */
export interface EncodedCallback {
  body: string | Uint8Array;
  contentType: string;
}

/**
 * A JSON callback as the UTF-8 bytes that go on the wire. A string body would be encoded again on every
 * send (undici turns each string body into a new Buffer): the replies are memoised, so their bytes are too.
 * A Buffer, so that `String(body)` still reads as the JSON; of its own exact size, not a slice of Node's
 * shared 8 KiB pool, which a cached body would keep alive whole.
 */
export function jsonCallback(json: string): EncodedCallback {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
  bytes.write(json, 'utf8');
  return { body: bytes, contentType: 'application/json' };
}

/**
 * The exact body of `POST /interactions/{id}/{token}/callback` for a reply: `{"type":4,"data":…}` — the
 * same JSON the CLI prints with --json — as JSON, or as multipart/form-data (`payload_json` plus
 * `files[n]`) when the reply carries files.
 *
 * Why not discord.js's `interaction.reply()`: it re-derives the body from message options and, for files,
 * copies each file into a Blob and streams a FormData through undici on every reply — about 0.5 ms and
 * several copies of a 130 KiB picture per /standings. A picture reply is the same bytes for every user
 * until the data changes, so its multipart body is built once and sent as-is (see `encodeOnce`).
 */
export function encodeReplyCallback(reply: Reply): EncodedCallback {
  const cached = encodedReplies.get(reply);
  if (cached) return cached;
  checkReplyForDiscord(reply);
  const json = replyCallbackJson(reply);
  const files = reply.files ?? [];
  const encoded =
    files.length === 0
      ? jsonCallback(json)
      : files.length === 1
        ? encodeOnce(json, files[0] as ReplyFile)
        : encodeMultipart(json, files);
  encodedReplies.set(reply, encoded);
  return encoded;
}

/** A shared reply (sharedReply in core/reply.ts) is the same object every time: encoded once. */
const encodedReplies = new WeakMap<Reply, EncodedCallback>();

/** The autocomplete callback for the wire, encoded once per choice list (lists are memoised per model). */
export function encodeChoicesCallback(
  choices: readonly APIApplicationCommandOptionChoice[],
): EncodedCallback {
  let encoded = encodedChoices.get(choices);
  if (!encoded) {
    encoded = jsonCallback(choicesCallbackJson(choices));
    encodedChoices.set(choices, encoded);
  }
  return encoded;
}
const encodedChoices = new WeakMap<readonly APIApplicationCommandOptionChoice[], EncodedCallback>();

/**
 * Per picture (held weakly: a reload drops it with the old model), the few payloads it was sent with: a
 * reply built afresh around a cached picture does not rebuild its 100 KiB body either.
 */
const encodedByFile = new WeakMap<Uint8Array, Map<string, EncodedCallback>>();
const PAYLOADS_PER_FILE = 4;

function encodeOnce(json: string, file: ReplyFile): EncodedCallback {
  let byPayload = encodedByFile.get(file.data);
  if (!byPayload) {
    byPayload = new Map();
    encodedByFile.set(file.data, byPayload);
  }
  const key = `${file.name}\n${file.contentType}\n${json}`;
  const cached = byPayload.get(key);
  if (cached) return cached;
  const encoded = encodeMultipart(json, [file]);
  if (byPayload.size >= PAYLOADS_PER_FILE) byPayload.delete(byPayload.keys().next().value as string);
  byPayload.set(key, encoded);
  return encoded;
}

/** RFC 7578 multipart/form-data, as Discord takes it: `payload_json` first, then `files[0]`, `files[1]`, … */
export function encodeMultipart(json: string, files: readonly ReplyFile[]): EncodedCallback {
  const payload = Buffer.from(json, 'utf8');
  let boundary = newBoundary();
  const parts = [
    payload,
    ...files.map((f) => Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength)),
  ];
  while (parts.some((part) => part.includes(boundary))) {
    boundary = newBoundary();
  }
  const chunks: Uint8Array[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\n` +
        'Content-Type: application/json\r\n\r\n',
    ),
    payload,
  ];
  files.forEach((file, index) => {
    chunks.push(
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="files[${index}]"; ` +
          `filename="${escapeFilename(file.name)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.data,
    );
  });
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function newBoundary(): string {
  return `pitboard-${randomBytes(16).toString('hex')}`;
}

/** As browsers encode a FormData filename: quotes and line breaks percent-encoded. */
function escapeFilename(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
