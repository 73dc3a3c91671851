import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  createKeyValueStore,
  type KeyValueStore,
  StorageUnavailableError,
} from '../../src/store/key-value-store.js';
import { CorruptValueError, type GuildSettings, SettingsStore } from '../../src/store/settings-store.js';
import { guildSettings } from '../support/guild-settings.js';
import { freePort, type RedisHandle, startRedis } from '../support/redis-server.js';

const GUILD = '123456789012345678';
const settings = (overrides: Partial<GuildSettings> = {}): GuildSettings =>
  guildSettings({ guildId: GUILD, ...overrides });

let redis: RedisHandle;
const dirs: string[] = [];
const opened: KeyValueStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pitboard-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'pitboard.sqlite');
}

// Generous: a starved CI machine must not turn a slow answer into a failure. The outage tests pass their own.
async function open(url: string, timeoutMs = 10_000) {
  const store = await createKeyValueStore({ url, timeoutMs });
  opened.push(store);
  return store;
}

describe.each([
  ['sqlite', () => sqliteFile()],
  ['redis', () => redis.url],
])('%s store', (_kind, url) => {
  test('round-trips settings through zod; absent is null', async () => {
    const store = new SettingsStore(await open(url()));
    expect(await store.get(GUILD)).toBeNull();
    await store.save(settings());
    expect(await store.get(GUILD)).toEqual(settings());
    expect(await store.guildIds()).toEqual([GUILD]);
  });

  test('a corrupt stored value is an error, not "no settings"', async () => {
    const kv = await open(url());
    await kv.set(`settings:${GUILD}`, { guildId: GUILD, channelId: 42 });
    await expect(new SettingsStore(kv).get(GUILD)).rejects.toBeInstanceOf(CorruptValueError);
  });

  test('a write is durable once acknowledged: a new connection reads it', async () => {
    const target = url();
    await new SettingsStore(await open(target)).save(settings({ spoilerDelayHours: 3 }));
    const again = new SettingsStore(await open(target));
    expect((await again.get(GUILD))?.spoilerDelayHours).toBe(3);
  });

  test("getRecent: own writes at once, another process's write once the recent read is older than recentMs", async () => {
    const target = url();
    const OTHER_GUILD = '987654321098765432'; // not touched by the other tests (Redis is shared)
    let now = 1_000_000;
    const display = new SettingsStore(await open(target), { recentMs: 5_000, now: () => now });
    const other = new SettingsStore(await open(target));
    expect(display.peekRecent(OTHER_GUILD)).toBeUndefined();
    expect(await display.getRecent(OTHER_GUILD)).toBeNull();
    expect(display.peekRecent(OTHER_GUILD)).toBeNull(); // "no settings" is remembered too
    await display.save(settings({ guildId: OTHER_GUILD, spoilerDelayHours: 1 }));
    expect((await display.getRecent(OTHER_GUILD))?.spoilerDelayHours).toBe(1);
    await other.save(settings({ guildId: OTHER_GUILD, spoilerDelayHours: 2 }));
    now += 4_999;
    expect((await display.getRecent(OTHER_GUILD))?.spoilerDelayHours).toBe(1);
    expect((await display.get(OTHER_GUILD))?.spoilerDelayHours).toBe(2);
    await other.save(settings({ guildId: OTHER_GUILD, spoilerDelayHours: 3 }));
    now += 5_000;
    expect((await display.getRecent(OTHER_GUILD))?.spoilerDelayHours).toBe(3);
  });
});

describe('outages surface as errors within the timeout', () => {
  test('an unreachable Redis: opening fails within the timeout and leaves nothing that keeps the process alive', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const script = `import { createKeyValueStore } from './src/store/key-value-store.ts';
      await createKeyValueStore({ url: '${url}', timeoutMs: 500 }).catch((e) => console.log(e.name));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    // A client left reconnecting would keep it running until killed here (far above a normal exit).
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.once('exit', (c, s) => resolve([c, s])),
    );
    clearTimeout(killer);
    expect({ code, signal, stdout: stdout.trim() }).toEqual({
      code: 0,
      signal: null,
      stdout: 'StorageUnavailableError',
    });
  }, 45_000);

  test('redis stopped: reads and writes reject with StorageUnavailableError, and work again after restart', async () => {
    const local = await startRedis();
    try {
      const store = new SettingsStore(await open(local.url, 500));
      await store.save(settings());
      await local.stop();
      const started = Date.now();
      await expect(store.get(GUILD)).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(store.save(settings())).rejects.toBeInstanceOf(StorageUnavailableError);
      // Rejected, not left waiting for the server to come back: bounded far above the 500 ms timeout so that a
      // starved machine cannot fail it, far below the test's own timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
      await local.restart();
      await waitFor(
        async () =>
          await store.save(settings({ spoilerDelayHours: 5 })).then(
            () => true,
            () => false,
          ),
      );
      expect((await store.get(GUILD))?.spoilerDelayHours).toBe(5);
    } finally {
      await local.stop();
    }
  });

  test('sqlite locked by another process: writes reject instead of hanging', async () => {
    const file = sqliteFile();
    const store = new SettingsStore(await open(file, 1_500));
    await store.save(settings());
    const db = new sqlite3.Database(file);
    await new Promise<void>((resolve, reject) =>
      db.exec('BEGIN EXCLUSIVE', (e) => (e ? reject(e) : resolve())),
    );
    try {
      await expect(store.save(settings({ spoilerDelayHours: 9 }))).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
    } finally {
      await new Promise<void>((resolve) => db.exec('ROLLBACK', () => db.close(() => resolve())));
    }
    await store.save(settings({ spoilerDelayHours: 9 }));
    expect((await store.get(GUILD))?.spoilerDelayHours).toBe(9);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
