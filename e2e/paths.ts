// Another port lets two runs share a machine (E2E_PORT=3300 npx playwright test …).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SIM_PORT = E2E_PORT + 1010;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** Where the app under test keeps its database and its output, for specs that inspect them. */
export const E2E_DATA_DIR = `./data/e2e-${E2E_PORT}`;
/** A run on another port builds into its own folder, so it never rebuilds under a running server. */
export const E2E_DIST_DIR = E2E_PORT === 3100 ? '.next' : `.next-e2e-${E2E_PORT}`;
