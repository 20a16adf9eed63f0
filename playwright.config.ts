import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_DIST_DIR, E2E_PORT, E2E_SIM_PORT } from './e2e/paths';

/**
 * End-to-end: the real production build, started by the README's own start command on a fresh
 * database, with the real simulator over HTTP, driven by Debian's Chromium.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/e2e-${E2E_PORT}`,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm start`,
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      ...(E2E_DIST_DIR === '.next' ? {} : { NEXT_DIST_DIR: E2E_DIST_DIR }),
      DATABASE_PATH: `${E2E_DATA_DIR}/portal.db`,
      LOG_FILE: `${E2E_DATA_DIR}/server.log`,
      PORTAL_URL: E2E_BASE_URL,
      SIMULATOR_URL: `http://127.0.0.1:${E2E_SIM_PORT}`,
      PROVIDER_TIMEOUT_MS: '2500',
      REQUERY_DELAYS_MS: '1500,2000,3000,5000,8000,13000,21000,34000',
      NOT_FOUND_GRACE_MS: '4000',
      SIM_PENDING_RESOLVE_MS: '2500',
    },
  },
});
