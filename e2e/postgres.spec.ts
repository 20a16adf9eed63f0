// The portal on PostgreSQL, end to end: three portal processes (the production build, each with its own
// requery worker) on one PostgreSQL database, beside the suite's simulator. A sale through the browser
// on one of them, then N API sales spread over all three at a wallet funded for exactly k.
// Needs TEST_DATABASE_URL (a server whose user may create databases; `.ci/run` and
// scripts/pg-throwaway.sh provide one); without it the file skips and says why.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO, magicNumber, signIn } from './helpers';
import { E2E_DIST_DIR, E2E_PORT, E2E_SIM_PORT } from './paths';

const serverUrl = process.env.TEST_DATABASE_URL;
test.skip(!serverUrl, 'TEST_DATABASE_URL is not set (scripts/pg-throwaway.sh sets it)');
test.describe.configure({ mode: 'serial' });

const PORTS = [E2E_PORT + 21, E2E_PORT + 22, E2E_PORT + 23];
const K = 5; // sales the wallet can pay for
const N = 12; // sales fired across the three portals
const AMOUNT_MINOR = 20_000;
const portalUrl = (port: number) => `http://127.0.0.1:${port}`;

const database = `portal_e2e_${randomBytes(4).toString('hex')}`;
let databaseUrl = '';
let processes: ChildProcess[] = [];
let world: { agentId: number; productId: number; apiKey: string; cost: number };

/** The same environment for the setup, the checks and the three portals: one database, one key set. */
function portalEnv(port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DEMO: 'on',
    DATABASE_URL: databaseUrl,
    SIMULATOR_URL: `http://127.0.0.1:${E2E_SIM_PORT}`,
    AUTH_SECRET: secrets.AUTH_SECRET,
    CREDENTIALS_KEY: secrets.CREDENTIALS_KEY,
    RECEIPT_KEY: secrets.RECEIPT_KEY,
    BACKUP_SCHEDULE: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
    PROVIDER_TIMEOUT_MS: '2500',
    REQUERY_DELAYS_MS: '1500,2000,3000,5000,8000,13000,21000,34000',
    NOT_FOUND_GRACE_MS: '4000',
    ...(E2E_DIST_DIR === '.next' ? {} : { NEXT_DIST_DIR: E2E_DIST_DIR }),
    ...(port ? { PORTAL_URL: portalUrl(port), NEXTAUTH_URL: portalUrl(port) } : {}),
  };
}
const secrets = {
  AUTH_SECRET: randomBytes(32).toString('base64'),
  CREDENTIALS_KEY: randomBytes(32).toString('base64'),
  RECEIPT_KEY: randomBytes(32).toString('base64'),
};

function runScript(script: string, args: string[]): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: portalEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return out.trim().split('\n').at(-1)!;
}

async function admin(query: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function healthy(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${portalUrl(port)}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`portal on ${port} did not become healthy`);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await admin(`create database ${database}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  world = JSON.parse(runScript('e2e/postgres/setup.ts', [String(K), String(AMOUNT_MINOR)]));
  processes = PORTS.map((port) =>
    spawn(process.execPath, ['--import', 'tsx', 'scripts/portal-server.ts'], {
      env: portalEnv(port),
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await Promise.all(PORTS.map(healthy));
});

test.afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM');
  await Promise.all(
    processes.map((child) =>
      child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
    ),
  );
  if (databaseUrl) await admin(`drop database if exists ${database} with (force)`);
});

test('an agent sells airtime through the browser on a portal that runs on PostgreSQL', async ({
  browser,
}) => {
  test.setTimeout(180_000); // two portals, two sign-ins and a sale: more than one page's budget
  const context = await browser.newContext({ baseURL: portalUrl(PORTS[0]!) });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  await page.goto('/buy/airtime');
  const number = magicNumber('0803', '00');
  await page.getByLabel("Customer's number").fill(number);
  await expect(page.getByTestId('detected-network')).toContainText('MTN');
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send MTN airtime/ }).click();
  await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
  // Another portal process reads the same database: the sale is in its history.
  const other = await browser.newContext({ baseURL: portalUrl(PORTS[1]!) });
  const otherPage = await other.newPage();
  await signIn(otherPage, DEMO.agent);
  await otherPage.goto(`/transactions?q=${number}`);
  const row = otherPage.getByTestId('history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'SUCCESS');
  await expect(row).toContainText('₦500.00');
  await context.close();
  await other.close();
});

test(`${N} sales over three portals at a wallet funded for ${K}: exactly ${K} pass, each resolved once`, async ({
  request,
}) => {
  test.setTimeout(180_000);
  // Ending 51: pending at first, delivered on requery, so the three portals' requery workers all see
  // the same pending sales and race to resolve them.
  const answers = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      request.post(`${portalUrl(PORTS[i % PORTS.length]!)}/api/v1/sales`, {
        headers: {
          Authorization: `Bearer ${world.apiKey}`,
          'Idempotency-Key': `race-${database}-${i}`,
        },
        data: {
          productId: world.productId,
          phone: magicNumber('0803', '51'),
          amountMinor: AMOUNT_MINOR,
        },
      }),
    ),
  );
  const statuses = answers.map((a) => a.status());
  expect(statuses.filter((s) => s === 201 || s === 202)).toHaveLength(K);
  // Every other sale is refused (4xx, problem+json) and moves no money: most for funds (402); the API's
  // per-key rate limit may refuse a few of 12 simultaneous requests (429) — the money checks below hold.
  const refused = statuses.filter((s) => s !== 201 && s !== 202);
  expect(refused, `statuses: ${statuses.join(', ')}`).toHaveLength(N - K);
  for (const status of refused)
    expect(status, `statuses: ${statuses.join(', ')}`).toBeLessThan(500);

  type Check = {
    balance: number;
    reserved: number;
    sales: { id: number; status: string; resolutions: number; settled: number }[];
    violations: string[];
  };
  const check = () =>
    JSON.parse(runScript('e2e/postgres/check.ts', [String(world.agentId)])) as Check;
  await expect
    .poll(() => check().sales.filter((s) => s.status !== 'SUCCESS').length, { timeout: 90_000 })
    .toBe(0);
  const final = check();
  expect(final.sales).toHaveLength(K);
  expect(final.balance).toBe(0);
  expect(final.reserved).toBe(0);
  for (const sale of final.sales) {
    expect(sale.resolutions, `sale ${sale.id}`).toBe(1);
    expect(sale.settled, `sale ${sale.id}`).toBe(1);
  }
  expect(final.violations).toEqual([]);
});
