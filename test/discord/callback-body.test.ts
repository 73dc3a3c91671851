import { describe, expect, test } from 'vitest';
import { choicesCallbackJson, replyCallbackJson } from '../../src/core/callback-json.js';
import type { Reply } from '../../src/core/command.js';
import { buildReply } from '../../src/core/reply.js';
import { encodeChoicesCallback, encodeReplyCallback } from '../../src/discord/callback-body.js';
import { literal } from '../../src/replies/safe-text.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);

function pictureReply(ephemeral = false): Reply {
  return buildReply({
    embeds: [{ title: literal('Pro Cup'), image: { url: 'attachment://standings.png' } }],
    files: [{ name: 'standings.png', contentType: 'image/png', data: png, description: 'Pro Cup table' }],
    ephemeral,
  });
}

/** Parsed as a server parses it (undici's multipart parser, as Node's fetch Response.formData). */
async function parseMultipart(body: string | Uint8Array, contentType: string) {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  return {
    payload: JSON.parse(String(form.get('payload_json'))) as unknown,
    file: form.get('files[0]') as File,
  };
}

describe('encodeReplyCallback', () => {
  test('a text reply is the JSON the CLI prints with --json', () => {
    const reply = buildReply({ content: literal('P1 Buhk') });
    const { body, contentType } = encodeReplyCallback(reply);
    expect(contentType).toBe('application/json');
    expect(String(body)).toBe(JSON.stringify({ type: 4, data: reply.data }));
  });

  test('a JSON body is UTF-8 bytes encoded once per reply, byte for byte the JSON', () => {
    const reply = buildReply({ content: literal('P1 Müller ◀ ▶ 🇩🇪') });
    const { body } = encodeReplyCallback(reply);
    expect(body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(body).equals(Buffer.from(replyCallbackJson(reply), 'utf8'))).toBe(true);
    // Its own memory, not a slice of a shared pool slab that the cache would keep alive.
    expect((body as Uint8Array).buffer.byteLength).toBe((body as Uint8Array).byteLength);
    // The same bytes object on every send: nothing is encoded per request.
    expect(encodeReplyCallback(reply).body).toBe(body);
  });

  test('a choice list is encoded once, as the JSON the CLI prints', () => {
    const choices = [{ name: 'Müller', value: 'mueller' }];
    const { body, contentType } = encodeChoicesCallback(choices);
    expect(contentType).toBe('application/json');
    expect(body).toBeInstanceOf(Uint8Array);
    expect(String(body)).toBe(choicesCallbackJson(choices));
    expect(encodeChoicesCallback(choices).body).toBe(body);
  });

  test('a reply that forgot allowed_mentions still pings nobody', () => {
    const { body } = encodeReplyCallback({ data: { content: '@everyone' } });
    expect(JSON.parse(String(body))).toEqual({
      type: 4,
      data: { content: '@everyone', allowed_mentions: { parse: [] } },
    });
  });

  test('a picture reply is multipart: payload_json, then files[0] byte for byte', async () => {
    const reply = pictureReply();
    const { body, contentType } = encodeReplyCallback(reply);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=pitboard-[0-9a-f]{32}$/);
    const { payload, file } = await parseMultipart(body, contentType);
    expect(payload).toEqual({ type: 4, data: reply.data });
    expect(file.name).toBe('standings.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
  });

  test('the same picture and payload are encoded once; another payload gets its own body', () => {
    const first = encodeReplyCallback(pictureReply());
    expect(encodeReplyCallback(pictureReply()).body).toBe(first.body);
    const hidden = encodeReplyCallback(pictureReply(true));
    expect(hidden.body).not.toBe(first.body);
    expect(Buffer.from(hidden.body).includes('"flags":64')).toBe(true);
  });

  test('a file name with quotes or line breaks cannot break out of its header', async () => {
    const reply = buildReply({
      files: [{ name: 'a"b\r\nc.png', contentType: 'image/png', data: png }],
    });
    const { body, contentType } = encodeReplyCallback(reply);
    const { payload, file } = await parseMultipart(body, contentType);
    expect(payload).toEqual({ type: 4, data: reply.data });
    expect(file.name).toBe('a"b\r\nc.png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
  });

  test('what Discord would refuse is caught before sending', () => {
    expect(() =>
      encodeReplyCallback({ data: { embeds: [{ image: { url: 'attachment://missing.png' } }] } }),
    ).toThrowError(/attachment:\/\/missing\.png/);
  });
});
