/** Ports, files and settings of one bench run. Nothing here reads lib/env: the orchestrator never does. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
export const SKIP_BUILD =
  process.argv.includes('--skip-build') || process.env.BENCH_SKIP_BUILD === '1';

/** `--engine postgres` runs the portal on PostgreSQL; SQLite (the embedded default) otherwise. */
function engineFlag(): 'sqlite' | 'postgres' {
  const i = process.argv.indexOf('--engine');
  const value = i >= 0 ? process.argv[i + 1] : (process.env.BENCH_ENGINE ?? 'sqlite');
  if (value !== 'sqlite' && value !== 'postgres')
    throw new Error(`--engine ${value}: expected sqlite or postgres`);
  return value;
}
export const ENGINE = engineFlag();
/** The PostgreSQL server the bench makes its databases on (CREATE DATABASE), when it runs on one. */
export const PG_SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

export const PORTAL_PORT = Number(process.env.BENCH_PORTAL_PORT ?? 3200);
/** Where the n-th portal process listens: PORTAL_PORT, then the ports after it. */
export const portalUrlOf = (n: number) => `http://${HOST}:${PORTAL_PORT + n}`;
export const SIM_PORT = Number(process.env.BENCH_SIM_PORT ?? 4210);
export const HOST = '127.0.0.1';
export const PORTAL_URL = `http://${HOST}:${PORTAL_PORT}`;
export const SIMULATOR_URL = `http://${HOST}:${SIM_PORT}`;

export const DIST_DIR = '.next-bench';
export const DATA_DIR = path.join('data', 'bench');
export const PORTAL_DB = path.join(DATA_DIR, 'portal.db');
export const LEDGER_DB = path.join(DATA_DIR, 'ceiling-ledger.db');
export const RAW_DB = path.join(DATA_DIR, 'ceiling-raw.db');
export const RAW_UNPREPARED_DB = path.join(DATA_DIR, 'ceiling-raw-unprepared.db');
export const COMMIT_DB = path.join(DATA_DIR, 'ceiling-commit.db');
export const RESULTS_DIR = path.join('bench', 'results');

export const BENCH_AGENT = {
  email: 'bench@bench.test',
  password: 'bench-agent-pass',
  name: 'Bench Kiosk',
  floatMinor: 100_000_000_000, // ₦1bn: never the limit of a run
};

/** Airtime face value of every bench sale, in major units as the form posts it. */
export const SALE_AMOUNT_MAJOR = '100';

/** Provider behaviour for the run: short timeouts and requery delays so the mixed phase drains in seconds. */
export const PORTAL_SETTINGS = {
  PROVIDER_TIMEOUT_MS: '3000',
  REQUERY_DELAYS_MS: '1000,1000,2000,2000,3000,5000,8000,13000',
  NOT_FOUND_GRACE_MS: '4000',
  REQUERY_WORKER: 'on',
};
export const SIM_SETTINGS = { pendingResolveMs: 2000, timeoutHoldMs: 10000 };

/** Seconds per phase: warm-up (not recorded) then measured. */
export const DURATION = QUICK
  ? { warmup: 1, dbCeiling: 2, health: 2, pipeline: 3, mixed: 4, drainMax: 20, pages: 2 }
  : { warmup: 2, dbCeiling: 5, health: 5, pipeline: 10, mixed: 15, drainMax: 30, pages: 5 };

/** The portal runs in production mode, which needs its secrets: fresh ones for each run. */
const secret = () => randomBytes(32).toString('base64');
const SECRETS = { AUTH_SECRET: secret(), CREDENTIALS_KEY: secret(), RECEIPT_KEY: secret() };

/**
 * On PostgreSQL the bench's databases are test worlds (test/world) on the bench's server: each a
 * fresh copy of the migrated schema (CREATE DATABASE … TEMPLATE), seeded like the SQLite file.
 */
const pgWorldEnv = (): Record<string, string> =>
  ENGINE === 'postgres' && PG_SERVER_URL
    ? { TEST_ENGINE: 'postgres', TEST_DATABASE_URL: PG_SERVER_URL }
    : {};

/** The env every bench child (prepare, db ceiling, portal) gets, so they agree on files and settings. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...pgWorldEnv(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_PATH: PORTAL_DB,
    PORTAL_URL,
    NEXTAUTH_URL: PORTAL_URL,
    SIMULATOR_URL,
    ...PORTAL_SETTINGS,
    ...SECRETS,
    ...extra,
  };
}
