import { createHash } from 'node:crypto';

/**
 * Deterministic message nonce for one recap: the same season, round, server and channel always give the
 * same 25 characters, so a retried POST (after a timeout or a crash) is deduplicated by Discord
 * (`enforce_nonce`). Discord scopes nonces per bot, hence server and channel are part of it.
 */
export function recapNonce(seasonId: string, round: number, guildId: string, channelId: string): string {
  return createHash('sha256')
    .update(`${seasonId}\u0000${round}\u0000${guildId}\u0000${channelId}`)
    .digest('base64url')
    .slice(0, 25);
}
