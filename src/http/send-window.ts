/**
 * The fleet's pacing rule for bot-token requests, in one place: these pure functions (the local pacer runs
 * them as they are, on its own clock) and the same reservation in Lua (RESERVE_SLOT_LUA), which Redis runs
 * atomically for every process. A test feeds both the same clock and compares their answers.
 *
 * Every request takes the next place on one evenly spaced timeline (`intervalUs` apart) and sleeps until
 * it. A request may leave only within `toleranceUs` of its own place: one that wakes later (a busy event
 * loop, a stalled process, a slow answer from Redis) gives its place up and takes a new one at the end of
 * the timeline instead of leaving late. Late requests therefore never join the ones that leave on time
 * after them, and any span of `L` µs holds at most ⌊(L + toleranceUs) / intervalUs⌋ + 1 requests
 * ({@link mostInSpan}), whatever the delays. A stall costs the places it slept through; it is not made up
 * by a burst afterwards, which is what would crowd one of Discord's windows.
 */

/** Discord's global limit: requests per second for one bot, all of its processes together. */
export const DISCORD_GLOBAL_PER_SECOND = 50;

/** How late a request may leave after its place: above timer and Redis jitter on a quiet machine. */
export const DEFAULT_TOLERANCE_US = 20_000;

export interface SendRule {
  /** Places on the timeline are this far apart (1 s / the rate). */
  intervalUs: number;
  /** A request leaves within this long after its place, or takes a new place. */
  toleranceUs: number;
}

export function sendRuleAt(perSecond: number, toleranceUs = DEFAULT_TOLERANCE_US): SendRule {
  if (!(perSecond > 0) || !(toleranceUs >= 0))
    throw new Error(
      `a send rule needs a positive rate and tolerance (got ${perSecond}/s, ${toleranceUs} µs)`,
    );
  return { intervalUs: Math.round(1_000_000 / perSecond), toleranceUs };
}

/** One process's part of `rule` when it paces alone (Redis is away): places `processes` times further apart. */
export function shareOf(rule: SendRule, processes: number): SendRule {
  return { ...rule, intervalUs: rule.intervalUs * Math.max(1, Math.floor(processes)) };
}

/** The most requests any span of `spanUs` can hold under `rule`. */
export function mostInSpan(rule: SendRule, spanUs: number): number {
  return Math.floor((spanUs + rule.toleranceUs) / rule.intervalUs) + 1;
}

export interface Reservation {
  /** The next free place on the timeline (µs). */
  nextSlotUs: number;
  /** µs from now to the place reserved. */
  waitUs: number;
}

export function reserveSlot(nextSlotUs: number, nowUs: number, rule: SendRule): Reservation {
  const slot = Math.max(nowUs, nextSlotUs);
  return { nextSlotUs: slot + rule.intervalUs, waitUs: slot - nowUs };
}

/**
 * Whether a request may leave now. `askedUs` is when it asked for its place (before any round trip), so
 * `askedUs + waitUs` is the earliest the place can be: a slow answer counts as lateness, never hides it.
 */
export function leavesOnTime(askedUs: number, waitUs: number, nowUs: number, rule: SendRule): boolean {
  return nowUs - (askedUs + waitUs) <= rule.toleranceUs;
}

// The reservation on Redis, atomically. KEYS[1]: the timeline; ARGV[1]: intervalUs; ARGV[2]: the clock in
// µs, or '' for Redis's own (TIME). Written with %.0f: Lua 5.1's tostring keeps only 14 digits and µs since
// 1970 have 16. The key expires a minute after the last reservation.
export const RESERVE_SLOT_LUA = `
local now
if ARGV[2] ~= nil and ARGV[2] ~= '' then
  now = tonumber(ARGV[2])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], string.format('%.0f', slot + tonumber(ARGV[1])), 'PX', 60000)
return slot - now`;
