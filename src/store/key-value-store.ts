import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { StorageUnavailableError } from './errors.js';
import { type LegacyKeyClient, moveLegacyRedisKeys } from './redis-legacy-keys.js';
import { MARKER_SET_NAME } from './store-epoch.js';
import { parseStoreUrl } from './store-url.js';

export { CorruptValueError, StorageUnavailableError } from './errors.js';

/** The few operations Pitboard needs, every one bounded by a timeout and failing loudly. */
export interface KeyValueStore {
  readonly kind: 'sqlite' | 'redis';
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Take or keep a named lease for `ttlMs` (leader election between processes sharing the store). True when
   * this process holds it. SQLite serves one process, so there it is always true.
   */
  holdLease(name: string, ttlMs: number): Promise<boolean>;
  /** Give a lease up at a graceful stop, so another process takes over at once instead of after its TTL. */
  releaseLease(name: string): Promise<void>;
  /**
   * Named sets of strings, each change atomic on the server (Redis SADD/SREM; SQLite INSERT OR IGNORE):
   * processes sharing the store add members at once without a read-modify-write that could drop one.
   */
  addToSet(name: string, member: string): Promise<void>;
  removeFromSet(name: string, member: string): Promise<void>;
  setMembers(name: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `sqlite:///absolute/path.sqlite`, `sqlite://relative/path.sqlite`, a plain file path, or `redis://host:port`. */
  url: string;
  /** Bounds every call; an outage must surface as an error, not a hang. */
  timeoutMs?: number;
  /** Key namespace; includes the schema version so an incompatible layout never reads old values. */
  namespace?: string;
}

export const STORE_NAMESPACE = 'pitboard:v1';

export async function createKeyValueStore(options: StoreOptions): Promise<KeyValueStore> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const namespace = options.namespace ?? STORE_NAMESPACE;
  const location = parseStoreUrl(options.url);
  if ('problem' in location) throw new Error(`PITBOARD_STORE_URL: ${location.problem}`);
  if (location.kind === 'redis') return createRedisStore(location.url, namespace, timeoutMs);
  return createSqliteStore(resolve(location.path), namespace, timeoutMs);
}

async function createSqliteStore(path: string, namespace: string, timeoutMs: number): Promise<KeyValueStore> {
  mkdirSync(dirname(path), { recursive: true });
  // Each backend is loaded when chosen: the Redis client alone is megabytes of heap a SQLite bot never uses.
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  // No SQLite busy timeout: its busy handler sleeps on Node's main thread (measured: the event loop froze
  // for as long as another connection held a lock). A locked database fails at once with SQLITE_BUSY
  // instead, and the wrapper retries on timers, so commands keep being answered meanwhile.
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}` });
  // node-sqlite3 sets a 1000 ms busy timeout on every connection; turn it off.
  await withTimeout(adapter.query('PRAGMA busy_timeout = 0'), timeoutMs, 'configure SQLite');
  // WAL keeps readers (commands) unblocked while the poller writes; each write stays durable on return.
  await withTimeout(
    retryWhileBusy(() => adapter.query('PRAGMA journal_mode=WAL'), timeoutMs),
    timeoutMs,
    'enable WAL',
  );
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
  await withTimeout(
    retryWhileBusy(() => adapter.query(CREATE_SETS_TABLE), timeoutMs),
    timeoutMs,
    'create the sets table',
  );
  const setName = (name: string) => `${namespace}:${name}`;
  const sets: Sets = {
    add: async (name, member) => {
      await adapter.query(
        'INSERT OR IGNORE INTO pitboard_sets (name, member) VALUES (?, ?)',
        setName(name),
        member,
      );
    },
    remove: async (name, member) => {
      await adapter.query('DELETE FROM pitboard_sets WHERE name = ? AND member = ?', setName(name), member);
    },
    members: async (name) =>
      (
        (await adapter.query('SELECT member FROM pitboard_sets WHERE name = ?', setName(name))) as {
          member: string;
        }[]
      ).map((row) => row.member),
  };
  const leases: Leases = { hold: async () => true, release: async () => {} };
  return wrap('sqlite', keyv, timeoutMs, leases, sets, async () => {
    await adapter.disconnect();
  });
}

async function createRedisStore(url: string, namespace: string, timeoutMs: number): Promise<KeyValueStore> {
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  // Without the offline queue, commands fail at once while Redis is down instead of piling up.
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  client.on('error', () => {
    // Reported through the failing calls; the client reconnects by itself.
  });
  const setKey = (name: string) => `${namespace}:set:${name}`;
  try {
    await withTimeout(client.connect(), timeoutMs, 'connect to Redis');
    await withTimeout(
      moveLegacyRedisKeys(client as unknown as LegacyKeyClient, namespace, setKey(MARKER_SET_NAME)),
      timeoutMs * 5,
      'move keys written before pitboard:v1',
    );
  } catch (error) {
    // A client left behind keeps reconnecting forever and holds the process open (the sandbox never exited).
    try {
      client.destroy();
    } catch {
      // Already closed.
    }
    throw error;
  }
  // The adapter swallows errors unless told otherwise: an outage must never read as "no settings".
  const adapter = new KeyvRedis(client as never, {
    namespace,
    keyPrefixSeparator: ':',
    throwOnErrors: true,
    throwOnConnectError: true,
  });
  // Keyv hands its own namespace (default "keyv") to the adapter: give it ours, and let the adapter alone
  // prefix, so keys read `pitboard:v1:settings:…` on Redis as on SQLite.
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true, useKeyPrefix: false });
  const holder = randomUUID();
  const leaseKey = (name: string) => `${namespace}:lease:${name}`;
  const leases: Leases = {
    hold: async (name, ttlMs) =>
      (await client.eval(ACQUIRE_OR_RENEW, {
        keys: [leaseKey(name)],
        arguments: [holder, String(Math.max(1, Math.round(ttlMs)))],
      })) === 1,
    release: async (name) => {
      await client.eval(RELEASE_IF_OURS, { keys: [leaseKey(name)], arguments: [holder] });
    },
  };
  const sets: Sets = {
    add: async (name, member) => {
      await client.sAdd(setKey(name), member);
    },
    remove: async (name, member) => {
      await client.sRem(setKey(name), member);
    },
    members: (name) => client.sMembers(setKey(name)),
  };
  return wrap('redis', keyv, timeoutMs, leases, sets, async () => {
    await client.destroy();
  });
}

/** Atomically: take the lease if free, extend it if ours, else refuse. Never released early: it expires. */
const ACQUIRE_OR_RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Leases {
  hold(name: string, ttlMs: number): Promise<boolean>;
  release(name: string): Promise<void>;
}

interface Sets {
  add(name: string, member: string): Promise<void>;
  remove(name: string, member: string): Promise<void>;
  members(name: string): Promise<string[]>;
}

/** SQLite's sets: one row per member; the primary key makes a repeated add a no-op, across processes too. */
const CREATE_SETS_TABLE =
  'CREATE TABLE IF NOT EXISTS pitboard_sets (name TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (name, member)) WITHOUT ROWID';

function wrap(
  kind: KeyValueStore['kind'],
  keyv: Keyv,
  timeoutMs: number,
  leases: Leases,
  sets: Sets,
  close: () => Promise<void>,
): KeyValueStore {
  keyv.on('error', () => {
    // throwOnErrors makes every failing call reject; the event is redundant.
  });
  const retry = <T>(work: () => Promise<T>) => (kind === 'sqlite' ? retryWhileBusy(work, timeoutMs) : work());
  return {
    kind,
    get: (key) =>
      withTimeout(
        retry(() => keyv.get(key)),
        timeoutMs,
        `read ${key}`,
      ),
    set: async (key, value) => {
      const ok = await withTimeout(
        retry(() => keyv.set(key, value)),
        timeoutMs,
        `write ${key}`,
      );
      if (ok === false) throw new StorageUnavailableError(`write ${key} was not acknowledged`);
    },
    delete: async (key) => {
      await withTimeout(
        retry(() => keyv.delete(key)),
        timeoutMs,
        `delete ${key}`,
      );
    },
    holdLease: (name, ttlMs) => withTimeout(leases.hold(name, ttlMs), timeoutMs, `lease ${name}`),
    releaseLease: (name) => withTimeout(leases.release(name), timeoutMs, `release ${name}`),
    addToSet: (name, member) =>
      withTimeout(
        retry(() => sets.add(name, member)),
        timeoutMs,
        `add to set ${name}`,
      ),
    removeFromSet: (name, member) =>
      withTimeout(
        retry(() => sets.remove(name, member)),
        timeoutMs,
        `remove from set ${name}`,
      ),
    setMembers: (name) =>
      withTimeout(
        retry(() => sets.members(name)),
        timeoutMs,
        `list set ${name}`,
      ),
    close: () => withTimeout(close(), timeoutMs, 'close').catch(() => undefined),
  };
}

function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === 'SQLITE_BUSY' ||
    e?.code === 'SQLITE_LOCKED' ||
    /SQLITE_BUSY|database is locked/i.test(String(e?.message ?? ''))
  );
}

/** Retry a SQLite call that found the database locked, on timers (never blocking), until `withinMs` has passed. */
async function retryWhileBusy<T>(work: () => Promise<T>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 100)) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() + delay >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StorageUnavailableError(`storage did not answer within ${ms} ms (${what})`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    throw new StorageUnavailableError(
      `storage failed (${what}): ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
