import type { Logger } from '../logger.js';
import {
  leavesOnTime,
  RESERVE_SLOT_LUA,
  reserveSlot,
  type SendRule,
  sendRuleAt,
  shareOf,
} from './send-window.js';

/**
 * Discord's global limit is 50 requests/s per bot, whatever the number of processes; discord.js counts
 * only its own. The fleet's bot-authenticated requests therefore share one timeline in Redis, 1/47 s
 * apart, and each leaves within 20 ms of its place or takes a new one (src/http/send-window.ts). Any of
 * Discord's 1 s windows then holds at most 48 of them (`mostInSpan`), which leaves two for requests that
 * a stall holds up on their way. Interaction callbacks and webhooks (token-authenticated) are exempt from
 * the global limit and not paced.
 */
export const FLEET_REST_PER_SECOND = 47;

/** After this many late wake-ups in a row a request leaves anyway: a Redis that always answers slower
 * than the tolerance must slow the bot down, not stop it. */
const LATE_WAKES_BEFORE_LEAVING = 10;

export interface FleetPacer {
  /** Resolves when this process may send its next bot-authenticated request. */
  wait(): Promise<void>;
  close(): Promise<void>;
}

export interface FleetPacerOptions {
  redisUrl: string;
  /** Requests per second for the whole fleet. Default {@link FLEET_REST_PER_SECOND}. */
  perSecond?: number;
  /** While Redis cannot be reached, this process paces alone at 1/fleetProcesses of the fleet's rate. */
  fleetProcesses: number;
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
  const rule = sendRuleAt(options.perSecond ?? FLEET_REST_PER_SECOND);
  const local = createLocalPacer(shareOf(rule, options.fleetProcesses), realClock, options.logger);
  const keys = [options.key ?? 'pitboard:v1:rest-timeline'];
  const reserve = async () =>
    Number(await client.eval(RESERVE_SLOT_LUA, { keys, arguments: [String(rule.intervalUs), ''] }));
  let warned = false;
  return {
    async wait() {
      if (!client.isReady) return local.wait();
      let onTime: boolean;
      try {
        onTime = await paceOnce(reserve, realClock, rule);
        warned = false;
      } catch (err) {
        if (!warned) options.logger.warn({ err }, 'fleet REST pacing unavailable (Redis); pacing locally');
        warned = true;
        return local.wait();
      }
      if (!onTime) warnLate(options.logger);
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

/**
 * Reserve a place and sleep until it; leave if still on time, else reserve again. Returns false when it
 * left after {@link LATE_WAKES_BEFORE_LEAVING} late wake-ups.
 */
async function paceOnce(reserve: () => Promise<number>, clock: PacerClock, rule: SendRule): Promise<boolean> {
  for (let late = 0; late < LATE_WAKES_BEFORE_LEAVING; late++) {
    const askedUs = clock.nowUs();
    const waitUs = await reserve();
    // From the answer, so the request never leaves before its place, however long the answer took.
    if (waitUs > 0) await clock.sleep(Math.ceil(waitUs / 1000));
    if (leavesOnTime(askedUs, waitUs, clock.nowUs(), rule)) return true;
  }
  return false;
}

function warnLate(logger: Logger): void {
  logger.warn(
    { lateWakes: LATE_WAKES_BEFORE_LEAVING },
    'REST request sent late: the process or Redis kept missing its pacing places',
  );
}

export interface PacerClock {
  nowUs(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  nowUs: () => Math.round(performance.now() * 1000),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** The same rule inside one process (also the fallback while Redis is away). */
export function createLocalPacer(rule: SendRule, clock: PacerClock = realClock, logger?: Logger): FleetPacer {
  let nextSlotUs = 0;
  const reserve = async () => {
    const reservation = reserveSlot(nextSlotUs, clock.nowUs(), rule);
    nextSlotUs = reservation.nextSlotUs;
    return reservation.waitUs;
  };
  return {
    async wait() {
      if (!(await paceOnce(reserve, clock, rule)) && logger) warnLate(logger);
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
