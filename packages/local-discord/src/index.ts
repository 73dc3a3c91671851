/**
 * A local Discord: a loopback server speaking Discord's gateway and REST protocols well enough for the
 * real, unmodified discord.js 14 client. Used by the no-token sandbox, end-to-end tests and benchmarks.
 *
 *   const discord = await startLocalDiscord({ heartbeatIntervalMs: 250 });
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restUrl } });
 *   await client.login(discord.token);                       // GET /gateway/bot → ws → READY → GUILD_CREATE…
 *   const i = discord.injectCommand({ name: 'standings', options: { class: 'pro' } });
 *   const reply = await i.final();                           // the message the user ends up seeing
 *   expect(discord.unexpectedRoutes).toEqual([]); expect(discord.validationFailures).toEqual([]);
 *   await client.destroy(); await discord.close();
 *
 * Behaviour worth knowing:
 * - Listens on 127.0.0.1 only. REST under /api/v10, gateway at ws://…/gateway (resume: /gateway-resume).
 * - Every body is validated like Discord (see validation.ts); violations answer 400 / 50035 (50006 for an
 *   empty message) and are recorded in `validationFailures`. Unknown routes answer 404 and are recorded
 *   in `unexpectedRoutes`.
 * - Interactions: first response within `interactionDeadlineMs` (3 s) else 10062; a second one → 40060;
 *   the interaction webhook lives `interactionTokenTtlMs` (15 min).
 * - Channel messages: `nonce` + `enforce_nonce: true` from the bot within `nonceWindowMs` returns the
 *   message already created.
 * - Fixture ids (bot, application, guilds, channels, users) are deterministic across runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type FaultHandle, type RestFaultRule, RestFaults } from './faults.js';
import { GatewayServer, type GatewayStats } from './gateway.js';
import {
  API_PREFIX,
  type JournalEntry,
  RestPipeline,
  type RestRequest,
  type UnexpectedRoute,
} from './http.js';
import { createHttpDelivery } from './http-callback.js';
import type { EndpointProbe, HttpDeliveryStats } from './http-delivery.js';
import {
  type InjectAutocompleteOptions,
  type InjectCommandOptions,
  type InjectComponentOptions,
  type InjectedInteraction,
  InteractionRegistry,
} from './interactions.js';
import { buildMessage } from './messages.js';
import { buildPinRoutes } from './pin-routes.js';
import { checkPress, type PressOptions } from './press.js';
import { type BucketRule, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { buildRoutes, type RouteTemplate } from './rest-routes.js';
import {
  type AttachmentRecord,
  type ChannelSpec,
  channelAccessBits,
  type GuildSpec,
  type Json,
  LocalState,
  type StoredCommand,
} from './state.js';
import type { ValidationProblem } from './validation.js';

export type { FaultHandle, RestFaultAction, RestFaultRule } from './faults.js';
export type { GatewayEvent, GatewayStats } from './gateway.js';
export { shardOf } from './gateway.js';
export type { JournalEntry, UnexpectedRoute } from './http.js';
export type { EndpointProbe, HttpDeliveryStats } from './http-delivery.js';
export type {
  CallbackRecord,
  InjectAutocompleteOptions,
  InjectCommandOptions,
  InjectComponentOptions,
  InjectedInteraction,
  OptionInput,
  RejectedCallback,
} from './interactions.js';
export type { PressOptions } from './press.js';
export type { BucketRule, RateLimitOptions } from './rate-limit.js';
export type { RouteTemplate } from './rest-routes.js';
export type { ChannelSpec, GuildSpec, Json } from './state.js';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, Permission } from './state.js';
export * from './validation.js';

export interface LocalDiscordOptions {
  /** Default 0: a free port. The server only ever binds 127.0.0.1. */
  port?: number;
  /** The bot token accepted on REST (`Bot …`) and in IDENTIFY. */
  token?: string;
  botUsername?: string;
  /** A number of generated guilds, or their specs. Default: one guild with `general` and `announcements`. */
  guilds?: number | GuildSpec[];
  /** HELLO heartbeat interval; Discord's is 41 250 ms, tests want ~100–500. */
  heartbeatIntervalMs?: number;
  /** Time to send the initial response; default 3000. */
  interactionDeadlineMs?: number;
  /** Lifetime of the interaction webhook; default 15 min. */
  interactionTokenTtlMs?: number;
  /** How long `enforce_nonce` dedupes a repeated nonce; default 5 min. */
  nonceWindowMs?: number;
  rateLimits?: RateLimitOptions;
  /** At least this many recent journal entries are kept (older ones dropped in chunks); default 10 000. */
  journalLimit?: number;
  /** Interactions remembered (oldest forgotten first); default 100 000. */
  maxInteractions?: number;
  /** Gateway dispatches kept per session for RESUME replay; default 10 000. */
  replayLimit?: number;
  /** Close IDENTIFY with 4011 when one shard would hold ≥ 2 500 guilds, as Discord does. Default false. */
  enforceSharding?: boolean;
  /**
   * The shard count `GET /gateway/bot` recommends (default one per 1,000 guilds). Each guild's events go to
   * the session of shard `(guild_id >> 22) % shard_count`.
   */
  recommendedShards?: number;
}

export interface ChannelInfo {
  id: string;
  name: string;
  type: number;
  exists: boolean;
}

export interface GuildInfo {
  id: string;
  name: string;
  channels: ChannelInfo[];
}

export interface ValidationFailure {
  time: number;
  method: string;
  path: string;
  route: string;
  body: unknown;
  problems: ValidationProblem[];
}

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface LocalDiscord {
  /** `http://127.0.0.1:PORT/api`: give to `new Client({ rest: { api } })`. */
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** A fixed test user who invokes injected interactions by default. */
  readonly defaultUserId: string;
  /** Snapshot of guilds and their channels. */
  readonly guilds: GuildInfo[];

  /** Adds a guild; when a client is connected it receives GUILD_CREATE (the bot joined a server). */
  addGuild(spec?: GuildSpec): GuildInfo;
  /** Removes the bot from a guild (GUILD_DELETE); its channels then answer 403 50001. */
  removeGuild(guildId: string): void;
  createChannel(guildId: string, spec: ChannelSpec): ChannelInfo;
  /** Changes what the bot may do in a channel (CHANNEL_UPDATE), e.g. `{ botCanSend: false }`. */
  setChannelAccess(
    channelId: string,
    access: Pick<ChannelSpec, 'botCanView' | 'botCanSend' | 'botCanEmbed' | 'botCanAttach'>,
  ): void;
  /** Deletes a channel (CHANNEL_DELETE): later posts answer 404 10003. */
  deleteChannel(channelId: string): void;

  /** The application's Ed25519 public key (hex): what DISCORD_PUBLIC_KEY holds in HTTP mode. */
  readonly publicKey: string;
  /**
   * Sets the Interactions Endpoint URL as the Developer Portal does: refused (rejects) unless the endpoint
   * answers a signed PING with PONG and 401 to requests with a wrong, missing or stale signature. While set,
   * injected interactions are POSTed there (signed) instead of the gateway, and the HTTP response is the
   * initial callback, validated like one sent over REST. `null` goes back to the gateway.
   */
  setInteractionsEndpoint(url: string | null): Promise<void>;
  /** Sends those checks again (Discord repeats them at random); the results are also in endpointProbes. */
  probeInteractionsEndpoint(): Promise<EndpointProbe[]>;
  readonly endpointProbes: readonly EndpointProbe[];

  /**
   * Sends INTERACTION_CREATE (type 2) built from the registered command (a synthetic id when none is
   * registered). Throws when no client session exists, or when the options do not fit the registered
   * command (unless `strict: false`). While the client reconnects, the dispatch waits for RESUME replay.
   */
  injectCommand(options: InjectCommandOptions): InjectedInteraction;
  /** Type 4: the focused option's value goes as a string with `focused: true`. */
  injectAutocomplete(options: InjectAutocompleteOptions): InjectedInteraction;
  /** Type 3 button press, on `messageId` or on a new bot message carrying the button. */
  injectButton(options: Omit<InjectComponentOptions, 'componentType'>): InjectedInteraction;
  injectComponent(options: InjectComponentOptions): InjectedInteraction;
  /**
   * A user presses a component of a stored message (a button, or a select with `values`): checked as a
   * Discord client would allow it (see press.ts), then sent as INTERACTION_CREATE type 3.
   */
  press(options: PressOptions): InjectedInteraction;
  interaction(id: string): InjectedInteraction | undefined;

  /** Stored messages (creation order, deleted ones left out), of one channel or all; ephemeral ones carry flag 64. */
  messages(channelId?: string): Json[];
  message(id: string): Json | undefined;
  /** Someone (a moderator) deletes a message: later edits, fetches and pins of it answer 404 10008. */
  deleteMessage(id: string): void;
  attachment(id: string): StoredAttachment | undefined;
  /** Commands as stored by the last bulk overwrite / create: global, or of one guild. */
  registeredCommands(guildId?: string): StoredCommand[];
  /**
   * Forgets the journal, stored messages, attachments, nonces and interactions (for long benchmarks).
   * Guilds, commands, unexpectedRoutes and validationFailures stay.
   */
  clearHistory(): void;

  readonly journal: readonly JournalEntry[];
  readonly unexpectedRoutes: readonly UnexpectedRoute[];
  readonly validationFailures: readonly ValidationFailure[];
  /** Totals since start: requests, answers by status, invalid requests (401/403/429, Discord bans at 10 000 / 10 min). */
  readonly stats: {
    requests: number;
    byStatus: ReadonlyMap<number, number>;
    invalidRequests: number;
    gateway: GatewayStats;
    /** Interactions POSTed to the Interactions Endpoint URL, by HTTP status of the answer. */
    http: HttpDeliveryStats;
  };

  readonly faults: {
    /** Adds a scripted REST failure; see RestFaultRule. */
    rest(rule: RestFaultRule): FaultHandle;
    rateLimit(
      route: RouteTemplate | undefined,
      retryAfterMs: number,
      options?: { method?: string; global?: boolean; times?: number; scope?: 'user' | 'shared' | 'global' },
    ): FaultHandle;
    serverError(
      route: RouteTemplate | undefined,
      options?: { method?: string; status?: number; times?: number },
    ): FaultHandle;
    delay(
      route: RouteTemplate | undefined,
      ms: number,
      options?: { method?: string; times?: number },
    ): FaultHandle;
    /** Process the request (the message is stored) but never deliver the answer, so the client retries. */
    loseResponse(
      route: RouteTemplate | undefined,
      options?: { method?: string; times?: number; mode?: 'hang' | 'reset' },
    ): FaultHandle;
    clear(): void;
    dropHeartbeatAcks(count?: number): void;
    closeGateway(code?: number): void;
    sendReconnect(): void;
    invalidateSession(resumable?: boolean): void;
    requestHeartbeat(): void;
  };
  readonly rateLimits: {
    globalPerSecond: number;
    setBuckets(rules: BucketRule[]): void;
    readonly buckets: readonly BucketRule[];
  };
  /** Resolves on the next gateway event ('identify', 'ready', 'resume', 'heartbeat', 'close', 'connection'). */
  waitForGateway(event: import('./gateway.js').GatewayEvent, timeoutMs?: number): Promise<Json>;

  close(): Promise<void>;
}

function defaultToken(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64url')}.LocalD.${'x'.repeat(27)}`;
}

export async function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  const state = new LocalState(options.botUsername ?? 'Pitboard');
  const token = options.token ?? defaultToken(state.applicationId);
  const guildSpecs =
    typeof options.guilds === 'number'
      ? Array.from({ length: options.guilds }, () => ({}) as GuildSpec)
      : (options.guilds ?? [{}]);
  for (const spec of guildSpecs) state.addGuild(spec);
  const defaultUserId = state.nextUserId();
  state.ensureUser(defaultUserId, 'tester');

  const gateway = new GatewayServer({
    state,
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    replayLimit: options.replayLimit ?? 10_000,
    enforceSharding: options.enforceSharding ?? false,
  });
  const interactions = new InteractionRegistry({
    state,
    gateway,
    deadlineMs: options.interactionDeadlineMs ?? 3000,
    tokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    defaultUserId,
    maxInteractions: options.maxInteractions ?? 100_000,
    httpDelivery: () => (httpDelivery.url ? httpDelivery : null),
    createComponentMessage(channel, customId, componentType) {
      const now = Date.now();
      const message = buildMessage(state, {
        id: state.ids.next(now),
        channelId: channel.id,
        guildId: channel.guildId,
        author: state.botUser,
        body: {
          content: '',
          components: [
            {
              type: 1,
              components:
                componentType === 2
                  ? [{ type: 2, style: 1, custom_id: customId, label: customId }]
                  : [{ type: componentType, custom_id: customId, options: [] }],
            },
          ],
        },
        attachments: [],
        type: 0,
        flags: 0,
        now,
      });
      state.storeMessage({
        message,
        channelId: channel.id,
        deleted: false,
        source: 'component',
        createdAt: now,
      });
      return message;
    },
  });
  const validationFailures: ValidationFailure[] = [];
  const restFaults = new RestFaults();
  const limiter = new RateLimiter(options.rateLimits);
  const routes = [
    ...buildPinRoutes(state),
    ...buildRoutes({
      state,
      gateway,
      interactions,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      ...(options.recommendedShards !== undefined && { recommendedShards: options.recommendedShards }),
      recordValidationFailure(req: RestRequest, problems: ValidationProblem[]) {
        validationFailures.push({
          time: req.now,
          method: req.method,
          path: req.path,
          route: req.template,
          body: req.body,
          problems,
        });
      },
    }),
  ];
  const pipeline = new RestPipeline({
    token,
    faults: restFaults,
    limiter,
    journalLimit: options.journalLimit ?? 10_000,
    routes,
  });
  const httpDelivery = createHttpDelivery(routes, (options.interactionDeadlineMs ?? 3000) + 500);

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    pipeline.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `500: Internal Server Error (${String(error)})`, code: 0 }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  gateway.baseUrl = `ws://127.0.0.1:${port}`;

  const guildInfo = (id: string): GuildInfo => {
    const guild = state.guilds.get(id);
    if (!guild) throw new Error(`unknown guild ${id}`);
    return {
      id: guild.id,
      name: guild.name,
      channels: guild.channels.map((c) => ({ id: c.id, name: c.name, type: c.type, exists: c.exists })),
    };
  };
  const channelOrThrow = (id: string) => {
    const channel = state.channels.get(id);
    if (!channel) throw new Error(`unknown channel ${id}`);
    return channel;
  };
  const routeFault = (
    route: RouteTemplate | undefined,
    method: string | undefined,
    times: number | undefined,
    action: RestFaultRule['action'],
  ) =>
    restFaults.add({ ...(route ? { route } : {}), ...(method ? { method } : {}), times: times ?? 1, action });

  let closed = false;
  const discord: LocalDiscord = {
    restUrl: `http://127.0.0.1:${port}${API_PREFIX.replace('/v10', '')}`,
    gatewayUrl: gateway.url,
    port,
    token,
    applicationId: state.applicationId,
    botUserId: state.botUser.id,
    defaultUserId,
    get guilds() {
      return [...state.guilds.keys()].map(guildInfo);
    },

    addGuild(spec = {}) {
      const guild = state.addGuild(spec);
      gateway.guildCreate(guild);
      return guildInfo(guild.id);
    },
    removeGuild(guildId) {
      const guild = state.guilds.get(guildId);
      if (!guild) throw new Error(`unknown guild ${guildId}`);
      gateway.dispatch(guildId, 'GUILD_DELETE', { id: guildId }, 1);
      state.guilds.delete(guildId);
    },
    createChannel(guildId, spec) {
      const channel = state.addChannel(guildId, spec);
      if (channel.exists) gateway.dispatch(guildId, 'CHANNEL_CREATE', state.channelJson(channel), 1);
      return { id: channel.id, name: channel.name, type: channel.type, exists: channel.exists };
    },
    setChannelAccess(channelId, access) {
      const channel = channelOrThrow(channelId);
      const current = {
        botCanView: (channel.botDeny & channelAccessBits({ botCanView: false })) === 0n,
        botCanSend: (channel.botDeny & channelAccessBits({ botCanSend: false })) === 0n,
        botCanEmbed: (channel.botDeny & channelAccessBits({ botCanEmbed: false })) === 0n,
        botCanAttach: (channel.botDeny & channelAccessBits({ botCanAttach: false })) === 0n,
      };
      channel.botDeny = channelAccessBits({ ...current, ...access });
      if (channel.exists) gateway.dispatch(channel.guildId, 'CHANNEL_UPDATE', state.channelJson(channel), 1);
    },
    deleteChannel(channelId) {
      const channel = channelOrThrow(channelId);
      if (channel.exists) gateway.dispatch(channel.guildId, 'CHANNEL_DELETE', state.channelJson(channel), 1);
      channel.exists = false;
    },

    publicKey: httpDelivery.publicKey,
    setInteractionsEndpoint: (url) => httpDelivery.setUrl(url),
    probeInteractionsEndpoint: () => httpDelivery.probe(),
    get endpointProbes() {
      return httpDelivery.probes;
    },

    injectCommand: (opts) => interactions.injectCommand(opts),
    injectAutocomplete: (opts) => interactions.injectAutocomplete(opts),
    injectButton: (opts) => interactions.injectComponent({ ...opts, componentType: 2 }),
    injectComponent: (opts) => interactions.injectComponent(opts),
    deleteMessage(id) {
      const stored = state.messages.get(id);
      if (!stored) throw new Error(`unknown message ${id}`);
      stored.deleted = true;
    },
    press: (opts) => {
      const stored = state.messages.get(opts.messageId);
      const componentType = checkPress(
        stored && !stored.deleted ? stored.message : undefined,
        opts,
        opts.userId ?? defaultUserId,
      );
      return interactions.injectComponent({ ...opts, componentType });
    },
    interaction: (id) => interactions.byId.get(id),

    messages(channelId) {
      const list = channelId ? (state.channelMessages.get(channelId) ?? []) : [...state.messages.values()];
      return list.filter((m) => !m.deleted).map((m) => m.message);
    },
    message(id) {
      const stored = state.messages.get(id);
      return stored && !stored.deleted ? stored.message : undefined;
    },
    attachment(id) {
      const record: AttachmentRecord | undefined = state.attachments.get(id);
      return record ? { ...record } : undefined;
    },
    registeredCommands(guildId) {
      return guildId ? [...(state.guildCommands.get(guildId) ?? [])] : [...state.globalCommands];
    },
    clearHistory() {
      pipeline.journal.length = 0;
      state.messages.clear();
      state.channelMessages.clear();
      state.attachments.clear();
      state.nonces.clear();
      interactions.dispose();
    },

    journal: pipeline.journal,
    unexpectedRoutes: pipeline.unexpectedRoutes,
    validationFailures,
    get stats() {
      return { ...pipeline.counters, gateway: { ...gateway.stats }, http: httpDelivery.stats };
    },

    faults: {
      rest: (rule) => restFaults.add(rule),
      rateLimit: (route, retryAfterMs, o = {}) =>
        routeFault(route, o.method, o.times, {
          type: 'rate-limit',
          retryAfterMs,
          ...(o.global ? { global: true } : {}),
          ...(o.scope ? { scope: o.scope } : {}),
        }),
      serverError: (route, o = {}) =>
        routeFault(route, o.method, o.times, { type: 'status', status: o.status ?? 500 }),
      delay: (route, ms, o = {}) => routeFault(route, o.method, o.times, { type: 'delay', ms }),
      loseResponse: (route, o = {}) =>
        routeFault(route, o.method, o.times, { type: 'lose-response', mode: o.mode ?? 'hang' }),
      clear: () => restFaults.clear(),
      dropHeartbeatAcks: (count) => gateway.dropHeartbeatAcks(count),
      closeGateway: (code) => gateway.closeConnections(code),
      sendReconnect: () => gateway.sendReconnect(),
      invalidateSession: (resumable) => gateway.invalidateSession(resumable),
      requestHeartbeat: () => gateway.requestHeartbeat(),
    },
    rateLimits: {
      get globalPerSecond() {
        return limiter.globalPerSecond;
      },
      set globalPerSecond(value: number) {
        limiter.globalPerSecond = value;
      },
      setBuckets: (rules) => limiter.setBuckets(rules),
      get buckets() {
        return limiter.buckets;
      },
    },
    waitForGateway: (event, timeoutMs) => gateway.waitFor(event, timeoutMs),

    async close() {
      if (closed) return;
      closed = true;
      interactions.dispose();
      httpDelivery.close();
      restFaults.clear();
      pipeline.destroyHung();
      await gateway.close();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await done;
    },
  };
  return discord;
}
