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
  // A mutant times out after (its tests' net time in the initial run × timeoutFactor + timeoutMS). The fast
  // layer never waits on real time (an injected pause for a replay, a budget timer the test ends), so a
  // mutant either finishes in its tests' own time or hangs for good: the margin only absorbs a busy machine.
  timeoutMS: 3_000,
  timeoutFactor: 1.5,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
