import type { RunSettings } from './budgets.js';

/** How much a full run measures (the lead's `npm run bench`). */
export const FULL: RunSettings = {
  quick: false,
  handlers: { calls: 10_000, warmup: 1_000 },
  uncached: { prefixes: 500, unknown: 100, passes: 5, largestPasses: 3 },
  growthSizes: [
    { rounds: 5, cars: 100, people: 400 },
    { rounds: 12, cars: 500, people: 2_000 },
    { rounds: 25, cars: 1_000, people: 5_000 },
    { rounds: 50, cars: 5_000, people: 20_000 },
  ],
  growthLoop: { calls: 10_000, warmup: 50, timeCapMs: 1_500, minCalls: 100 },
  e2e: { pairs: 800, warmupPairs: 50, warmupRounds: 300, profileMs: 1_500 },
  delivery: { samples: 200, blocks: 4, warmupRounds: 50 },
  throughput: { rates: [25, 50, 100, 200, 300, 400, 600, 800, 1_200], stepSeconds: 4 },
  startup: { runs: 7, clientRuns: 3, loadRuns: 20 },
  memory: { interactions: 10_000, manyGuilds: 2_500, repeats: 5 },
  fanOutGuilds: 10_000,
  fanOutRates: { guilds: 3_000, perSecond: [48, 50] },
  profileMs: 1_500,
  liveSamples: 20,
  // One sample on the largest season takes seconds (it reloads 50 rounds of 5,000 cars): 5 are enough.
  liveLargestSamples: 5,
};

/** --quick: fewer iterations and sizes; every section still runs. */
export const QUICK: RunSettings = {
  quick: true,
  handlers: { calls: 1_000, warmup: 100 },
  uncached: { prefixes: 100, unknown: 30, passes: 2, largestPasses: 1 },
  growthSizes: [
    { rounds: 5, cars: 100, people: 400 },
    { rounds: 12, cars: 500, people: 2_000 },
  ],
  growthLoop: { calls: 1_000, warmup: 20, timeCapMs: 300, minCalls: 50 },
  e2e: { pairs: 40, warmupPairs: 10, warmupRounds: 20, profileMs: 300 },
  delivery: { samples: 20, blocks: 2, warmupRounds: 5 },
  throughput: { rates: [25, 50, 100, 200, 400, 800], stepSeconds: 1.5 },
  startup: { runs: 2, clientRuns: 1, loadRuns: 5 },
  memory: { interactions: 1_000, manyGuilds: 250, repeats: 1 },
  fanOutGuilds: 500,
  fanOutRates: { guilds: 500, perSecond: [48] },
  profileMs: 300,
  liveSamples: 5,
};
