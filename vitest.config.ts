import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Throwaway secrets for one run: tests never read or write the demo's secrets file.
const secret = () => randomBytes(32).toString('base64');
const env = { AUTH_SECRET: secret(), CREDENTIALS_KEY: secret(), RECEIPT_KEY: secret() };

const EXCLUDE = ['node_modules/**', '.next/**', 'e2e/**', '.stryker-tmp/**'];

/**
 * What runs again on PostgreSQL (TEST_ENGINE=postgres): every test whose database comes from the test
 * world (test/world), so the engine is the world's choice. Left out: tests of what only SQLite has
 * (the file, its backups, its in-process serialisation, its raw connection), the dialect tests (they
 * already compare both engines) and tests that never open a database.
 */
const SQLITE_ONLY = [
  'db/client.test.ts',
  'db/hot-path.test.ts',
  'db/database-url.test.ts',
  'lib/backup/**',
  'scripts/**',
  'test/dialects/**',
  'simulator/**',
  'lib/providers/*/**',
  'lib/providers/{fixtures,maps.fast,reference}.test.ts',
  'lib/time/**',
];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true as const,
        test: { name: 'sqlite', include: ['**/*.test.ts'], exclude: EXCLUDE, env },
      },
      // Only when a PostgreSQL server is at hand (scripts/pg-throwaway.sh sets TEST_DATABASE_URL).
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['**/*.test.ts'],
                exclude: [...EXCLUDE, ...SQLITE_ONLY],
                env: { ...env, TEST_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
