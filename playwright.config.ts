import { defineConfig } from '@playwright/test';

// Another port lets two runs share a machine (E2E_PORT=3300 npx playwright test …).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SIM_PORT = PORT + 1010;
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end: the real production build, started by the README's own start command on a fresh
 * database, with the real simulator over HTTP, driven by Debian's Chromium.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/e2e-${PORT}`,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `rm -rf data/e2e-${PORT} && npm start`,
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      // A run on another port builds into its own folder, so it never rebuilds under a running server.
      ...(PORT === 3100 ? {} : { NEXT_DIST_DIR: `.next-e2e-${PORT}` }),
      DATABASE_PATH: `./data/e2e-${PORT}/portal.db`,
      PORTAL_URL: E2E_BASE_URL,
      SIMULATOR_URL: `http://127.0.0.1:${SIM_PORT}`,
      PROVIDER_TIMEOUT_MS: '2500',
      REQUERY_DELAYS_MS: '1500,2000,3000,5000,8000,13000,21000,34000',
      NOT_FOUND_GRACE_MS: '4000',
      SIM_PENDING_RESOLVE_MS: '2500',
    },
  },
});
