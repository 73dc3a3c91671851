import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { DefaultRestOptions, REST, Routes } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFleetPacer, type FleetPacer, pacedRequest } from '../../src/http/fleet-pacer.js';
import { RESERVE_SLOT_LUA, reserveSlot, sendRuleAt } from '../../src/http/send-window.js';
import { freePort, type RedisHandle, startRedis } from '../support/redis-server.js';

/**
 * Two processes' REST clients (each with its own Redis connection, as two workers have) against a Discord
 * that answers 429 past 50 bot requests per second: paced together, the fleet never receives a 429,
 * though each discord.js client alone would allow itself 50 per second.
 */
let redis: RedisHandle;
let discord: LocalDiscord;
const pacers: FleetPacer[] = [];

beforeAll(async () => {
  redis = await startRedis();
  discord = await startLocalDiscord();
});

afterAll(async () => {
  for (const pacer of pacers) await pacer.close();
  await discord?.close();
  await redis?.stop();
});

async function worker(): Promise<REST> {
  const pacer = await createFleetPacer({
    redisUrl: redis.url,
    fleetProcesses: 2,
    logger: pino({ level: 'silent' }),
  });
  pacers.push(pacer);
  return new REST({
    api: discord.restUrl,
    offset: 0,
    makeRequest: pacedRequest(pacer, DefaultRestOptions.makeRequest),
  }).setToken(discord.token);
}

test('two workers sending 60 bot requests each at once: all answered, no 429', {
  timeout: 30_000,
}, async () => {
  const workers = [await worker(), await worker()];
  const started = Date.now();
  await Promise.all(
    workers.flatMap((rest) => Array.from({ length: 60 }, () => rest.get(Routes.user('@me')))),
  );
  expect(discord.stats.byStatus.get(200)).toBe(120);
  expect(discord.stats.byStatus.get(429) ?? 0).toBe(0);
  // 120 requests 1/47 s apart fleet-wide cannot take less than 2.5 s (a lower bound only: never flaky).
  expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
});

test('with Redis away, a worker paces alone at its share of the fleet rate', async () => {
  const pacer = await createFleetPacer({
    redisUrl: `redis://127.0.0.1:${await freePort()}`,
    fleetProcesses: 2,
    logger: pino({ level: 'silent' }),
  });
  pacers.push(pacer);
  const started = performance.now();
  for (let i = 0; i < 5; i++) await pacer.wait();
  // Half of 47/s: places 42.6 ms apart, so 5 requests span at least 4 × 42.6 ms (a lower bound only).
  expect(performance.now() - started).toBeGreaterThanOrEqual(165);
});

test('interaction webhooks (token-authenticated) are not paced', async () => {
  let waited = 0;
  const counting: FleetPacer = {
    async wait() {
      waited++;
    },
    async close() {},
  };
  const send = pacedRequest(counting, async () => 'sent');
  await send('http://x/webhooks/1/token', { headers: { 'Content-Type': 'application/json' } });
  await send('http://x/channels/1/messages', { headers: { Authorization: 'Bot abc' } });
  expect(waited).toBe(1);
});

test('Redis reserves places exactly as the local pacer does, step for step on one clock', async () => {
  const { createClient } = await import('@keyv/redis');
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    const rule = sendRuleAt(47);
    let nextSlotUs = 0;
    // µs since 1970 (16 digits, as Redis's TIME gives); steps from 0 to 3 places, so the timeline both
    // runs ahead of the clock and falls idle.
    let now = 1_764_668_000_123_457;
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 48271) % 2_147_483_647;
      now += (seed % 4) * Math.floor(rule.intervalUs / (1 + (seed % 3)));
      const local = reserveSlot(nextSlotUs, now, rule);
      nextSlotUs = local.nextSlotUs;
      const remote = await client.eval(RESERVE_SLOT_LUA, {
        keys: ['agree'],
        arguments: [String(rule.intervalUs), String(now)],
      });
      expect({ i, waitUs: Number(remote) }).toEqual({ i, waitUs: local.waitUs });
    }
  } finally {
    client.destroy();
  }
});
