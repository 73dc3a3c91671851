/**
 * Discord's REST rate limits as discord.js reads them: a global requests-per-second budget per bot and
 * per-route buckets keyed by the major parameter (channel, guild, webhook), announced with X-RateLimit-*.
 */

export interface BucketRule {
  /** `METHOD /route/template`, e.g. `POST /channels/:channelId/messages`; method `*` matches any. */
  route: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Requests per second for one bot token; 0 disables. Interaction endpoints are exempt. Default 50. */
  globalPerSecond?: number;
  /** Per-route buckets. Default: 5 messages per 5 s per channel for `POST /channels/:channelId/messages`. */
  buckets?: BucketRule[];
}

export const DEFAULT_BUCKETS: BucketRule[] = [
  { route: 'POST /channels/:channelId/messages', limit: 5, windowMs: 5000 },
];

export interface LimitVerdict {
  headers: Record<string, string>;
  /** Set when the request must be answered 429. */
  retryAfterMs?: number;
  global?: boolean;
}

interface Window {
  remaining: number;
  resetAt: number;
}

// The client clocks its own 1 s global window from when it sends; ours starts when we receive, a hair later.
// Ending ours a few ms early keeps a well-behaved client from ever seeing a false 429.
const GLOBAL_SLACK_MS = 10;

function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, '0') + text.length.toString(16).padStart(4, '0');
}

export class RateLimiter {
  globalPerSecond: number;
  #rules: BucketRule[];
  #global: Window = { remaining: 0, resetAt: 0 };
  #windows = new Map<string, Window>();

  constructor(options: RateLimitOptions = {}) {
    this.globalPerSecond = options.globalPerSecond ?? 50;
    this.#rules = options.buckets ?? DEFAULT_BUCKETS;
  }

  setBuckets(rules: BucketRule[]): void {
    this.#rules = rules;
    this.#windows.clear();
  }

  get buckets(): readonly BucketRule[] {
    return this.#rules;
  }

  /** Counts one request against the bot's global budget. */
  takeGlobal(now: number): LimitVerdict | null {
    if (this.globalPerSecond <= 0) return null;
    const w = this.#global;
    if (now >= w.resetAt - GLOBAL_SLACK_MS) {
      w.remaining = this.globalPerSecond;
      w.resetAt = now + 1000;
    }
    if (w.remaining <= 0) {
      return {
        global: true,
        retryAfterMs: Math.max(1, w.resetAt - now),
        headers: { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
      };
    }
    w.remaining--;
    return null;
  }

  /** Counts one request against its route bucket; always returns the headers to send. */
  takeBucket(method: string, template: string, major: string, now: number): LimitVerdict | null {
    const rule = this.#rules.find((r) => {
      const [m, route] = r.route.includes(' ') ? r.route.split(' ', 2) : ['*', r.route];
      return (m === '*' || m === method) && route === template;
    });
    if (!rule) return null;
    const bucket = hashOf(rule.route);
    const key = `${bucket}:${major}`;
    let w = this.#windows.get(key);
    if (!w || now >= w.resetAt) {
      w = { remaining: rule.limit, resetAt: now + rule.windowMs };
      this.#windows.set(key, w);
    }
    const limited = w.remaining <= 0;
    if (!limited) w.remaining--;
    const resetAfterMs = Math.max(0, w.resetAt - now);
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(rule.limit),
      'X-RateLimit-Remaining': String(w.remaining),
      'X-RateLimit-Reset': (w.resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': (resetAfterMs / 1000).toFixed(3),
      'X-RateLimit-Bucket': bucket,
    };
    if (limited) {
      headers['X-RateLimit-Scope'] = 'user';
      return { headers, retryAfterMs: Math.max(1, resetAfterMs) };
    }
    return { headers };
  }
}
