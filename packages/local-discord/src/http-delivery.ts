/**
 * HTTP interaction delivery, as Discord does it once an application has an Interactions Endpoint URL:
 * each interaction is POSTed, signed with Ed25519 over timestamp + body, and the HTTP response is the
 * initial callback. Setting the URL is refused unless the endpoint answers a signed PING with PONG and
 * refuses requests whose signature is wrong (Discord's own checks, repeated by `probe()`).
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { InteractionRecord } from './interaction-record.js';

export interface EndpointAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** `performance.now()` when the response had been read in full. */
  arrivedAt: number;
}

export interface EndpointProbe {
  /** What was sent: `ping` (valid), or a probe that must be refused with 401. */
  kind: 'ping' | 'wrong-key' | 'tampered-body' | 'no-signature' | 'stale-timestamp';
  status: number;
  ok: boolean;
}

export interface HttpDeliveryStats {
  sent: number;
  byStatus: Map<number, number>;
  /** Requests that got no HTTP answer at all (refused connection, reset, timeout). */
  networkErrors: number;
}

export interface HttpDeliveryDeps {
  /** Applies the endpoint's answer as the interaction's callback (validated like a REST callback). */
  applyAnswer(record: InteractionRecord, answer: EndpointAnswer): Promise<void>;
  /** How long Discord waits for the endpoint; default 3 s. */
  timeoutMs: number;
}

const PING = { type: 1, version: 1 };

export class HttpDelivery {
  readonly publicKey: string;
  readonly stats: HttpDeliveryStats = { sent: 0, byStatus: new Map(), networkErrors: 0 };
  readonly probes: EndpointProbe[] = [];
  #url: string | null = null;
  readonly #privateKey: KeyObject;
  readonly #otherKey: KeyObject;
  // Kept-alive connections, as Discord's own delivery reuses them; node:http rather than fetch: a third of
  // the cost per request, and the moment the request left is known (`sentAt`, as for the gateway).
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly deps: HttpDeliveryDeps) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.#otherKey = generateKeyPairSync('ed25519').privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicKey = Buffer.from(String(jwk.x), 'base64url').toString('hex');
  }

  get url(): string | null {
    return this.#url;
  }

  /** Like saving the URL in the Developer Portal: refused (throws) unless the endpoint passes the checks. */
  async setUrl(url: string | null): Promise<void> {
    if (url === null) {
      this.#url = null;
      return;
    }
    const probes = await this.probe(url);
    const failed = probes.filter((p) => !p.ok);
    if (failed.length > 0)
      throw new Error(
        `interactions endpoint ${url} could not be verified: ${failed.map((p) => `${p.kind} answered ${p.status}`).join(', ')}`,
      );
    this.#url = url;
  }

  /** A signed PING (must be PONG) and the invalid-signature requests Discord sends (must be 401). */
  async probe(url = this.#url): Promise<EndpointProbe[]> {
    if (!url) throw new Error('no interactions endpoint is set');
    const body = JSON.stringify({ ...PING, id: '0', application_id: '0', token: 'probe' });
    const now = Math.floor(Date.now() / 1000);
    const cases: [EndpointProbe['kind'], Record<string, string>, string][] = [
      ['ping', this.#sign(body), body],
      ['wrong-key', this.#sign(body, this.#otherKey), body],
      ['tampered-body', this.#sign(body), body.replace('"probe"', '"probf"')],
      ['no-signature', {}, body],
      ['stale-timestamp', this.#sign(body, this.#privateKey, now - 3600), body],
    ];
    const results: EndpointProbe[] = [];
    for (const [kind, headers, sent] of cases) {
      const answer = await this.#post(url, sent, headers).catch(() => null);
      const status = answer?.status ?? 0;
      const ok =
        kind === 'ping'
          ? status === 200 && answer?.body.toString('utf8').replace(/\s/g, '') === '{"type":1}'
          : status === 401;
      results.push({ kind, status, ok });
    }
    this.probes.push(...results);
    return results;
  }

  /** POSTs the interaction; its answer (or its failure) settles the record. Never rejects. */
  async deliver(record: InteractionRecord): Promise<void> {
    const url = this.#url;
    if (!url) throw new Error('no interactions endpoint is set');
    const body = JSON.stringify(record.payload);
    this.stats.sent++;
    let answer: EndpointAnswer;
    try {
      answer = await this.#post(url, body, this.#sign(body), () => {
        record.sentAt = performance.now();
      });
    } catch (error) {
      this.stats.networkErrors++;
      record.fail(`the endpoint did not answer (${describe(error)})`);
      return;
    }
    this.stats.byStatus.set(answer.status, (this.stats.byStatus.get(answer.status) ?? 0) + 1);
    if (answer.status !== 200) {
      record.fail(`the endpoint answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`);
      return;
    }
    await this.deps.applyAnswer(record, answer);
  }

  #sign(body: string, key = this.#privateKey, timestamp = Math.floor(Date.now() / 1000)) {
    const stamp = String(timestamp);
    return {
      'X-Signature-Ed25519': sign(null, Buffer.from(stamp + body), key).toString('hex'),
      'X-Signature-Timestamp': stamp,
    };
  }

  #post(
    url: string,
    body: string,
    headers: Record<string, string>,
    onSent?: () => void,
  ): Promise<EndpointAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.#agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
            'User-Agent': 'Discord-Interactions/1.0',
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers['content-type'],
              body: Buffer.concat(chunks),
              arrivedAt: performance.now(),
            }),
          );
        },
      );
      req.on('error', reject);
      req.setTimeout(this.deps.timeoutMs, () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      // Node writes the request on a later tick, right after 'socket': the latency starts there, just
      // before the write, as the gateway's does (stamped with the frame encoded, before ws.send).
      if (onSent) req.once('socket', onSent);
      req.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
