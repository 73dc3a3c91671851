import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { pino } from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import type { InlineAnswer } from '../../src/http/http-interaction.js';
import type { InteractionPayload } from '../../src/http/interaction-payload.js';
import { INTERACTION_TIMING_CHANNEL, type InteractionTiming } from '../../src/http/interaction-timing.js';
import { createInteractionsServer, type InteractionsServer } from '../../src/http/interactions-server.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicHex = rawPublicKeyHex(publicKey);

function rawPublicKeyHex(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
}

function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000)), key = privateKey) {
  const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

const COMMAND = JSON.stringify({
  id: '1200000000000000001',
  application_id: '1200000000000000002',
  type: 2,
  token: 'aW50ZXJhY3Rpb24_token',
  guild_id: '1200000000000000003',
  channel_id: '1200000000000000004',
  member: { user: { id: '1200000000000000005' }, permissions: '0' },
  data: { name: 'standings', type: 1, options: [{ name: 'class', type: 3, value: 'pro' }] },
});

// A press of a button on a reply to the command above: type 3, MESSAGE_COMPONENT.
const PRESS = {
  id: '1200000000000000011',
  application_id: '1200000000000000002',
  type: 3,
  token: 'aW50ZXJhY3Rpb24_press',
  guild_id: '1200000000000000003',
  channel_id: '1200000000000000004',
  member: { user: { id: '1200000000000000005' }, permissions: '0' },
  message: {
    id: '1200000000000000012',
    interaction_metadata: { user: { id: '1200000000000000005' } },
    components: [],
  },
  data: { custom_id: 'pb1:0123abcd:s:next:c=pro;p=2', component_type: 2 },
};

let server: InteractionsServer | null = null;
const dispatched: InteractionPayload[] = [];

async function start(answer: (inline: InlineAnswer) => void, extra: { maxBodyBytes?: number } = {}) {
  server = createInteractionsServer({
    publicKey: publicHex,
    host: '127.0.0.1',
    port: 0,
    path: '/interactions',
    logger: pino({ level: 'silent' }),
    answerTimeoutMs: 500,
    ...extra,
    dispatch: async (interaction, inline) => {
      dispatched.push(interaction);
      answer(inline);
    },
  });
  return server.listen();
}

const replyWith = (text: string) => (inline: InlineAnswer) => {
  inline.offer({
    body: JSON.stringify({ type: 4, data: { content: text } }),
    contentType: 'application/json',
  });
};

afterEach(async () => {
  await server?.close();
  server = null;
  dispatched.length = 0;
});

describe('signature check, before anything is parsed', () => {
  test('a correctly signed command is dispatched and its callback is the response', async () => {
    const url = await start(replyWith('hello'));
    const res = await fetch(url, { method: 'POST', body: COMMAND, headers: signed(COMMAND) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ type: 4, data: { content: 'hello' } });
    expect(dispatched.map((i) => i.data?.name)).toEqual(['standings']);
  });

  test.each([
    ['no signature headers', () => ({})],
    [
      'a signature made with another key',
      () => signed(COMMAND, undefined, generateKeyPairSync('ed25519').privateKey),
    ],
    ['a signature over another body', () => signed(`${COMMAND} `)],
    [
      'a signature of the wrong length',
      () => ({ ...signed(COMMAND), 'x-signature-ed25519': 'ab'.repeat(10) }),
    ],
    ['a timestamp ten minutes old', () => signed(COMMAND, String(Math.floor(Date.now() / 1000) - 600))],
    ['a timestamp that is not a number', () => ({ ...signed(COMMAND), 'x-signature-timestamp': 'soon' })],
  ])('%s: 401, nothing dispatched', async (_case, headers) => {
    const url = await start(replyWith('never'));
    const res = await fetch(url, { method: 'POST', body: COMMAND, headers: headers() });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('invalid request signature\n');
    expect(dispatched).toEqual([]);
  });

  test('an unsigned body that is not JSON is refused as unsigned (401), not parsed (400)', async () => {
    const url = await start(replyWith('never'));
    const res = await fetch(url, { method: 'POST', body: '{nope', headers: signed('{other') });
    expect(res.status).toBe(401);
  });

  test('a signed body that is not JSON gets 400 with one sentence', async () => {
    const url = await start(replyWith('never'));
    const res = await fetch(url, { method: 'POST', body: '{nope', headers: signed('{nope') });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('the body is not JSON\n');
  });
});

test('PING is answered with PONG and never dispatched', async () => {
  const url = await start(replyWith('never'));
  const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });
  const res = await fetch(url, { method: 'POST', body, headers: signed(body) });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ type: 1 });
  expect(dispatched).toEqual([]);
});

describe('component presses (type 3)', () => {
  test('a button press and a menu choice are dispatched with their custom_id and values', async () => {
    const url = await start(replyWith('pressed'));
    const menu = {
      ...PRESS,
      data: { custom_id: 'pb1:0123abcd:s:class', component_type: 3, values: ['pro-am'] },
    };
    for (const payload of [PRESS, menu]) {
      const body = JSON.stringify(payload);
      const res = await fetch(url, { method: 'POST', body, headers: signed(body) });
      expect(res.status).toBe(200);
    }
    expect(dispatched.map((i) => [i.type, i.data?.custom_id, i.data?.values, i.message?.id])).toEqual([
      [3, PRESS.data.custom_id, undefined, PRESS.message.id],
      [3, menu.data.custom_id, ['pro-am'], PRESS.message.id],
    ]);
  });

  test.each([
    [
      'no custom_id',
      { data: { component_type: 2 } },
      'the interaction is malformed: data.custom_id is missing',
    ],
    [
      'a custom_id over 100 characters',
      { data: { custom_id: 'x'.repeat(101), component_type: 2 } },
      'the interaction is malformed at data.custom_id: Too big: expected string to have <=100 characters',
    ],
    [
      'more than 25 values',
      {
        data: {
          custom_id: 'pb1:x',
          component_type: 3,
          values: Array.from({ length: 26 }, (_, i) => `v${i}`),
        },
      },
      'the interaction is malformed at data.values: Too big: expected array to have <=25 items',
    ],
    ['no message', { message: undefined }, 'the interaction is malformed: message is missing'],
    [
      'a user select (not a component Pitboard sends)',
      { data: { custom_id: 'pb1:x', component_type: 5, values: ['1'] } },
      'component type 5 is not handled (Pitboard answers buttons and string selects)',
    ],
    ['a modal submit', { type: 5, data: { custom_id: 'pb1:x' } }, 'interactions of type 5 are not handled'],
  ])('%s: 400 with one sentence, nothing dispatched', async (_case, change, sentence) => {
    const url = await start(replyWith('never'));
    const body = JSON.stringify({ ...PRESS, ...change });
    const res = await fetch(url, { method: 'POST', body, headers: signed(body) });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(`${sentence}\n`);
    expect(dispatched).toEqual([]);
  });
});

test('a body over the limit gets 413 without being dispatched', async () => {
  const url = await start(replyWith('never'), { maxBodyBytes: 1024 });
  const body = JSON.stringify({ type: 2, padding: 'x'.repeat(2048) });
  const res = await fetch(url, { method: 'POST', body, headers: signed(body) });
  expect(res.status).toBe(413);
  expect(await res.text()).toBe('the request body is larger than 1024 bytes\n');
  expect(dispatched).toEqual([]);
});

test('a handler that never answers: 503 after the answer bound, and a late answer is refused', async () => {
  let held: InlineAnswer | null = null;
  const url = await start((inline) => {
    held = inline;
  });
  const res = await fetch(url, { method: 'POST', body: COMMAND, headers: signed(COMMAND) });
  expect(res.status).toBe(503);
  expect(held).not.toBeNull();
  expect((held as unknown as InlineAnswer).offer({ body: '{}', contentType: 'application/json' })).toBe(
    false,
  );
});

test('health route, unknown routes and methods', async () => {
  const url = await start(replyWith('never'));
  const base = url.replace('/interactions', '');
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
  expect((await fetch(url)).status).toBe(405);
});

test('each answered interaction publishes its stages, in order, on the timing channel; refusals do not', async () => {
  const published: InteractionTiming[] = [];
  const listener = (message: unknown) => published.push(message as InteractionTiming);
  subscribe(INTERACTION_TIMING_CHANNEL, listener);
  try {
    const url = await start(replyWith('hello'));
    expect((await fetch(url, { method: 'POST', body: COMMAND, headers: signed(COMMAND) })).status).toBe(200);
    expect((await fetch(url, { method: 'POST', body: COMMAND, headers: {} })).status).toBe(401);
    expect(published.map((t) => t.interactionId)).toEqual([JSON.parse(COMMAND).id]);
    const t = published[0] as InteractionTiming;
    const marks = [
      t.received,
      t.bodyRead,
      t.verified,
      t.parsed,
      t.dispatched,
      t.answered,
      t.writing,
      t.ended,
    ];
    expect(marks.every(Number.isFinite)).toBe(true);
    expect([...marks].sort((a, b) => a - b)).toEqual(marks);
  } finally {
    unsubscribe(INTERACTION_TIMING_CHANNEL, listener);
  }
});
