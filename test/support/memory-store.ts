import type { KeyValueStore } from '../../src/store/key-value-store.js';

/** A KeyValueStore in memory, recording the keys read: for the logic over a store, not the storage itself. */
export function memoryStore(): KeyValueStore & { reads: string[] } {
  const values = new Map<string, unknown>();
  const sets = new Map<string, Set<string>>();
  const reads: string[] = [];
  return {
    kind: 'sqlite',
    reads,
    async get(key) {
      reads.push(key);
      return values.get(key);
    },
    async set(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      values.delete(key);
    },
    async holdLease() {
      return true;
    },
    async releaseLease() {},
    async addToSet(name, member) {
      sets.set(name, (sets.get(name) ?? new Set()).add(member));
    },
    async removeFromSet(name, member) {
      sets.get(name)?.delete(member);
    },
    async setMembers(name) {
      return [...(sets.get(name) ?? [])];
    },
    async close() {},
  };
}
