import { type DestinationStream, type Logger, pino, stdSerializers } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Where secrets can appear in a log object: the bot token under any common key, and auth headers. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discord.token',
  '*.discord.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  // DiscordAPIError carries the request body; its files are image buffers, not something to log.
  'err.requestBody.files',
  '*.err.requestBody.files',
];

// Interaction and webhook tokens sit in REST URLs; they are credentials for 15 minutes.
const TOKEN_IN_URL = /\/(interactions|webhooks)\/(\d+)\/[^/?#]+/g;

export function redactUrlTokens(url: string): string {
  return url.replace(TOKEN_IN_URL, '/$1/$2/[redacted]');
}

function serializeError(err: unknown): unknown {
  const serialized = stdSerializers.err(err as Error) as Record<string, unknown>;
  if (typeof serialized.url === 'string') serialized.url = redactUrlTokens(serialized.url);
  if (typeof serialized.message === 'string') serialized.message = redactUrlTokens(serialized.message);
  if (typeof serialized.stack === 'string') serialized.stack = redactUrlTokens(serialized.stack);
  return serialized;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Defaults to stdout; tests pass a stream that collects lines. */
  destination?: DestinationStream;
  /** Fields on every line (e.g. `{ service: 'bot' }`). */
  base?: Record<string, unknown>;
}

/** Object-first structured logging: `log.info({ guildId, round }, 'recap sent')`. */
export function createLogger({ level = 'info', destination, base }: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: base ?? null,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
