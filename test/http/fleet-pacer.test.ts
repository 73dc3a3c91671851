import { type LocalDiscord, startLocalDiscord } from '@pitboard/local-discord';
import { DefaultRestOptions, REST, Routes } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFleetPacer, type FleetPacer, pacedRequest } from '../../src/http/fleet-pacer.js';
import { type RedisHandle, startRedis } from '../support/redis-server.js';

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
    fallbackPerSecond: 20,
    logger: pino({ level: 'silent' }),
  });
  pacers.push(pacer);
  return new REST({
    api: discord.restUrl,
    offset: 0,
    makeRequest: pacedRequest(pacer, DefaultRestOptions.makeRequest),
  }).setToken(discord.token);
}

test('two workers sending 60 bot requests each at once: all answered, no 429', async () => {
  const workers = [await worker(), await worker()];
  const started = Date.now();
  await Promise.all(
    workers.flatMap((rest) => Array.from({ length: 60 }, () => rest.get(Routes.user('@me')))),
  );
  expect(discord.stats.byStatus.get(200)).toBe(120);
  expect(discord.stats.byStatus.get(429) ?? 0).toBe(0);
  // 120 requests at 40/s fleet-wide cannot take less than 3 s (a lower bound only: never flaky).
  expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
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
