import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, loadEnvFile } from '../../src/config.js';

const APP_ID = '123456789012345678';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  test('.env.example parses as it is (copied to .env it must start the sandbox)', () => {
    const env: Record<string, string> = {};
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    // Same rules as process.loadEnvFile: KEY=value, "#" starts a comment.
    for (const line of text.split('\n')) {
      const match = /^([A-Z_]+)=(.*?)\s*(?:#.*)?$/.exec(line);
      if (match?.[1]) env[match[1]] = match[2] ?? '';
    }
    expect(Object.keys(env)).toContain('PITBOARD_STORE_URL');
    expect(loadConfig(env).recaps.schedule).toBe('*/20 * * * * *');
  });

  test('bad recap settings are named', () => {
    expect(
      problemsOf({
        PITBOARD_CATCH_UP_HOURS: 'soon',
        PITBOARD_RECAP_SCHEDULE: 'every minute',
        PITBOARD_STORE_URL: 'mysql://x',
      }).toSorted(),
    ).toEqual([
      'PITBOARD_CATCH_UP_HOURS: must be a number of hours',
      'PITBOARD_RECAP_SCHEDULE: must be a node-cron expression such as */20 * * * * *',
      'PITBOARD_STORE_URL: must be a SQLite file path, sqlite://path or redis://host:port',
    ]);
  });

  test('an empty environment gives development defaults', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      discord: { token: null, applicationId: null, guildId: null, apiUrl: null },
      logLevel: 'info',
      dataDir: 'data/seasons',
      defaultSeason: null,
      recaps: { storeUrl: 'var/pitboard.sqlite', catchUpHours: 48, schedule: '*/20 * * * * *' },
      mode: 'gateway',
      http: { publicKey: null, host: '127.0.0.1', port: 8080, path: '/interactions' },
      workers: 1,
    });
  });

  test('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api',
      LOG_LEVEL: 'debug',
      PITBOARD_DATA_DIR: '/srv/seasons',
      PITBOARD_DEFAULT_SEASON: '2013-blancpain-endurance',
      PITBOARD_STORE_URL: 'redis://127.0.0.1:6379',
      PITBOARD_CATCH_UP_HOURS: '12',
      PITBOARD_RECAP_SCHEDULE: '*/5 * * * * *',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      discord: {
        token: 'abc.def.ghi',
        applicationId: APP_ID,
        guildId: '876543210987654321',
        apiUrl: 'http://127.0.0.1:4000/api',
      },
      logLevel: 'debug',
      dataDir: '/srv/seasons',
      defaultSeason: '2013-blancpain-endurance',
      recaps: { storeUrl: 'redis://127.0.0.1:6379', catchUpHours: 12, schedule: '*/5 * * * * *' },
      mode: 'gateway',
      http: { publicKey: null, host: '127.0.0.1', port: 8080, path: '/interactions' },
      workers: 1,
    });
  });

  test('an empty string counts as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: '',
      LOG_LEVEL: '',
      DISCORD_API_URL: '  ',
      PITBOARD_DATA_DIR: '',
    });
    expect(config.discord.token).toBeNull();
    expect(config.discord.apiUrl).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.dataDir).toBe('data/seasons');
  });

  test('production needs a token and an application id, empty or not', () => {
    expect(problemsOf({ NODE_ENV: 'production', DISCORD_TOKEN: '' })).toEqual([
      'DISCORD_TOKEN: required when NODE_ENV=production',
      'DISCORD_APPLICATION_ID: required when NODE_ENV=production',
    ]);
  });

  test('development runs without a token', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).discord.token).toBeNull();
  });

  test('a bad LOG_LEVEL names the variable and the allowed levels', () => {
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual([
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  test('every problem is reported at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      LOG_LEVEL: 'verbose',
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'localhost:4000',
      PITBOARD_DEFAULT_SEASON: '2013 Blancpain',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'LOG_LEVEL',
      'PITBOARD_DEFAULT_SEASON',
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID',
    ]);
  });

  test('the error message lists the problems and never echoes the token', () => {
    const secret = 'super secret token';
    expect(() => loadConfig({ DISCORD_TOKEN: secret, NODE_ENV: 'staging' })).toThrowError(
      /Invalid environment:\n {2}- NODE_ENV: .*\n {2}- DISCORD_TOKEN: must not contain whitespace/,
    );
    expect(() => loadConfig({ DISCORD_TOKEN: secret })).not.toThrowError(new RegExp(secret));
  });
});

describe('loadEnvFile', () => {
  const touched = ['PITBOARD_TEST_FROM_FILE', 'PITBOARD_TEST_FROM_ENV'];
  afterEach(() => {
    for (const name of touched) delete process.env[name];
  });

  test('loads an existing file without overriding the environment', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pitboard-env-')), '.env');
    writeFileSync(file, 'PITBOARD_TEST_FROM_FILE=file\nPITBOARD_TEST_FROM_ENV=file\n');
    process.env.PITBOARD_TEST_FROM_ENV = 'env';
    expect(loadEnvFile(file)).toBe(true);
    expect(process.env.PITBOARD_TEST_FROM_FILE).toBe('file');
    expect(process.env.PITBOARD_TEST_FROM_ENV).toBe('env');
  });

  test('a missing file is not an error', () => {
    expect(loadEnvFile(join(tmpdir(), 'no-such-dir-pitboard', '.env'))).toBe(false);
  });
});
