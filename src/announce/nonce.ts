import { createHash } from 'node:crypto';

/**
 * Deterministic message nonce for one recap: the same season, round, server, channel and replay run always
 * give the same 25 characters, so a retried POST (after a timeout or a crash) is deduplicated by Discord
 * (`enforce_nonce`). Discord scopes nonces per bot, hence server and channel are part of it; a new replay
 * run must not be deduplicated against the previous run's recap, hence the run.
 */
export function recapNonce(
  seasonId: string,
  round: number,
  guildId: string,
  channelId: string,
  run: string | null,
): string {
  const parts = [seasonId, round, guildId, channelId, ...(run === null ? [] : [run])];
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 25);
}
