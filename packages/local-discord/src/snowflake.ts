const DISCORD_EPOCH = 1_420_070_400_000n;
/** Fixture ids (guilds, channels, users) sit at a fixed instant so they stay the same from run to run. */
const FIXTURE_EPOCH_MS = 1_704_067_200_000n; // 2024-01-01T00:00:00Z

/** Increasing Discord snowflakes (19 digits today) stamped with the current time. */
export class SnowflakeFactory {
  #lastMs = 0n;
  #increment = 0n;

  next(now: number = Date.now()): string {
    let ms = BigInt(now);
    if (ms <= this.#lastMs) {
      ms = this.#lastMs;
      this.#increment++;
      if (this.#increment > 4095n) {
        ms++;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.#increment).toString();
  }
}

/** Deterministic snowflake number `n` of a fixture family (0–31). */
export function fixtureSnowflake(family: number, n: number): string {
  const ms = FIXTURE_EPOCH_MS + BigInt(Math.floor(n / 4096)) - DISCORD_EPOCH;
  return ((ms << 22n) | (BigInt(family & 31) << 17n) | BigInt(n % 4096)).toString();
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * Like {@link fixtureSnowflake}, but the n-th id is n milliseconds later: real servers were created at
 * different times, so their ids spread over shards ((id >> 22) % shard_count) instead of all landing on one.
 */
export function spreadFixtureSnowflake(family: number, n: number): string {
  const ms = FIXTURE_EPOCH_MS + BigInt(n) - DISCORD_EPOCH;
  return ((ms << 22n) | (BigInt(family & 31) << 17n) | BigInt(n % 4096)).toString();
}
