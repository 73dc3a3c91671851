/** Scripted REST failures: 429s, 5xx, slow answers and answers that never arrive. */

export type RestFaultAction =
  /** Answer 429 with Retry-After (scope `user`, or `global` with X-RateLimit-Global). */
  | { type: 'rate-limit'; retryAfterMs: number; global?: boolean; scope?: 'user' | 'shared' | 'global' }
  /** Answer this status (e.g. 500, 502, 503) without processing. */
  | { type: 'status'; status: number; body?: unknown }
  /** Wait, then process normally. */
  | { type: 'delay'; ms: number }
  /**
   * Process the request normally (messages are stored), then never deliver the answer: `hang` keeps the
   * socket open until the client times out (AbortError), `reset` destroys it (ECONNRESET). Either way
   * discord.js retries the request.
   */
  | { type: 'lose-response'; mode?: 'hang' | 'reset' }
  /** Swallow the request unprocessed and never answer (the client times out). */
  | { type: 'hang' };

export interface RestFaultRule {
  /** HTTP method; any when omitted. */
  method?: string;
  /** Route template, e.g. `/channels/:channelId/messages` (see `ROUTE_TEMPLATES`); any when omitted. */
  route?: string;
  /** Tested against the decoded path after `/api/v10`. */
  path?: RegExp;
  /** How many matching requests it affects; default 1, `Infinity` for all. */
  times?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  action: RestFaultAction;
}

export interface FaultHandle {
  readonly rule: RestFaultRule;
  /** Requests this fault has been applied to. */
  readonly hits: number;
  remove(): void;
}

interface ActiveFault {
  rule: RestFaultRule;
  hits: number;
  seen: number;
  removed: boolean;
}

export class RestFaults {
  #active: ActiveFault[] = [];

  add(rule: RestFaultRule): FaultHandle {
    const fault: ActiveFault = { rule, hits: 0, seen: 0, removed: false };
    this.#active.push(fault);
    const remove = () => {
      fault.removed = true;
      this.#active = this.#active.filter((f) => f !== fault);
    };
    return {
      rule,
      get hits() {
        return fault.hits;
      },
      remove,
    };
  }

  clear(): void {
    for (const f of this.#active) f.removed = true;
    this.#active = [];
  }

  /** The action to apply to this request, if any, consuming one use of the matching fault. */
  take(method: string, route: string | null, path: string): RestFaultAction | null {
    for (const fault of this.#active) {
      const { rule } = fault;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.route && rule.route !== route) continue;
      if (rule.path && !rule.path.test(path)) continue;
      fault.seen++;
      if (fault.seen <= (rule.skip ?? 0)) continue;
      fault.hits++;
      if (fault.hits >= (rule.times ?? 1)) {
        this.#active = this.#active.filter((f) => f !== fault);
      }
      return rule.action;
    }
    return null;
  }
}
