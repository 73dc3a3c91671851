/**
 * The REST pipeline: routing, journal, scripted faults, auth, global and per-route rate limits, body
 * parsing (JSON and multipart), then the route handler. Unknown routes answer 404 and are recorded.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiError, Errors } from './errors.js';
import type { RestFaults } from './faults.js';
import type { UploadedFile } from './messages.js';
import type { RateLimiter } from './rate-limit.js';

export const API_PREFIX = '/api/v10';
const MAX_BODY_BYTES = 26 * 1024 * 1024;

export interface RestRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Carries `Authorization: Bot <the token>`. */
  botAuth: boolean;
  body: unknown;
  files: UploadedFile[];
  now: number;
  /** `performance.now()` when the body had been read in full. */
  arrivedAt: number;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef {
  method: string;
  template: string;
  /** `bot`: 401 without the bot token. `none`: interaction endpoints, authenticated by their token. */
  auth: 'bot' | 'none';
  handler(req: RestRequest): RestResponse | Promise<RestResponse>;
}

export interface JournalEntry {
  seq: number;
  /** Epoch ms when the request arrived. */
  time: number;
  method: string;
  path: string;
  query: string;
  /** Matched route template, null for an unknown route. */
  route: string | null;
  /** 0 when no answer was sent (a `hang` / `lose-response` fault). */
  status: number;
  body: unknown;
  files: { field: string; filename: string; size: number; contentType: string }[];
  /** The JSON answered, as text ('' for 204 or no answer). */
  responseText: string;
  durationMs: number;
  fault?: string;
}

export interface UnexpectedRoute {
  time: number;
  method: string;
  path: string;
}

interface CompiledRoute {
  def: RouteDef;
  segments: string[];
}

export interface PipelineDeps {
  token: string;
  routes: RouteDef[];
  faults: RestFaults;
  limiter: RateLimiter;
  journalLimit: number;
}

function matchRoute(routes: CompiledRoute[], method: string, segments: string[]) {
  let pathMatched = false;
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const want = route.segments[i] as string;
      const got = segments[i] as string;
      if (want.startsWith(':')) params[want.slice(1)] = got;
      else if (want !== got) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    pathMatched = true;
    if (route.def.method === method) return { route, params, pathMatched };
  }
  return { route: undefined, params: {}, pathMatched };
}

/** The major parameter discord.js and Discord key buckets on. */
function majorOf(params: Record<string, string>): string {
  if (params.channelId) return `channel:${params.channelId}`;
  if (params.guildId) return `guild:${params.guildId}`;
  if (params.interactionToken) return `webhook:${params.applicationId}:${params.interactionToken}`;
  return 'global';
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: UploadedFile[] } | 'invalid'> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return 'invalid';
    }
    let body: unknown;
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') {
          try {
            body = JSON.parse(value);
          } catch {
            return 'invalid';
          }
        }
        continue;
      }
      const index = /^files\[(\d+)\]$/.exec(field)?.[1];
      files.push({
        field,
        index: index === undefined ? files.length : Number(index),
        filename: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return 'invalid';
  }
}

export class RestPipeline {
  readonly journal: JournalEntry[] = [];
  readonly unexpectedRoutes: UnexpectedRoute[] = [];
  readonly counters = { requests: 0, byStatus: new Map<number, number>(), invalidRequests: 0 };
  readonly #routes: CompiledRoute[];
  readonly #hung = new Set<ServerResponse>();
  #seq = 0;

  constructor(private readonly deps: PipelineDeps) {
    this.#routes = deps.routes.map((def) => ({ def, segments: def.template.split('/').slice(1) }));
  }

  /** Sockets held open by `hang` / `lose-response` faults. */
  destroyHung(): void {
    for (const res of this.#hung) res.socket?.destroy();
    this.#hung.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const arrivedAt = performance.now();
    const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
    const rawPath = inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const segments = rawPath
      .split('/')
      .slice(1)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    const path = `/${segments.join('/')}`;
    const match = inApi
      ? matchRoute(this.#routes, method, segments)
      : { route: undefined, params: {}, pathMatched: false };
    const template = match.route?.def.template ?? null;
    const entry: JournalEntry = {
      seq: ++this.#seq,
      time,
      method,
      path: inApi ? path : url.pathname,
      query: url.search,
      route: template,
      status: 0,
      body: undefined,
      files: [],
      responseText: '',
      durationMs: 0,
    };
    this.counters.requests++;
    this.journal.push(entry);
    if (this.journal.length > this.deps.journalLimit * 1.25) {
      this.journal.splice(0, this.journal.length - this.deps.journalLimit);
    }

    const send = (response: RestResponse, extraHeaders: Record<string, string> = {}) => {
      const headers: Record<string, string> = { ...extraHeaders, ...(response.headers ?? {}) };
      let text = '';
      if (response.body !== undefined && response.status !== 204) {
        text = JSON.stringify(response.body);
        headers['Content-Type'] = 'application/json';
      }
      entry.status = response.status;
      entry.responseText = text;
      entry.durationMs = Date.now() - time;
      this.counters.byStatus.set(response.status, (this.counters.byStatus.get(response.status) ?? 0) + 1);
      if (response.status === 401 || response.status === 403 || response.status === 429)
        this.counters.invalidRequests++;
      res.writeHead(response.status, headers);
      res.end(text);
    };

    if (raw === null) {
      send(Errors.tooLarge());
      return;
    }

    const fault = this.deps.faults.take(method, template, path);
    let loseResponse: 'hang' | 'reset' | undefined;
    if (fault) {
      entry.fault = fault.type;
      switch (fault.type) {
        case 'status':
          send({
            status: fault.status,
            body: fault.body ?? { message: `${fault.status}: Server Error`, code: 0 },
          });
          return;
        case 'rate-limit': {
          const seconds = (fault.retryAfterMs / 1000).toFixed(3);
          const scope = fault.scope ?? (fault.global ? 'global' : 'user');
          const headers: Record<string, string> = {
            'Retry-After': seconds,
            'X-RateLimit-Scope': scope,
          };
          if (fault.global) headers['X-RateLimit-Global'] = 'true';
          else {
            headers['X-RateLimit-Limit'] = '1';
            headers['X-RateLimit-Remaining'] = '0';
            headers['X-RateLimit-Reset-After'] = seconds;
          }
          send({
            status: 429,
            body: {
              message: 'You are being rate limited.',
              retry_after: fault.retryAfterMs / 1000,
              global: !!fault.global,
            },
            headers,
          });
          return;
        }
        case 'delay':
          await sleep(fault.ms);
          break;
        case 'hang':
          this.#hung.add(res);
          return;
        case 'lose-response':
          loseResponse = fault.mode ?? 'hang';
          break;
      }
    }

    if (!match.route) {
      this.unexpectedRoutes.push({ time, method, path: entry.path });
      send(match.pathMatched ? apiError(405, 0, '405: Method Not Allowed') : Errors.notFound());
      return;
    }
    const def = match.route.def;
    const botAuth = req.headers.authorization === `Bot ${this.deps.token}`;
    if (def.auth === 'bot' && !botAuth) {
      send(Errors.unauthorized());
      return;
    }

    const now = Date.now();
    let limitHeaders: Record<string, string> = {};
    if (def.auth === 'bot') {
      const global = this.deps.limiter.takeGlobal(now);
      if (global?.retryAfterMs !== undefined) {
        send(
          {
            status: 429,
            body: {
              message: 'You are being rate limited.',
              retry_after: global.retryAfterMs / 1000,
              global: true,
            },
          },
          { ...global.headers, 'Retry-After': (global.retryAfterMs / 1000).toFixed(3) },
        );
        return;
      }
    }
    if (!def.template.includes('/callback')) {
      const bucket = this.deps.limiter.takeBucket(method, def.template, majorOf(match.params), now);
      if (bucket) {
        limitHeaders = bucket.headers;
        if (bucket.retryAfterMs !== undefined) {
          send(
            {
              status: 429,
              body: {
                message: 'You are being rate limited.',
                retry_after: bucket.retryAfterMs / 1000,
                global: false,
              },
            },
            { ...bucket.headers, 'Retry-After': (bucket.retryAfterMs / 1000).toFixed(3) },
          );
          return;
        }
      }
    }

    const parsed = await parseBody(raw, req.headers['content-type']);
    if (parsed === 'invalid') {
      send(Errors.invalidJson(), limitHeaders);
      return;
    }
    entry.body = parsed.body;
    entry.files = parsed.files.map((f) => ({
      field: f.field,
      filename: f.filename,
      size: f.data.length,
      contentType: f.contentType,
    }));

    let response: RestResponse;
    try {
      response = await def.handler({
        method,
        path,
        template: def.template,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        botAuth,
        body: parsed.body,
        files: parsed.files,
        now,
        arrivedAt,
      });
    } catch (error) {
      response = { status: 500, body: { message: `500: Internal Server Error (${String(error)})`, code: 0 } };
    }

    if (loseResponse === 'reset') {
      entry.status = 0;
      entry.durationMs = Date.now() - time;
      req.socket.resetAndDestroy();
      return;
    }
    if (loseResponse === 'hang') {
      entry.status = 0;
      entry.durationMs = Date.now() - time;
      this.#hung.add(res);
      res.on('close', () => this.#hung.delete(res));
      return;
    }
    send(response, limitHeaders);
  }
}
