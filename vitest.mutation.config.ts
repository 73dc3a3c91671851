import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against mutants (see stryker.config.mjs, docs/mutation.md). Only tests that run
 * the mutated code in the test process itself: a mutant is switched on inside that process, so tests that
 * exercise the bot in a child process (recap fan-out, end-to-end, npm start, the CLI) cannot kill one and
 * would only slow every run down.
 *
 * MUTATION_TESTS (comma-separated test files, set by scripts/mutate.mjs per group) narrows the run to the
 * tests that pin one group. Stryker's own `testFiles` is not used: with it, StrykerJS 9.6 switches a
 * module-level mutant on only after the module was loaded, so such mutants survive unseen
 * (stryker-js issue 6144).
 */
const scoped = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

/**
 * Folders and files of child-process tests, left out of an unscoped run. A group names its tests one by one,
 * so it may name an in-process test that lives among them (test/recaps/live-recap-poller.test.ts).
 */
const CHILD_PROCESS_TESTS = [
  'test/recaps/**',
  'test/e2e/**',
  'test/sandbox/**',
  'test/local-discord/**',
  'test/discord/e2e-*.test.ts',
  'test/cli/cli.test.ts',
];

export default defineConfig({
  test: {
    include: scoped && scoped.length > 0 ? scoped : ['test/**/*.test.ts'],
    exclude: scoped && scoped.length > 0 ? [] : CHILD_PROCESS_TESTS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
