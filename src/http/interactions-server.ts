import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { InlineAnswer } from './http-interaction.js';
import {
  InteractionKind,
  type InteractionPayload,
  parseInteractionPayload,
  unhandledReason,
} from './interaction-payload.js';
import { publishTiming, startTiming } from './interaction-timing.js';
import { readBoundedBody } from './request-body.js';
import { checkSignature, importPublicKey } from './signature.js';

export interface InteractionsServerOptions {
  /** The application's public key, 64 hex digits. */
  publicKey: string;
  host: string;
  /** 0: a free port (tests). */
  port: number;
  path: string;
  logger: Logger;
  /**
   * Handles a verified command, autocomplete or component press; its first callback must be offered to
   * `inline`, which becomes the HTTP response. The returned promise covers the whole interaction (edits
   * after a deferral).
   */
  dispatch(interaction: InteractionPayload, inline: InlineAnswer): Promise<void>;
  /** Extra fields of the health route's answer. */
  health?: () => Record<string, unknown>;
  /** Largest body accepted; Discord's interaction payloads are a few KiB. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Time for the body to arrive. Default 5 s. */
  bodyTimeoutMs?: number;
  /** Time for the inline answer; Discord waits 3 s in all. Default 2,800 ms. */
  answerTimeoutMs?: number;
  /** Clock for the signature's age (tests). */
  now?: () => number;
}

export interface InteractionsServer {
  /** Listens; resolves with the endpoint's URL (e.g. http://127.0.0.1:8080/interactions). */
  listen(): Promise<string>;
  /**
   * Stops accepting connections and waits (at most `graceMs`) for requests in progress; idle keep-alive
   * sockets are closed at once, busy ones when the grace runs out.
   */
  close(graceMs?: number): Promise<void>;
}

const HEALTH_PATH = '/health';

/**
 * Discord's Interactions Endpoint: verify the Ed25519 signature over the raw bytes before anything else is
 * read from them (401 otherwise — Discord probes with bad signatures and revokes endpoints that accept
 * them), answer PING with PONG, and hand commands, autocomplete and presses of buttons and string selects
 * to `dispatch`, whose first callback is the HTTP response.
 */
export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const key = importPublicKey(options.publicKey);
  const { logger, path } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 5000;
  const answerTimeoutMs = options.answerTimeoutMs ?? 2800;
  const now = options.now ?? Date.now;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === HEALTH_PATH) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendText(res, 405, 'use GET', { Allow: 'GET' });
      return sendJson(res, 200, { ok: true, ...options.health?.() });
    }
    if (pathname !== path) return sendText(res, 404, `no such route; interactions go to ${path}`);
    if (req.method !== 'POST') return sendText(res, 405, 'interactions are POSTed', { Allow: 'POST' });

    const started = performance.now();
    const timing = startTiming();
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!signature || !timestamp) {
      logger.warn({ problem: 'missing signature headers' }, 'refused an unsigned request');
      return sendText(res, 401, 'invalid request signature', { Connection: 'close' });
    }
    const read = await readBoundedBody(req, maxBodyBytes, bodyTimeoutMs);
    if (!read.ok) {
      logger.warn({ problem: read.problem }, 'refused an interaction request');
      return sendText(res, read.status, read.problem, { Connection: 'close' });
    }
    if (timing) timing.bodyRead = performance.now();
    const check = checkSignature(key, { signature, timestamp, body: read.body }, now());
    if (!check.ok) {
      logger.warn({ problem: check.problem }, 'refused a request with an invalid signature');
      return sendText(res, 401, 'invalid request signature');
    }
    if (timing) timing.verified = performance.now();
    const parsed = parseInteractionPayload(read.body);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, 'refused a signed but malformed interaction');
      return sendText(res, 400, parsed.problem);
    }
    const { interaction } = parsed;
    if (interaction.type === InteractionKind.Ping) return sendJson(res, 200, { type: 1 });
    const about = {
      interactionId: interaction.id,
      type: interaction.type,
      command: interaction.data?.name,
      customId: interaction.data?.custom_id,
      guildId: interaction.guild_id ?? null,
    };
    const unhandled = unhandledReason(interaction);
    if (unhandled) {
      logger.warn({ ...about, problem: unhandled }, 'interaction kind not handled');
      return sendText(res, 400, unhandled);
    }

    if (timing) {
      timing.parsed = performance.now();
      timing.interactionId = interaction.id;
    }
    const inline = new InlineAnswer();
    res.once('close', () => inline.close());
    options.dispatch(interaction, inline).catch((err: unknown) => {
      logger.error({ ...about, err }, 'interaction handling failed');
    });
    if (timing) timing.dispatched = performance.now();
    const timer = setTimeout(() => inline.close(), answerTimeoutMs);
    const answer = await inline.promise;
    if (timing) timing.answered = performance.now();
    clearTimeout(timer);
    const ms = Math.round(performance.now() - started);
    if (!answer) {
      if (!res.writableEnded && !res.destroyed)
        sendText(res, 503, `no answer within ${answerTimeoutMs} ms`, { Connection: 'close' });
      logger.error({ ...about, ms }, 'no inline answer in time');
      return;
    }
    res.writeHead(200, {
      'Content-Type': answer.contentType,
      'Content-Length': String(Buffer.byteLength(answer.body)),
    });
    if (timing) timing.writing = performance.now();
    res.end(answer.body);
    if (timing) {
      timing.ended = performance.now();
      publishTiming(timing);
    }
    logger.info({ ...about, ms }, 'interaction answered');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'interaction endpoint failed');
      if (!res.headersSent) sendText(res, 500, 'internal error', { Connection: 'close' });
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = bodyTimeoutMs + answerTimeoutMs + 1000;

  return {
    async listen() {
      server.listen(options.port, options.host);
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      return `http://${host}:${port}${path}`;
    },
    async close(graceMs = 10_000) {
      if (!server.listening) return;
      const closed = once(server, 'close');
      server.close();
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), graceMs);
      // A keep-alive socket that finishes its request after close() would otherwise idle until its timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      await closed;
      clearTimeout(grace);
      clearInterval(sweep);
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(json)),
  });
  res.end(json);
}
