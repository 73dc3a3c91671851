/** The local Discord's public API: its options, what it reports, and the handle `startLocalDiscord` returns. */
import type { FaultHandle, RestFaultRule } from './faults.js';
import type { GatewayEvent, GatewayStats } from './gateway.js';
import type { JournalEntry, UnexpectedRoute } from './http.js';
import type { EndpointProbe, HttpDeliveryStats } from './http-delivery.js';
import type {
  InjectAutocompleteOptions,
  InjectCommandOptions,
  InjectComponentOptions,
  InjectedInteraction,
} from './interaction-record.js';
import type { PressOptions } from './press.js';
import type { BucketRule, RateLimitOptions } from './rate-limit.js';
import type { RouteTemplate } from './rest-routes.js';
import type { ChannelSpec, GuildSpec, Json, StoredCommand } from './state.js';
import type { ValidationProblem } from './validation.js';

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
  waitForGateway(event: GatewayEvent, timeoutMs?: number): Promise<Json>;

  close(): Promise<void>;
}
