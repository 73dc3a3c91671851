/** The few Redis commands the move of older keys needs (node-redis's client has them). */
export interface LegacyKeyClient {
  exists(key: string): Promise<number>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
  renameNX(key: string, newKey: string): Promise<number>;
}

/** Pitboard's keys as keyv's default namespace wrote them on Redis before they were under `pitboard:v1:`. */
const LEGACY_PATTERNS = ['keyv::settings:*', 'keyv::recap:*', 'keyv::last-recap:*', 'keyv::guild-index'];

/**
 * Moves Pitboard's keys written under keyv's default `keyv::` prefix to `<namespace>:`, once: only while the
 * namespace has no epoch marker yet (a store never used in the new layout). Without this an upgraded bot
 * would find no settings and say "Recaps are off" to every server. Only Pitboard's own key shapes move
 * (another application's `keyv::` keys stay), and RENAMENX never overwrites: two processes upgrading at
 * once move each key once.
 */
export async function moveLegacyRedisKeys(
  client: LegacyKeyClient,
  namespace: string,
  markerKey: string,
): Promise<number> {
  if ((await client.exists(markerKey)) > 0) return 0;
  let moved = 0;
  for (const pattern of LEGACY_PATTERNS)
    for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 500 }))
      for (const key of keys)
        moved += await client.renameNX(key, `${namespace}:${key.slice('keyv::'.length)}`).catch(() => 0);
  return moved;
}
