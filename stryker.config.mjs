// Mutation testing of the money modules: `npm run test:mutation` (not part of `npm test`).
// The fast layer (vitest.mutation.config.ts) runs per mutant; incremental mode reuses earlier results for
// unchanged code and tests (reports/stryker-incremental.json), so a re-run only pays for what changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'lib/purchases/**/*.ts',
    '!lib/purchases/**/*.test.ts',
    'lib/ledger/**/*.ts',
    '!lib/ledger/**/*.test.ts',
    'lib/providers/*/map.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two test runners for the two cores: each is one Vitest process running its tests in a single thread.
  concurrency: 2,
  // A mutant times out after (its tests' net time in the initial run × timeoutFactor + timeoutMS + the
  // initial run's overhead). No fast test waits on real time (a replay's pauses and the answer budget's
  // timer are the test's own) and a test still running after 5 s fails (vitest.mutation.config.ts), so
  // this timer fires only for a synchronous hang Stryker's hit limit misses. The margin is for a busy
  // machine: a run slowed past a tight timeout is reported Timeout, i.e. detected, even when it survives.
  timeoutMS: 5_000,
  timeoutFactor: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
