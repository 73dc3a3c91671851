import {
  createKeyValueStore,
  type KeyValueStore,
  StorageUnavailableError,
  type StoreOptions,
} from './key-value-store.js';
import { parseStoreUrl } from './store-url.js';

/**
 * A store that the bot can start without: while the backend cannot be opened (Redis down at start-up),
 * every call fails with StorageUnavailableError — query commands keep answering, /setup says storage is
 * unavailable — and the next call after `retryMs` tries to open it again.
 */
export function createResilientStore(
  options: StoreOptions & { retryMs?: number },
): KeyValueStore & { ready(): Promise<boolean> } {
  const retryMs = options.retryMs ?? 2_000;
  let inner: KeyValueStore | null = null;
  let opening: Promise<KeyValueStore | null> | null = null;
  let lastAttempt = 0;
  let lastError: unknown = null;
  let closed = false;

  const open = (): Promise<KeyValueStore | null> => {
    if (inner) return Promise.resolve(inner);
    if (opening) return opening;
    if (Date.now() - lastAttempt < retryMs && lastAttempt > 0) return Promise.resolve(null);
    lastAttempt = Date.now();
    opening = createKeyValueStore(options).then(
      (store) => {
        opening = null;
        if (closed) {
          void store.close();
          return null;
        }
        inner = store;
        return store;
      },
      (error: unknown) => {
        opening = null;
        lastError = error;
        return null;
      },
    );
    return opening;
  };
  const use = async () => {
    const store = await open();
    if (!store)
      throw new StorageUnavailableError(
        `storage is not available: ${(lastError as Error)?.message ?? 'not opened'}`,
      );
    return store;
  };
  return {
    get kind() {
      const location = parseStoreUrl(options.url);
      return inner?.kind ?? ('kind' in location ? location.kind : 'sqlite');
    },
    get: async (key) => (await use()).get(key),
    set: async (key, value) => (await use()).set(key, value),
    delete: async (key) => (await use()).delete(key),
    holdLease: async (name, ttlMs) => (await use()).holdLease(name, ttlMs),
    releaseLease: async (name) => (await use()).releaseLease(name),
    addToSet: async (name, member) => (await use()).addToSet(name, member),
    removeFromSet: async (name, member) => (await use()).removeFromSet(name, member),
    setMembers: async (name) => (await use()).setMembers(name),
    ready: async () => (await open()) !== null,
    close: async () => {
      closed = true;
      await inner?.close();
      inner = null;
    },
  };
}
