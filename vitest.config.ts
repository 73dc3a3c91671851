import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Time limits for a busy two-core CI machine, not an idle laptop; slow cases set their own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Many test files start their own processes (local Discord, bot children, redis-server, tsx), so a
    // worker keeps more than one core busy: half the cores, at least one (one on a two-core machine).
    maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
  },
});
