import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const KEY = 'a'.repeat(64);

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('HTTP mode configuration', () => {
  test('gateway is the default; the endpoint defaults to 127.0.0.1:8080/interactions', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('gateway');
    expect(config.http).toEqual({ publicKey: null, host: '127.0.0.1', port: 8080, path: '/interactions' });
  });

  test('PITBOARD_MODE=http with its variables', () => {
    const config = loadConfig({
      PITBOARD_MODE: 'http',
      DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
      PITBOARD_HTTP_HOST: '0.0.0.0',
      PITBOARD_HTTP_PORT: '3000',
      PITBOARD_HTTP_PATH: '/discord/interactions',
    });
    expect(config.mode).toBe('http');
    expect(config.http).toEqual({
      publicKey: KEY,
      host: '0.0.0.0',
      port: 3000,
      path: '/discord/interactions',
    });
  });

  test.each([
    [
      { PITBOARD_MODE: 'http', DISCORD_TOKEN: 'a.b.c' },
      'DISCORD_PUBLIC_KEY: required when PITBOARD_MODE=http',
    ],
    [{ DISCORD_PUBLIC_KEY: 'abc' }, 'DISCORD_PUBLIC_KEY: must be the application public key: 64 hex digits'],
    [{ DISCORD_PUBLIC_KEY: 'g'.repeat(64) }, 'DISCORD_PUBLIC_KEY: must be the application public key'],
    [{ PITBOARD_MODE: 'websocket' }, 'PITBOARD_MODE: must be gateway or http'],
    [{ PITBOARD_HTTP_PORT: '70000' }, 'PITBOARD_HTTP_PORT:'],
    [{ PITBOARD_HTTP_PATH: 'interactions' }, 'PITBOARD_HTTP_PATH: must be a path such as /interactions'],
  ])('%o is refused naming the variable', (env, expected) => {
    expect(problems(env).some((problem) => problem.startsWith(expected))).toBe(true);
  });
});

describe('PITBOARD_WORKERS', () => {
  const http = { PITBOARD_MODE: 'http', DISCORD_PUBLIC_KEY: KEY };
  test('one process unless HTTP mode shares a Redis store; then one per core unless set', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ ...http, PITBOARD_STORE_URL: 'var/x.sqlite' }).workers).toBe(1);
    expect(
      loadConfig({ ...http, PITBOARD_STORE_URL: 'redis://127.0.0.1:6379' }).workers,
    ).toBeGreaterThanOrEqual(1);
    expect(
      loadConfig({ ...http, PITBOARD_STORE_URL: 'redis://127.0.0.1:6379', PITBOARD_WORKERS: '3' }).workers,
    ).toBe(3);
  });

  test.each([
    [
      { PITBOARD_WORKERS: '2', PITBOARD_STORE_URL: 'redis://h:1' },
      'PITBOARD_WORKERS: more than 1 needs PITBOARD_MODE=http',
    ],
    [{ ...http, PITBOARD_WORKERS: '2' }, 'PITBOARD_WORKERS: more than 1 needs a redis:// PITBOARD_STORE_URL'],
    [{ PITBOARD_WORKERS: '0' }, 'PITBOARD_WORKERS:'],
  ])('%o is refused', (env, expected) => {
    expect(problems(env).some((problem) => problem.startsWith(expected))).toBe(true);
  });
});
