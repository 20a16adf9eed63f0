import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Throwaway secrets for one run: tests never read or write the demo's secrets file.
const secret = () => randomBytes(32).toString('base64');

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.stryker-tmp/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AUTH_SECRET: secret(), CREDENTIALS_KEY: secret(), RECEIPT_KEY: secret() },
  },
});
