/**
 * The gateway: HELLO, IDENTIFY → READY + one GUILD_CREATE per guild, heartbeats, RESUME with replay,
 * op 7 / op 9, close codes, sharding by guild id. JSON text frames only (discord.js without zlib-sync).
 */
import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { GuildRecord, Json, LocalState } from './state.js';

export const Intent = { Guilds: 1 << 0, GuildMessages: 1 << 9, MessageContent: 1 << 15 } as const;

export interface GatewayOptions {
  state: LocalState;
  token: string;
  heartbeatIntervalMs: number;
  /** Dispatches kept per session for RESUME replay. */
  replayLimit: number;
  /** Close with 4011 when a shard would hold 2,500 guilds or more, as Discord does. */
  enforceSharding: boolean;
}

interface LoggedDispatch {
  s: number;
  frame: string;
}

export interface GatewaySession {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  log: LoggedDispatch[];
  socket: WebSocket | null;
  invalid: boolean;
}

interface Connection {
  ws: WebSocket;
  session: GatewaySession | null;
  path: string;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  failedResumes: number;
  heartbeats: number;
  acksDropped: number;
  dispatches: number;
}

export type GatewayEvent = 'connection' | 'identify' | 'ready' | 'resume' | 'heartbeat' | 'close';

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export class GatewayServer extends EventEmitter {
  readonly stats: GatewayStats = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    failedResumes: 0,
    heartbeats: 0,
    acksDropped: 0,
    dispatches: 0,
  };
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 4096 * 1024 });
  readonly #sessions = new Map<string, GatewaySession>();
  /** The current session of each shard id under the shard count of the latest IDENTIFY. */
  readonly #live = new Map<number, GatewaySession>();
  #liveShardCount = 1;
  readonly #connections = new Set<Connection>();
  #dropAcks = 0;
  #baseUrl = '';

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  set baseUrl(url: string) {
    this.#baseUrl = url;
  }

  get url(): string {
    return `${this.#baseUrl}/gateway`;
  }

  get resumeUrl(): string {
    return `${this.#baseUrl}/gateway-resume`;
  }

  /** Sessions that can currently receive dispatches. */
  get sessions(): GatewaySession[] {
    return [...this.#live.values()];
  }

  get openConnections(): number {
    return this.#connections.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway-resume') {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, url));
  }

  #onConnection(ws: WebSocket, url: URL): void {
    const conn: Connection = { ws, session: null, path: url.pathname };
    this.#connections.add(conn);
    this.stats.connections++;
    this.emit('connection', { path: url.pathname });
    ws.on('close', (code) => {
      this.#connections.delete(conn);
      if (conn.session?.socket === ws) conn.session.socket = null;
      this.emit('close', { code, sessionId: conn.session?.id ?? null });
    });
    ws.on('error', () => {});
    if (url.searchParams.get('v') !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    ws.on('message', (data, isBinary) => this.#onMessage(conn, data.toString(), isBinary));
    this.#send(ws, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['local-discord'] },
    });
  }

  #send(ws: WebSocket, payload: Json | string): void {
    if (ws.readyState === WebSocket.OPEN)
      ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  #onMessage(conn: Connection, text: string, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(text);
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case 1:
        this.stats.heartbeats++;
        this.emit('heartbeat', { sessionId: conn.session?.id ?? null });
        if (this.#dropAcks > 0) {
          this.#dropAcks--;
          this.stats.acksDropped++;
        } else {
          this.#send(conn.ws, { op: 11 });
        }
        return;
      case 2:
        this.#identify(conn, payload.d as Json);
        return;
      case 6:
        this.#resume(conn, payload.d as Json);
        return;
      case 3:
      case 4:
      case 8:
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  #identify(conn: Connection, d: Json): void {
    if (conn.session) {
      conn.ws.close(4005, 'Already authenticated.');
      return;
    }
    if (d?.token !== this.options.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    const shard = Array.isArray(d.shard) ? d.shard.map(Number) : [0, 1];
    const [shardId = 0, shardCount = 1] = shard;
    if (!(shardCount >= 1 && shardId >= 0 && shardId < shardCount)) {
      conn.ws.close(4010, 'Invalid shard.');
      return;
    }
    const guilds = [...this.options.state.guilds.values()].filter(
      (g) => shardOf(g.id, shardCount) === shardId,
    );
    if (this.options.enforceSharding && guilds.length >= 2500) {
      conn.ws.close(4011, 'Sharding required.');
      return;
    }
    this.stats.identifies++;
    const session: GatewaySession = {
      id: `local${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`,
      shardId,
      shardCount,
      intents: typeof d.intents === 'number' ? d.intents : 0,
      seq: 0,
      log: [],
      socket: conn.ws,
      invalid: false,
    };
    if (shardCount !== this.#liveShardCount) {
      this.#live.clear();
      this.#liveShardCount = shardCount;
    }
    const previous = this.#live.get(shardId);
    if (previous) {
      previous.invalid = true;
      this.#sessions.delete(previous.id);
    }
    this.#sessions.set(session.id, session);
    this.#live.set(shardId, session);
    conn.session = session;
    this.emit('identify', { sessionId: session.id, shard: [shardId, shardCount], intents: session.intents });
    const { state } = this.options;
    this.#dispatch(session, 'READY', {
      v: 10,
      user: { ...state.userJson(state.botUser), verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.resumeUrl,
      shard: [shardId, shardCount],
      application: { id: state.applicationId, flags: 0 },
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['local-discord'],
    });
    if (session.intents & Intent.Guilds) {
      for (const guild of guilds) this.#dispatch(session, 'GUILD_CREATE', state.guildCreateJson(guild));
    }
    this.emit('ready', { sessionId: session.id, shard: [shardId, shardCount], guilds: guilds.length });
  }

  #resume(conn: Connection, d: Json): void {
    if (d?.token !== this.options.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const first = session?.log[0];
    if (!session || session.invalid || seq > session.seq || (first !== undefined && first.s > seq + 1)) {
      this.stats.failedResumes++;
      this.#send(conn.ws, { op: 9, d: false });
      return;
    }
    if (session.socket && session.socket !== conn.ws) session.socket.close(4000, 'Session resumed elsewhere');
    session.socket = conn.ws;
    conn.session = session;
    this.stats.resumes++;
    for (const entry of session.log) if (entry.s > seq) this.#send(conn.ws, entry.frame);
    this.#dispatch(session, 'RESUMED', { _trace: ['local-discord'] });
    this.emit('resume', { sessionId: session.id, replayed: session.log.filter((e) => e.s > seq).length - 1 });
  }

  #dispatch(session: GatewaySession, t: string, d: unknown, beforeWrite?: () => void): void {
    const s = ++session.seq;
    const frame = JSON.stringify({ op: 0, t, s, d });
    session.log.push({ s, frame });
    // Trim in chunks so long runs stay cheap per dispatch.
    if (session.log.length > this.options.replayLimit * 1.25) {
      session.log.splice(0, session.log.length - this.options.replayLimit);
    }
    this.stats.dispatches++;
    beforeWrite?.();
    if (session.socket) this.#send(session.socket, frame);
  }

  /** The session that receives a guild's events (DMs go to shard 0). */
  sessionFor(guildId: string | null): GatewaySession | undefined {
    return this.#live.get(guildId ? shardOf(guildId, this.#liveShardCount) : 0);
  }

  /**
   * Sends a dispatch to the shard owning the guild; buffered for replay while the client is reconnecting.
   * Returns false when no session exists or it lacks the required intent. `beforeWrite` runs with the frame
   * encoded, just before it is written (where an interaction's latency starts, as for HTTP delivery).
   */
  dispatch(
    guildId: string | null,
    t: string,
    d: unknown,
    requiredIntent = 0,
    beforeWrite?: () => void,
  ): boolean {
    const session = this.sessionFor(guildId);
    if (!session) return false;
    if (requiredIntent && (session.intents & requiredIntent) === 0) return false;
    this.#dispatch(session, t, d, beforeWrite);
    return true;
  }

  guildCreate(guild: GuildRecord): boolean {
    return this.dispatch(guild.id, 'GUILD_CREATE', this.options.state.guildCreateJson(guild), Intent.Guilds);
  }

  // ------------------------------------------------------------------------------------------------------
  // Faults

  /** Withhold the next `count` heartbeat ACKs: discord.js then closes the zombie connection and resumes. */
  dropHeartbeatAcks(count = 1): void {
    this.#dropAcks += count;
  }

  #liveSockets(): WebSocket[] {
    return [...this.#connections].filter((c) => c.session && !c.session.invalid).map((c) => c.ws);
  }

  /** Op 7 RECONNECT: the client reconnects and resumes. */
  sendReconnect(): void {
    for (const ws of this.#liveSockets()) this.#send(ws, { op: 7, d: null });
  }

  /** Op 9 INVALID_SESSION; unless `resumable`, the session is dropped so the client must identify anew. */
  invalidateSession(resumable = false): void {
    for (const session of this.#live.values()) {
      if (!resumable) {
        session.invalid = true;
        this.#sessions.delete(session.id);
      }
      if (session.socket) this.#send(session.socket, { op: 9, d: resumable });
    }
    if (!resumable) this.#live.clear();
  }

  /** Op 1: asks the client for an immediate heartbeat. */
  requestHeartbeat(): void {
    for (const ws of this.#liveSockets()) this.#send(ws, { op: 1, d: null });
  }

  /** Closes every gateway connection with `code` (4000 = resumable unknown error). */
  closeConnections(code = 4000, reason = 'local-discord fault'): void {
    for (const conn of this.#connections) conn.ws.close(code, reason);
  }

  /** Resolves on the next gateway event of this kind (see GatewayEvent). */
  async waitFor(event: GatewayEvent, timeoutMs = 10_000): Promise<Json> {
    const [value] = await once(this, event, { signal: AbortSignal.timeout(timeoutMs) });
    return value as Json;
  }

  async close(): Promise<void> {
    for (const conn of this.#connections) conn.ws.terminate();
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
