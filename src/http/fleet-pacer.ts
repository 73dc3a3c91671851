import type { Logger } from '../logger.js';

/**
 * Discord's global limit is 50 requests/s per bot, whatever the number of processes; discord.js counts
 * only its own. The fleet's bot-authenticated requests therefore take turns in Redis: each reserves the
 * next free slot on one shared timeline (GCRA), slots `1000 / perSecond` ms apart on Redis's clock, and
 * waits for it. Any one-second window then holds at most `perSecond + 1` slots fleet-wide; 40 rather than 50
 * leaves room for a request that leaves its process late (a busy event loop) or travels slower.
 * Interaction callbacks and webhooks (token-authenticated) are exempt from the global limit and not paced.
 */
export const FLEET_REST_PER_SECOND = 40;

export interface FleetPacer {
  /** Resolves when this process may send its next bot-authenticated request. */
  wait(): Promise<void>;
  close(): Promise<void>;
}

// KEYS[1]: the timeline; ARGV[1]: interval in µs. Returns µs to wait before sending.
const RESERVE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, next_free)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', 60000)
return slot - now`;

export interface FleetPacerOptions {
  redisUrl: string;
  /** Requests per second for the whole fleet. Default {@link FLEET_REST_PER_SECOND}. */
  perSecond?: number;
  /** While Redis cannot be reached, this process alone keeps to this rate (its share of the fleet). */
  fallbackPerSecond: number;
  logger: Logger;
  key?: string;
}

export async function createFleetPacer(options: FleetPacerOptions): Promise<FleetPacer> {
  const { createClient } = await import('@keyv/redis');
  const client = createClient({
    url: options.redisUrl,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  client.on('error', () => {
    // Reported when a reservation fails; the client reconnects by itself.
  });
  // Not awaited: a Redis that is down at start-up must not hold the start (pacing is local meanwhile).
  client.connect().catch(() => undefined);
  const intervalUs = Math.round(1_000_000 / (options.perSecond ?? FLEET_REST_PER_SECOND));
  const local = createLocalPacer(options.fallbackPerSecond);
  const key = options.key ?? 'pitboard:v1:rest-timeline';
  let warned = false;
  return {
    async wait() {
      let waitUs: number;
      if (!client.isReady) return local.wait();
      try {
        waitUs = Number(await client.eval(RESERVE_SLOT, { keys: [key], arguments: [String(intervalUs)] }));
        warned = false;
      } catch (err) {
        if (!warned) options.logger.warn({ err }, 'fleet REST pacing unavailable (Redis); pacing locally');
        warned = true;
        return local.wait();
      }
      if (waitUs > 0) await sleep(waitUs / 1000);
    },
    async close() {
      try {
        client.destroy();
      } catch {
        // Never connected: nothing to close.
      }
    },
  };
}

/** The same spacing inside one process (also the fallback while Redis is away). */
export function createLocalPacer(perSecond: number): FleetPacer {
  const intervalMs = 1000 / perSecond;
  let nextFree = 0;
  return {
    async wait() {
      const now = performance.now();
      const slot = Math.max(now, nextFree);
      nextFree = slot + intervalMs;
      if (slot > now) await sleep(slot - now);
    },
    async close() {},
  };
}

/**
 * discord.js's `makeRequest` (the fetch it sends every REST call through), waiting for the pacer first
 * when the request carries the bot token. Token-authenticated interaction calls pass straight through.
 */
export function pacedRequest<Init extends { headers?: unknown }, Result>(
  pacer: FleetPacer,
  makeRequest: (url: string, init: Init) => Promise<Result>,
): (url: string, init: Init) => Promise<Result> {
  return async (url, init) => {
    if (hasBotAuthorization(init.headers)) await pacer.wait();
    return makeRequest(url, init);
  };
}

function hasBotAuthorization(headers: unknown): boolean {
  if (!headers) return false;
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get('authorization')?.startsWith('Bot ') ?? false;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (name.toLowerCase() === 'authorization') return String(value).startsWith('Bot ');
  }
  return false;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
