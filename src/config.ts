import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import cron from 'node-cron';
import { z } from 'zod';
import { parseDateTime } from './core/date-time.js';
import { parseStoreUrl } from './store/store-url.js';

function isCronExpression(value: string): boolean {
  return cron.validate(value);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  discord: {
    /** Bot token; null only outside production (the CLI and data checks need none). */
    token: string | null;
    applicationId: string | null;
    /** Development: register commands in this guild only (instant) instead of globally. */
    guildId: string | null;
    /** REST base override, e.g. http://127.0.0.1:PORT/api for the local Discord. */
    apiUrl: string | null;
  };
  logLevel: LogLevel;
  /** PITBOARD_NOW: every "now" pinned to this instant (demos, tests); absent = real time. */
  pinnedNow?: Date;
  dataDir: string;
  defaultSeason: string | null;
  recaps: {
    /** keyv store: a SQLite file path (default var/pitboard.sqlite) or a redis:// URL. */
    storeUrl: string;
    /** Recaps that became due longer ago than this are never posted (no flood after downtime). */
    catchUpHours: number;
    /** node-cron expression (with seconds) of the recap poll; UTC. */
    schedule: string;
    /**
     * Processes sharing Redis elect one recap poller by a lease this long (default 60 s): after its holder
     * dies, another takes over within it. Must exceed the poll interval.
     */
    leaseMs?: number;
  };
  /** How Discord delivers interactions: a gateway connection (default, also when absent) or HTTP POSTs. */
  mode?: 'gateway' | 'http';
  /** The HTTP interactions endpoint; loadConfig always fills it, configs built by hand may leave it out. */
  http?: HttpEndpointConfig;
  /** HTTP mode: worker processes on this machine (node:cluster); more than 1 needs a Redis store. */
  workers?: number;
}

export interface HttpEndpointConfig {
  /** The application's Ed25519 public key (hex), checked against every request; required in HTTP mode. */
  publicKey: string | null;
  host: string;
  port: number;
  /** Path of the Interactions Endpoint URL; the health route is `/health`. */
  path: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

// `.env` files commonly carry `KEY=` for "not set"; treat that the same as an absent variable.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

// The same parser as /setup replay's start: an impossible date is named, never rolled over.
const pinnedNow = z.string().transform((text, context) => {
  const parsed = parseDateTime(text, { timeOfDay: '00:00:00' });
  if (parsed.ok) return parsed.date;
  context.addIssue({
    code: 'custom',
    message:
      parsed.reason === 'impossible'
        ? parsed.problem
        : 'must be an ISO date-time such as 2013-07-01T12:00:00Z',
  });
  return z.NEVER;
});

const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  DISCORD_TOKEN: optional(z.string().regex(/^\S+$/, 'must not contain whitespace')),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:PORT/api' }),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  PITBOARD_DATA_DIR: optional(z.string()),
  PITBOARD_STORE_URL: optional(
    z.string().refine((v) => !('problem' in parseStoreUrl(v)), {
      error: (issue) => {
        const parsed = parseStoreUrl(String(issue.input));
        return 'problem' in parsed ? parsed.problem : 'is not valid';
      },
    }),
  ),
  PITBOARD_CATCH_UP_HOURS: optional(z.coerce.number({ error: 'must be a number of hours' }).min(0).max(8760)),
  PITBOARD_RECAP_SCHEDULE: optional(
    z.string().refine(isCronExpression, 'must be a node-cron expression such as */20 * * * * *'),
  ),
  PITBOARD_NOW: optional(pinnedNow),
  PITBOARD_MODE: optional(z.enum(['gateway', 'http'], { error: 'must be gateway or http' })),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the application public key: 64 hex digits (General Information)'),
  ),
  PITBOARD_HTTP_HOST: optional(z.string().regex(/^[^\s/]+$/, 'must be a host name or IP address')),
  PITBOARD_HTTP_PORT: optional(
    z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65535),
  ),
  PITBOARD_HTTP_PATH: optional(z.string().regex(/^\/[\w\-./]*$/, 'must be a path such as /interactions')),
  PITBOARD_RECAP_LEASE_SECONDS: optional(
    z.coerce.number({ error: 'must be a number of seconds' }).min(2, 'must be at least 2 seconds').max(3600),
  ),
  PITBOARD_WORKERS: optional(
    z.coerce.number({ error: 'must be a number of processes' }).int('must be a whole number').min(1).max(256),
  ),
  PITBOARD_DEFAULT_SEASON: optional(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case season id such as 2013-blancpain'),
  ),
});

const REQUIRED_IN_PRODUCTION = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const;

/**
 * Validates the environment and reports every problem at once, each naming its variable.
 * Pure: reads only `env` (load `.env` first with {@link loadEnvFile}).
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  const isProduction = env.NODE_ENV === 'production';
  for (const name of REQUIRED_IN_PRODUCTION) {
    if (isProduction && !env[name]?.trim()) problems.push(`${name}: required when NODE_ENV=production`);
  }

  // Without a token `npm start` is the sandbox, whose local Discord supplies its own key.
  const given = parsed.success ? parsed.data : null;
  if (given?.PITBOARD_MODE === 'http' && given.DISCORD_TOKEN && !given.DISCORD_PUBLIC_KEY)
    problems.push('DISCORD_PUBLIC_KEY: required when PITBOARD_MODE=http (General Information → Public Key)');

  if (given?.PITBOARD_WORKERS !== undefined && given.PITBOARD_WORKERS > 1) {
    if (given.PITBOARD_MODE !== 'http')
      problems.push(
        'PITBOARD_WORKERS: more than 1 needs PITBOARD_MODE=http (a gateway session is not shared)',
      );
    if (!given.PITBOARD_STORE_URL?.startsWith('redis'))
      problems.push(
        'PITBOARD_WORKERS: more than 1 needs a redis:// PITBOARD_STORE_URL (workers share state)',
      );
  }

  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const vars = parsed.data;
  return {
    nodeEnv: vars.NODE_ENV ?? 'development',
    discord: {
      token: vars.DISCORD_TOKEN ?? null,
      applicationId: vars.DISCORD_APPLICATION_ID ?? null,
      guildId: vars.DISCORD_GUILD_ID ?? null,
      apiUrl: vars.DISCORD_API_URL ?? null,
    },
    logLevel: vars.LOG_LEVEL ?? 'info',
    ...(vars.PITBOARD_NOW ? { pinnedNow: vars.PITBOARD_NOW } : {}),
    dataDir: vars.PITBOARD_DATA_DIR ?? 'data/seasons',
    defaultSeason: vars.PITBOARD_DEFAULT_SEASON ?? null,
    recaps: {
      storeUrl: vars.PITBOARD_STORE_URL ?? 'var/pitboard.sqlite',
      catchUpHours: vars.PITBOARD_CATCH_UP_HOURS ?? 48,
      schedule: vars.PITBOARD_RECAP_SCHEDULE ?? '*/20 * * * * *',
      ...(vars.PITBOARD_RECAP_LEASE_SECONDS !== undefined && {
        leaseMs: vars.PITBOARD_RECAP_LEASE_SECONDS * 1000,
      }),
    },
    mode: vars.PITBOARD_MODE ?? 'gateway',
    http: {
      publicKey: vars.DISCORD_PUBLIC_KEY?.toLowerCase() ?? null,
      host: vars.PITBOARD_HTTP_HOST ?? '127.0.0.1',
      port: vars.PITBOARD_HTTP_PORT ?? 8080,
      path: vars.PITBOARD_HTTP_PATH ?? '/interactions',
    },
    workers: vars.PITBOARD_WORKERS ?? defaultWorkers(vars.PITBOARD_MODE, vars.PITBOARD_STORE_URL),
  };
}

/** PITBOARD_NOW alone, for the offline CLI (which needs no Discord variables); a ConfigError when invalid. */
export function readPinnedNow(env: Env): Date | null {
  const parsed = optional(pinnedNow).safeParse(env.PITBOARD_NOW);
  if (parsed.success) return parsed.data ?? null;
  throw new ConfigError(parsed.error.issues.map((issue) => `PITBOARD_NOW: ${issue.message}`));
}

/** One per core in HTTP mode with a shared (Redis) store; otherwise one process. */
function defaultWorkers(mode: string | undefined, storeUrl: string | undefined): number {
  return mode === 'http' && storeUrl?.startsWith('redis') ? availableParallelism() : 1;
}

/**
 * Loads `path` into process.env when it exists (variables already set in the environment win).
 * Returns whether a file was loaded.
 */
export function loadEnvFile(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

/** Start-up entry point: `.env` (if any) then {@link loadConfig} over process.env. */
export function readConfig(envFile = '.env'): Config {
  loadEnvFile(envFile);
  return loadConfig(process.env);
}
