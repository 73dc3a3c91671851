import { createPublicKey, verify } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { type LocalDiscord, startLocalDiscord } from '../src/index.js';

/**
 * The local Discord delivering interactions over HTTP, against small hand-written endpoints (not the bot):
 * what it signs, what it refuses to register, and that inline answers are validated like REST callbacks.
 */
type Answer = (body: Record<string, unknown>, res: ServerResponse) => void;

let discord: LocalDiscord | null = null;
let server: Server | null = null;

afterEach(async () => {
  await discord?.close();
  discord = null;
  server?.closeAllConnections();
  server?.close();
  server = null;
});

async function endpoint(publicKeyHex: string | null, answer: Answer): Promise<string> {
  const key = publicKeyHex
    ? createPublicKey({
        key: Buffer.concat([
          Buffer.from('302a300506032b6570032100', 'hex'),
          Buffer.from(publicKeyHex, 'hex'),
        ]),
        format: 'der',
        type: 'spki',
      })
    : null;
  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = String(req.headers['x-signature-ed25519'] ?? '');
    const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
    const valid =
      key !== null &&
      fresh &&
      /^[0-9a-f]{128}$/.test(signature) &&
      verify(null, Buffer.concat([Buffer.from(timestamp), raw]), key, Buffer.from(signature, 'hex'));
    if (key && !valid) {
      res.writeHead(401).end('invalid request signature');
      return;
    }
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    if (body.type === 1) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"type":1}');
      return;
    }
    answer(body, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;
}

const json = (res: ServerResponse, body: unknown) =>
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

describe('registering the Interactions Endpoint URL', () => {
  test('an endpoint that verifies signatures is accepted after PING and the invalid-signature probes', async () => {
    discord = await startLocalDiscord();
    await discord.setInteractionsEndpoint(await endpoint(discord.publicKey, () => {}));
    expect(discord.endpointProbes.map((p) => `${p.kind}:${p.status}`)).toEqual([
      'ping:200',
      'wrong-key:401',
      'tampered-body:401',
      'no-signature:401',
      'stale-timestamp:401',
    ]);
  });

  test('an endpoint that accepts any signature is refused, naming the probes it failed', async () => {
    discord = await startLocalDiscord();
    const url = await endpoint(null, () => {});
    await expect(discord.setInteractionsEndpoint(url)).rejects.toThrow(
      'could not be verified: wrong-key answered 200, tampered-body answered 200, no-signature answered 200, stale-timestamp answered 200',
    );
  });
});

describe('delivering interactions', () => {
  test('each interaction is POSTed signed; the HTTP answer is the initial response', async () => {
    discord = await startLocalDiscord();
    const seen: Record<string, unknown>[] = [];
    await discord.setInteractionsEndpoint(
      await endpoint(discord.publicKey, (body, res) => {
        seen.push(body);
        json(res, { type: 4, data: { content: 'pong', allowed_mentions: { parse: [] } } });
      }),
    );
    const interaction = discord.injectCommand({ name: 'standings', strict: false });
    expect(await interaction.final(5000)).toMatchObject({ content: 'pong' });
    expect(seen).toEqual([
      expect.objectContaining({ id: interaction.id, type: 2, token: interaction.token }),
    ]);
    expect(discord.stats.http.byStatus.get(200)).toBe(1);
  });

  test('an inline answer Discord would refuse fails the interaction and is recorded', async () => {
    discord = await startLocalDiscord();
    await discord.setInteractionsEndpoint(
      await endpoint(discord.publicKey, (_body, res) =>
        json(res, { type: 4, data: { content: 'x'.repeat(2001) } }),
      ),
    );
    const interaction = discord.injectCommand({ name: 'standings', strict: false });
    await expect(interaction.final(5000)).rejects.toThrow(/inline answer was refused \(400\)/);
    expect(discord.validationFailures).toHaveLength(1);
    expect(interaction.rejectedCallbacks.map((r) => r.code)).toEqual([50035]);
  });

  test('a non-200 answer or a dead endpoint fails the interaction at once', async () => {
    discord = await startLocalDiscord();
    const url = await endpoint(discord.publicKey, (_body, res) => res.writeHead(503).end('busy'));
    await discord.setInteractionsEndpoint(url);
    await expect(discord.injectCommand({ name: 'standings', strict: false }).final(5000)).rejects.toThrow(
      /answered 503: busy/,
    );
    server?.closeAllConnections();
    server?.close();
    await expect(discord.injectCommand({ name: 'standings', strict: false }).final(5000)).rejects.toThrow(
      /did not answer \((ECONNREFUSED|ECONNRESET)\)/,
    );
    expect(discord.stats.http.networkErrors).toBe(1);
  });
});

describe('delivering component presses (type 3)', () => {
  test('a press is POSTed signed with its message; an inline UPDATE_MESSAGE edits that message', async () => {
    discord = await startLocalDiscord();
    const seen: Record<string, unknown>[] = [];
    await discord.setInteractionsEndpoint(
      await endpoint(discord.publicKey, (body, res) => {
        seen.push(body);
        json(res, { type: 7, data: { content: 'page 2', allowed_mentions: { parse: [] } } });
      }),
    );
    const interaction = discord.injectButton({ customId: 'next' });
    const final = await interaction.final(5000);
    const [sent] = seen;
    const message = sent?.message as { id: string } | undefined;
    expect(sent).toMatchObject({ type: 3, data: { custom_id: 'next', component_type: 2 } });
    expect(final).toMatchObject({ id: message?.id, content: 'page 2' });
    expect(discord.message(String(message?.id))?.content).toBe('page 2');
    expect(interaction.callback?.type).toBe(7);
    expect(discord.stats.gateway.identifies).toBe(0);
  });

  test('a deferred update (type 6) is accepted; an answer not valid for a press is refused', async () => {
    discord = await startLocalDiscord();
    const answers = [{ type: 6 }, { type: 8, data: { choices: [] } }];
    await discord.setInteractionsEndpoint(
      await endpoint(discord.publicKey, (_body, res) => json(res, answers.shift())),
    );
    const deferred = discord.injectButton({ customId: 'slow' });
    await expect.poll(() => deferred.callback?.type, { timeout: 5000 }).toBe(6);
    const wrong = discord.injectButton({ customId: 'wrong' });
    await expect(wrong.final(5000)).rejects.toThrow(
      /inline answer was refused \(400\).*not valid for interaction type 3/,
    );
  });
});
