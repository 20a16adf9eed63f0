// Vitest for the mutation run (stryker.config.mjs): only the fast layer of the money rules, with no test
// database files, no sockets, no spawned processes. The slow proofs (test/proof) stay in `npm test`.
// Standalone on purpose: mergeConfig would append these globs to the main config's '**/*.test.ts'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export const FAST_MONEY_TESTS = [
  'lib/**/*.fast.test.ts',
  'lib/providers/*/map.test.ts',
  'lib/providers/fixtures.test.ts', // recorded wire bodies through the adapters (catalogue mapping included)
  // The documents' decision table through the real adapters (fake fetch, no sockets): the independent oracle.
  'test/proof/oracle/*.test.ts',
];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: FAST_MONEY_TESTS,
    exclude: ['node_modules/**', '.stryker-tmp/**'],
    environment: 'node',
    // No fast test waits on real time (each takes well under a second), so a test still running after 5 s
    // hangs under a mutant: failing it here kills the mutant without Stryker restarting its test runner.
    testTimeout: 5_000,
    hookTimeout: 60_000,
    pool: 'threads',
    // Stryker switches mutants at run time (one instrumented build), so modules need not be re-imported
    // for each mutant; static mutants, which would need it, are ignored (ignoreStatic).
    isolate: false,
  },
});
