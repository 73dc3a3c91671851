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
import type { GuildInfo, LocalDiscord, LocalDiscordOptions, ValidationFailure } from './api.js';
import { type RestFaultRule, RestFaults } from './faults.js';
import { GatewayServer } from './gateway.js';
import { API_PREFIX, RestPipeline, type RestRequest } from './http.js';
import { createHttpDelivery } from './http-callback.js';
import { InteractionRegistry } from './interactions.js';
import { storeComponentMessage } from './messages.js';
import { checkPress } from './press.js';
import { RateLimiter } from './rate-limit.js';
import { buildRoutes, type RouteTemplate } from './rest-routes.js';
import { type AttachmentRecord, channelAccessBits, type GuildSpec, LocalState } from './state.js';
import type { ValidationProblem } from './validation.js';

export type {
  ChannelInfo,
  GuildInfo,
  LocalDiscord,
  LocalDiscordOptions,
  StoredAttachment,
  ValidationFailure,
} from './api.js';
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
} from './interaction-record.js';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, Permission } from './permissions.js';
export type { PressOptions } from './press.js';
export type { BucketRule, RateLimitOptions } from './rate-limit.js';
export type { RouteTemplate } from './rest-routes.js';
export type { ChannelSpec, GuildSpec, Json } from './state.js';
export * from './validation.js';

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
    createComponentMessage: (channel, customId, componentType) =>
      storeComponentMessage(state, channel, customId, componentType),
  });
  const validationFailures: ValidationFailure[] = [];
  const restFaults = new RestFaults();
  const limiter = new RateLimiter(options.rateLimits);
  const routes = buildRoutes({
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
  });
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
