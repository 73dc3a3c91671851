/**
 * Mutation testing of the guarantee modules (docs/mutation.md). `npm run mutate` runs every group below,
 * one after the other, each with only the tests that pin it; `npm run mutate -- ledger` runs one group.
 * A plain `npx stryker run` uses this default export: every guarantee module against every in-process test
 * (slower, since a module-level mutant then runs them all).
 *
 * Kept light for a shared 2-core machine: one test runner, per-test coverage so a mutant runs only the
 * tests that reach it, incremental results kept in test/mutation/ so a later run re-tests only what changed.
 */

/**
 * Each group: the modules it mutates, the in-process tests that pin them (vitest.mutation.config.ts runs only
 * those), the score below which `npm run mutate:ci` fails (null: measured by `npm run mutate` only), and
 * optionally StrykerJS options of its own (`options`).
 */
export const MUTATION_GROUPS = {
  text: {
    mutate: ['src/replies/text.ts', 'src/replies/safe-text.ts'],
    testFiles: [
      'test/replies/safe-text-escaping.test.ts',
      'test/replies/safe-text-markup-helpers.test.ts',
      'test/replies/text-helpers.test.ts',
      'test/replies/country-names.test.ts',
      'test/i18n/country-names.test.ts',
      'test/commands/data-text-safety.test.ts',
    ],
    break: 90,
  },
  clamp: {
    mutate: ['src/replies/limits.ts', 'src/core/reply.ts'],
    testFiles: [
      'test/replies/reply-clamping.test.ts',
      'test/replies/embed-footers-within-total.test.ts',
      'test/commands/discord-limits.test.ts',
      'test/discord/callback-body.test.ts',
    ],
    break: 90,
  },
  ledger: {
    mutate: ['src/store/ledger.ts', 'src/announce/nonce.ts', 'src/announce/due.ts'],
    testFiles: [
      'test/store/ledger-states.test.ts',
      'test/announce/recap-nonce.test.ts',
      'test/announce/due-recaps.test.ts',
      'test/announce/recap-poller.test.ts',
      // In process, although among the child-process tests: live rounds' windows and edits.
      'test/recaps/live-recap-poller.test.ts',
    ],
    break: 90,
  },
  poller: {
    mutate: ['src/announce/recap-poller.ts'],
    testFiles: [
      'test/announce/recap-poller-states.test.ts',
      'test/announce/recap-poller-lease-and-loss.test.ts',
      'test/announce/recap-poller-live-edits.test.ts',
      'test/announce/recap-poller.test.ts',
      'test/announce/lease.test.ts',
      'test/recaps/live-recap-poller.test.ts',
    ],
    break: 90,
  },
  settings: {
    // Logic over the store (the settings index, the data-loss marker, the store URL): its mutants never touch
    // a connection, so the test runner survives each of them.
    mutate: ['src/store/settings-store.ts', 'src/store/store-epoch.ts', 'src/store/store-url.ts'],
    testFiles: [
      'test/announce/store.test.ts',
      'test/announce/store-sets-and-epoch.test.ts',
      'test/announce/store-url.test.ts',
      'test/store/settings-store-keys-and-values.test.ts',
      'test/store/settings-recent-reads.test.ts',
      'test/store/store-url-edges.test.ts',
      'test/store/store-epoch-edges.test.ts',
      'test/announce/recap-poller-lease-and-loss.test.ts',
    ],
    break: 90,
  },
  storage: {
    // The connections themselves. Manual: a mutant that leaves a SQLite call in flight crashes the test
    // runner's worker thread (node-sqlite3), and StrykerJS restarts it every time (docs/mutation.md).
    mutate: ['src/store/key-value-store.ts'],
    testFiles: [
      'test/announce/store.test.ts',
      'test/announce/store-sets-and-epoch.test.ts',
      'test/store/settings-store-keys-and-values.test.ts',
      'test/announce/lease.test.ts',
    ],
    break: null,
  },
  season: {
    // The loader's guarantee modules. 166 of its mutants are module-level (limits and patterns at the top of
    // a file), and each of those runs all of the group's tests: too slow for CI on a shared machine, so
    // `ignoreStatic` leaves them out and the score is of the other mutants (docs/mutation.md); the limits
    // themselves are pinned at their exact edges by loader-value-limits and loader-file-reading.
    mutate: [
      'src/season/read-season-file.ts',
      'src/season/yaml-value-limits.ts',
      'src/season/season-folders.ts',
      'src/season/load.ts',
    ],
    testFiles: [
      'test/season/season-file-messages.test.ts',
      'test/season/hostile-files.test.ts',
      'test/season/traps.test.ts',
      'test/season/broken-data.test.ts',
      'test/season/loader-value-limits.test.ts',
      'test/season/loader-file-reading.test.ts',
      'test/season/loader-folders.test.ts',
      'test/season/loader-caps-and-rounds.test.ts',
    ],
    // Manual: on a starved CI machine its dry run (two million values walked under instrumentation, 8 MB
    // files read byte by byte) outlasted a test timeout; run `npm run mutate -- season` by hand.
    break: null,
    options: { ignoreStatic: true },
  },
  watcher: {
    // The hot reload's decisions (which model each season serves, what is added, changed, kept, refused or
    // removed), a pure function since 2 December; the file-event and debounce code around it is covered by
    // the watch tests, whose real file events and loader threads are too slow to run per mutant.
    mutate: ['src/season/reload-plan.ts'],
    testFiles: ['test/season/reload-plan.test.ts'],
    break: 90,
  },
  channel: {
    mutate: ['src/discord/channel-check.ts'],
    testFiles: ['test/discord/channel-check.test.ts'],
    break: 90,
  },
  setup: {
    mutate: ['commands/setup.ts', 'src/setup/*.ts'],
    // In-process calls of the handler (the child-process tests in test/recaps/ and test/e2e/ cannot kill mutants).
    testFiles: [
      'test/commands/setup-command-answers.test.ts',
      'test/commands/definitions.test.ts',
      'test/core/date-time.test.ts',
      'test/i18n/setup-language.test.ts',
      'test/i18n/translated-admin-replies.test.ts',
      'test/commands/setup-permission-and-storage-errors.test.ts',
      'test/commands/setup-replay-start.test.ts',
      'test/commands/setup-show-lines.test.ts',
      'test/commands/setup-private-answers.test.ts',
      'test/commands/setup-replay-schedule.test.ts',
      'test/commands/setup-show-edges.test.ts',
      'test/commands/setup-announcements-input.test.ts',
    ],
    break: 90,
  },
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `related` would narrow the tests by import graph; the groups name their tests instead.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  // Let every covering test finish: bailing at the first failure tears the test worker down while SQLite
  // calls are still in flight, and node-sqlite3 then aborts the whole process (napi_throw, SIGABRT).
  disableBail: true,
  mutate: Object.values(MUTATION_GROUPS).flatMap((group) => group.mutate),
  // Anchored at the root: a bare 'pictures' would also drop src/pictures/ from the sandbox.
  ignorePatterns: ['/bench', '/dist', '/var', '/pictures', '/tmp', '/reports', '/docs'],
  incremental: true,
  incrementalFile: 'test/mutation/incremental/all.json',
  reporters: ['clear-text', 'html'],
  htmlReporter: { fileName: 'reports/mutation/all.html' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  // A busy shared machine: allow slow tests; an endless loop is still caught.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
