// Authorisation matrix: every page, route handler and server action, requested as anonymous, agent A,
// agent B, a disabled agent (its session from before the disable), an admin, and an admin who gave
// the password but not the second factor (adminNo2fa), compared with the
// DECLARED table below. Routes are enumerated from app/ at test time: a page, route or action that the
// table does not cover fails the suite, so a new door cannot open unreviewed.
import fs from 'node:fs';
import path from 'node:path';
import {
  expect,
  test,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
} from '@playwright/test';
import { createApiKeyInBrowser } from './api-key-helpers';
import { DEMO, magicNumber, signIn, signInPasswordOnly } from './helpers';
import { ACTIONS, exportedActions, serverActionFiles } from './server-actions';
import { E2E_BASE_URL, E2E_DIST_DIR } from './paths';

test.use({ trace: 'off' }); // contexts are shared across tests; per-test tracing cannot follow them

type Who = 'anon' | 'agentA' | 'agentB' | 'disabled' | 'admin' | 'adminNo2fa';
const WHO: Who[] = ['anon', 'agentA', 'agentB', 'disabled', 'admin', 'adminNo2fa'];

/** What a request may get: a page (200), a redirect to a path, or an HTTP status. */
type Outcome =
  'ok' | '→/sign-in' | '→/sign-in/verify' | '→/dashboard' | '→/admin' | 401 | 403 | 404 | 400;

const agentPage = {
  anon: '→/sign-in',
  agentA: 'ok',
  agentB: 'ok',
  disabled: '→/sign-in',
  admin: '→/admin',
  adminNo2fa: '→/admin',
} as const;
const adminPage = {
  anon: '→/sign-in',
  agentA: '→/dashboard',
  agentB: '→/dashboard',
  disabled: '→/sign-in',
  admin: 'ok',
  adminNo2fa: '→/sign-in/verify',
} as const;
const agentApi = {
  anon: 401,
  agentA: 200,
  agentB: 200,
  disabled: 401,
  admin: 403,
  adminNo2fa: 403,
} as const;
const everyone = <O>(o: O): Record<Who, O> => ({
  anon: o,
  agentA: o,
  agentB: o,
  disabled: o,
  admin: o,
  adminNo2fa: o,
});

// ---------- the declared table ----------
// `:saleA` is one of agent A's sales, `:agentA` agent A's user id. Agent B must never see agent A's data.

const PAGES: Record<string, { url: string; expect: Record<Who, Outcome> }> = {
  '/': {
    url: '/',
    expect: {
      anon: '→/sign-in',
      agentA: '→/dashboard',
      agentB: '→/dashboard',
      disabled: '→/sign-in',
      admin: '→/admin',
      adminNo2fa: '→/sign-in/verify',
    },
  },
  '/sign-in': {
    url: '/sign-in',
    expect: {
      anon: 'ok',
      agentA: '→/dashboard',
      agentB: '→/dashboard',
      disabled: 'ok',
      admin: '→/admin',
      adminNo2fa: '→/sign-in/verify',
    },
  },
  // The second step (and step-up for a verified admin); an agent without a factor has nothing to confirm.
  '/sign-in/verify': {
    url: '/sign-in/verify',
    expect: {
      anon: '→/sign-in',
      agentA: '→/dashboard',
      agentB: '→/dashboard',
      disabled: '→/sign-in',
      admin: 'ok',
      adminNo2fa: 'ok',
    },
  },
  // Enrolment: agents opt in; a session owing its factor proves it first.
  '/sign-in/enrol': {
    url: '/sign-in/enrol',
    expect: {
      anon: '→/sign-in',
      agentA: 'ok',
      agentB: 'ok',
      disabled: '→/sign-in',
      admin: 'ok',
      adminNo2fa: '→/sign-in/verify',
    },
  },
  '/r/[token]': { url: '/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', expect: everyone(404) },
  '/dashboard': { url: '/dashboard', expect: agentPage },
  '/buy/airtime': { url: '/buy/airtime', expect: agentPage },
  '/buy/data': { url: '/buy/data', expect: agentPage },
  '/buy/bills': { url: '/buy/bills', expect: agentPage },
  '/buy/electricity': { url: '/buy/electricity', expect: agentPage },
  '/buy/tv': { url: '/buy/tv', expect: agentPage },
  '/catalogue': { url: '/catalogue', expect: agentPage },
  '/transactions': { url: '/transactions', expect: agentPage },
  '/transactions/[id]': { url: '/transactions/:saleA', expect: { ...agentPage, agentB: 404 } },
  '/wallet': { url: '/wallet', expect: agentPage },
  '/wallet/funding': { url: '/wallet/funding', expect: agentPage },
  '/beneficiaries': { url: '/beneficiaries', expect: agentPage },
  '/account': { url: '/account', expect: agentPage },
  '/account/api-keys': { url: '/account/api-keys', expect: agentPage },
  '/developers': { url: '/developers', expect: everyone('ok') },
  '/bulk': { url: '/bulk', expect: agentPage },
  '/bulk/[id]': { url: '/bulk/:bulkA', expect: { ...agentPage, agentB: 404 } },
  '/webhooks': { url: '/webhooks', expect: agentPage },
  '/webhooks/[id]': { url: '/webhooks/:webhookA', expect: { ...agentPage, agentB: 404 } },
  '/admin': { url: '/admin', expect: adminPage },
  '/admin/agents': { url: '/admin/agents', expect: adminPage },
  '/admin/admins': { url: '/admin/admins', expect: adminPage },
  '/admin/agents/new': { url: '/admin/agents/new', expect: adminPage },
  '/admin/agents/[id]': { url: '/admin/agents/:agentA', expect: adminPage },
  '/admin/audit': { url: '/admin/audit', expect: adminPage },
  '/admin/api-keys': { url: '/admin/api-keys', expect: adminPage },
  '/admin/catalogue': { url: '/admin/catalogue', expect: adminPage },
  '/admin/funding': { url: '/admin/funding', expect: adminPage },
  '/admin/providers': { url: '/admin/providers', expect: adminPage },
  '/admin/providers/[id]': { url: '/admin/providers/vtpass', expect: adminPage },
  '/admin/providers/routing': { url: '/admin/providers/routing', expect: adminPage },
  '/admin/reconcile': { url: '/admin/reconcile', expect: adminPage },
  '/admin/review': { url: '/admin/review', expect: adminPage },
  '/admin/transactions': { url: '/admin/transactions', expect: adminPage },
  '/admin/transactions/[id]': { url: '/admin/transactions/:saleA', expect: adminPage },
};

type KeyHolder = 'none' | 'agentA' | 'agentB' | 'disabled' | 'readOnlyA';
const KEY_HOLDERS: KeyHolder[] = ['none', 'agentA', 'agentB', 'disabled', 'readOnlyA'];
const keyRead = { none: 401, agentA: 200, agentB: 200, disabled: 403, readOnlyA: 200 } as const;

/**
 * /api/v1 with API keys: none, agent A's, agent B's, the disabled agent's (made before the disable) and a
 * read-only key of agent A's. A create-sale without an Idempotency-Key gets as far as that check (400).
 */
const API_ROUTES: Record<
  string,
  { url: string; method?: 'POST'; expect: Record<KeyHolder, number> }
> = {
  '/api/v1/catalogue': { url: '/api/v1/catalogue?country=NG', expect: keyRead },
  '/api/v1/lookup': { url: '/api/v1/lookup?phone=08031234567', expect: keyRead },
  '/api/v1/balances': { url: '/api/v1/balances', expect: keyRead },
  '/api/v1/sales': { url: '/api/v1/sales', expect: keyRead },
  '/api/v1/sales/[id]': { url: '/api/v1/sales/:saleA', expect: { ...keyRead, agentB: 404 } },
  '/api/v1/wallet/statement': { url: '/api/v1/wallet/statement?currency=NGN', expect: keyRead },
};
const API_POSTS: Record<string, { url: string; expect: Record<KeyHolder, number> }> = {
  '/api/v1/sales': {
    url: '/api/v1/sales',
    expect: { none: 401, agentA: 400, agentB: 400, disabled: 403, readOnlyA: 403 },
  },
};

const ROUTES: Record<string, { url: string; expect: Record<Who, Outcome | 200> }> = {
  '/api/health': { url: '/api/health', expect: everyone(200) },
  '/api/auth/[...nextauth]': { url: '/api/auth/session', expect: everyone(200) }, // next-auth's own; public by design
  // Provider-facing: no session by design (a callback is only a hint; the portal requeries). A malformed body is 400 for all.
  '/api/callbacks/[provider]': { url: '/api/callbacks/vtpass', expect: everyone(400) },
  '/api/receipts/[token]': {
    url: '/api/receipts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    expect: everyone(404),
  },
  '/api/transactions': { url: '/api/transactions?ids=:saleA', expect: agentApi },
  '/api/transactions/[id]': {
    url: '/api/transactions/:saleA',
    expect: { ...agentApi, agentB: 404 },
  },
  '/api/transactions/export': { url: '/api/transactions/export', expect: agentApi },
  '/api/wallet/statement': { url: '/api/wallet/statement?currency=NGN', expect: agentApi },
  // The REST API opens with an API key only (table below): a session cookie is no key.
  ...Object.fromEntries(
    Object.entries(API_ROUTES).map(([pattern, row]) => [
      pattern,
      { url: row.url, expect: everyone(401) },
    ]),
  ),
  '/api/v1/openapi.json': { url: '/api/v1/openapi.json', expect: everyone(200) },
  '/api/bulk/[id]': { url: '/api/bulk/:bulkA', expect: { ...agentApi, agentB: 404 } },
  '/api/bulk/[id]/result': { url: '/api/bulk/:bulkA/result', expect: { ...agentApi, agentB: 404 } },
};

// ---------- enumerate the app at test time ----------

function appFiles(name: string): string[] {
  return (fs.readdirSync('app', { recursive: true }) as string[])
    .filter((f) => path.basename(f) === name)
    .map((f) => path.join('app', f));
}

/** app/(portal)/transactions/[id]/page.tsx → /transactions/[id] */
function urlPattern(file: string): string {
  const parts = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`;
}

test('the declared table covers every page and route handler in app/ and every server action in the tree', () => {
  const pages = appFiles('page.tsx').map(urlPattern).sort();
  const routes = appFiles('route.ts').map(urlPattern).sort();
  expect(
    pages.filter((p) => !(p in PAGES)),
    'pages missing from the authorisation table',
  ).toEqual([]);
  expect(
    routes.filter((r) => !(r in ROUTES)),
    'route handlers missing from the authorisation table',
  ).toEqual([]);
  expect(
    Object.keys(PAGES).filter((p) => !pages.includes(p)),
    'declared pages that no longer exist',
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((r) => !routes.includes(r)),
    'declared routes that no longer exist',
  ).toEqual([]);
  expect(
    serverActionFiles()
      .filter((f) => f.inline)
      .map((f) => f.file),
    "inline 'use server' functions (put them in an actions file)",
  ).toEqual([]);
  const actions = exportedActions();
  expect(
    actions.filter((a) => !(a.name in ACTIONS)).map((a) => `${a.file}: ${a.name}`),
    'server actions missing from the table',
  ).toEqual([]);
  // Every action goes through the one wrapper, with the declared role (the wrapper's checks are exercised live below).
  expect(
    actions
      .filter((a) => a.role !== ACTIONS[a.name])
      .map((a) => `${a.file}: ${a.name} uses ${a.role ?? 'no action() wrapper'}`),
  ).toEqual([]);
});

// ---------- the five identities ----------

interface World {
  ctx: Record<Who, BrowserContext>;
  /** The disabled agent's old session cookie: next-auth's session endpoint (a route row above) clears it. */
  disabledCookies: Awaited<ReturnType<BrowserContext['cookies']>>;
  saleA: string;
  agentA: string;
  phoneA: string;
  referenceA: string;
  keys: Record<KeyHolder, string | null>;
  /** One of agent A's bulk uploads (left unconfirmed: nothing sold). */
  bulkA: string;
  /** One of agent A's webhook endpoints (demo mode lets it point at this machine). */
  webhookA: string;
}
let world: World;

async function signedIn(
  browser: Browser,
  who: { email: string; password: string } | null,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (who) {
    const page = await context.newPage();
    await signIn(page, who);
    await page.close();
  }
  return context;
}

test.describe.serial('authorisation matrix', () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await signedIn(browser, DEMO.admin);
    const agentA = await signedIn(browser, DEMO.agent);
    const agentB = await signedIn(browser, DEMO.agentTwo);

    // Agent A makes one sale, so there is something of A's for B to try to read.
    const page = await agentA.newPage();
    const phoneA = magicNumber('0803', '00');
    await page.goto('/buy/airtime');
    await page.getByLabel("Customer's number").fill(phoneA);
    await expect(page.getByTestId('detected-network')).toContainText('MTN');
    await page.getByRole('button', { name: '₦500', exact: true }).click();
    await page.getByRole('button', { name: 'Review sale' }).click();
    await page.getByRole('button', { name: /^Send MTN airtime/ }).click();
    await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
    await page.goto('/transactions');
    const href = await page.locator('a[href^="/transactions/"]').first().getAttribute('href');
    const saleA = href!.split('/').pop()!;
    const detail = (await (
      await agentA.request.get(`/api/transactions/${saleA}`)
    ).json()) as Record<string, unknown>;
    const referenceA = String(
      (detail as { reference?: unknown }).reference ??
        JSON.stringify(detail).match(/"reference":"([^"]+)"/)?.[1],
    );
    await page.goto('/bulk');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'a.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`number,amount\n${phoneA},100\n`),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page).toHaveURL(/\/bulk\/\d+$/);
    const bulkA = page.url().split('/').pop()!;
    await page.goto('/webhooks');
    await page.getByLabel('Endpoint address').fill('http://127.0.0.1:9/agent-a-hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('link', { name: 'http://127.0.0.1:9/agent-a-hooks' }).click();
    await expect(page).toHaveURL(/\/webhooks\/\d+$/);
    const webhookA = page.url().split('/').pop()!;
    await page.close();

    // A disabled agent: created and signed in, then disabled by the admin through the UI.
    const adminPage = await admin.newPage();
    const email = `disabled-${Date.now()}@demo.test`;
    await adminPage.goto('/admin/agents/new');
    await adminPage.getByLabel('Name').fill('Soon Disabled');
    await adminPage.getByLabel('Email').fill(email);
    await adminPage.getByLabel('Password').fill('disabled-agent-pass');
    await adminPage.getByRole('button', { name: 'Create agent' }).click();
    await expect(adminPage).toHaveURL(/\/admin\/agents\/\d+/);
    const disabled = await signedIn(browser, { email, password: 'disabled-agent-pass' });
    expect((await disabled.request.get('/dashboard', { maxRedirects: 0 })).status()).toBe(200);
    const keys = {
      none: null,
      disabled: await keyOf(disabled, 'soon disabled'),
      agentA: await keyOf(agentA, 'matrix A'),
      readOnlyA: await keyOf(agentA, 'matrix A read-only', { sell: false }),
      agentB: await keyOf(agentB, 'matrix B'),
    };
    await adminPage.getByRole('button', { name: 'Disable agent' }).click();
    await adminPage.getByRole('button', { name: 'Yes, disable this agent' }).click();
    await expect(adminPage.getByRole('button', { name: 'Enable agent' })).toBeVisible();
    await adminPage.close();

    // The demo admin again, stopped after the password: the second factor not given.
    const adminNo2fa = await browser.newContext();
    const half = await adminNo2fa.newPage();
    await signInPasswordOnly(half, DEMO.admin);
    await half.close();

    const agentAId = await agentIdOf(admin.request, DEMO.agent.email);
    world = {
      ctx: { anon: await browser.newContext(), agentA, agentB, disabled, admin, adminNo2fa },
      disabledCookies: await disabled.cookies(),
      saleA,
      agentA: agentAId,
      phoneA,
      referenceA,
      keys,
      bulkA,
      webhookA,
    };
  });

  test.afterAll(async () => {
    for (const c of Object.values(world?.ctx ?? {})) await c.close();
  });

  const fill = (url: string) =>
    url
      .replace(':saleA', world.saleA)
      .replace(':agentA', world.agentA)
      .replace(':bulkA', world.bulkA)
      .replace(':webhookA', world.webhookA);

  for (const [pattern, row] of Object.entries(PAGES)) {
    test(`page ${pattern}`, async () => {
      const got: Record<string, Outcome | number> = {};
      for (const who of WHO)
        got[who] = await outcome(
          await world.ctx[who].request.get(fill(row.url), { maxRedirects: 0 }),
        );
      expect(got).toEqual(row.expect);
    });
  }

  for (const [pattern, row] of Object.entries(ROUTES)) {
    test(`route ${pattern}`, async () => {
      const got: Record<string, Outcome | number> = {};
      for (const who of WHO)
        got[who] = await outcome(
          await world.ctx[who].request.get(fill(row.url), { maxRedirects: 0 }),
        );
      expect(got).toEqual(row.expect);
    });
  }

  for (const [pattern, row] of [
    ...Object.entries(API_ROUTES),
    ...Object.entries(API_POSTS).map(([p, r]) => [p, { ...r, method: 'POST' as const }] as const),
  ]) {
    test(`api ${row.method ?? 'GET'} ${pattern} by API key`, async () => {
      const got: Record<string, number> = {};
      for (const holder of KEY_HOLDERS) {
        const key = world.keys[holder];
        const headers = key ? { Authorization: `Bearer ${key}` } : undefined;
        const request = world.ctx.anon.request;
        const res =
          row.method === 'POST'
            ? await request.post(fill(row.url), { headers, data: {} })
            : await request.get(fill(row.url), { headers });
        got[holder] = res.status();
        if (res.status() >= 400)
          expect(res.headers()['content-type'], `${pattern} as ${holder}`).toContain(
            'application/problem+json',
          );
      }
      expect(got).toEqual(row.expect);
    });
  }

  test("agent B's API key never sees agent A's sales or wallet", async () => {
    const headers = { Authorization: `Bearer ${world.keys.agentB}` };
    for (const url of [
      '/api/v1/sales',
      `/api/v1/sales?reference=${world.referenceA}`,
      '/api/v1/wallet/statement?currency=NGN',
    ]) {
      const body = await (await world.ctx.anon.request.get(url, { headers })).text();
      expect(body, url).not.toContain(world.referenceA);
      expect(body, url).not.toContain(world.phoneA);
    }
    const own = await (
      await world.ctx.anon.request.get('/api/v1/sales', {
        headers: { Authorization: `Bearer ${world.keys.agentA}` },
      })
    ).text();
    expect(own).toContain(world.phoneA);
  });

  test("agent B never sees agent A's sale, wallet, beneficiaries or receipts", async () => {
    const b = world.ctx.agentB.request;
    const ids = await (await b.get(`/api/transactions?ids=${world.saleA}`)).text();
    expect(ids).not.toContain(world.referenceA);
    expect(JSON.parse(ids)).toEqual([]);
    for (const url of [
      '/api/wallet/statement?currency=NGN',
      '/api/transactions/export',
      '/transactions',
      '/beneficiaries',
      '/wallet',
      '/dashboard',
      '/bulk',
      '/webhooks',
    ]) {
      const body = await (await b.get(url)).text();
      expect(body, url).not.toContain(world.referenceA);
      expect(body, url).not.toContain(world.phoneA);
    }
    // Agent A does see them: the checks above are not vacuous.
    const own = await (await world.ctx.agentA.request.get('/api/transactions/export')).text();
    expect(own).toContain(world.phoneA);
  });

  test('server actions refuse every identity the table does not allow', async () => {
    // The disabled agent presents its old cookie again (the session endpoint's answer cleared it from the jar).
    await world.ctx.disabled.addCookies(world.disabledCookies);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(E2E_DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as {
      node: Record<
        string,
        { workers: Record<string, unknown>; filename?: string; exportedName?: string }
      >;
    };
    const byName = new Map(
      Object.entries(manifest.node).map(([id, e]) => [
        e.exportedName ?? '',
        { id, page: pageOf(Object.keys(e.workers)[0]!) },
      ]),
    );
    const refusal: Record<'anon' | 'disabled' | 'wrongRole' | 'no2fa', RegExp> = {
      anon: /Your session has ended\. Sign in again\./,
      disabled: /Your session has ended\. Sign in again\./,
      wrongRole: /You are not allowed to do this\./,
      no2fa: /Confirm your second factor first/,
    };
    const checked: string[] = [];
    for (const [name, role] of Object.entries(ACTIONS)) {
      const ref = byName.get(name);
      expect(
        ref,
        `${name} is not in the build's server-reference manifest (rebuild?)`,
      ).toBeTruthy();
      for (const who of WHO) {
        const allowed =
          (role === 'agent' && (who === 'agentA' || who === 'agentB')) ||
          (role === 'admin' && who === 'admin') ||
          (role === 'session' && who !== 'anon' && who !== 'disabled');
        if (allowed) continue;
        const body = await callAction(world.ctx[who].request, ref!.id, ref!.page, {});
        if (who === 'anon') {
          // Without a cookie the proxy turns the request away first (protected paths) or the action does.
          expect(body, `${name} as anon`).toMatch(
            /^(30[37] |200 [\s\S]*Your session has ended\. Sign in again\.)/,
          );
          // With a forged cookie the proxy lets it through, and the action's own check refuses.
          const forged = await callAction(
            world.ctx.anon.request,
            ref!.id,
            ref!.page,
            {},
            'next-auth.session-token=forged.not-a-jwt',
          );
          expect(forged, `${name} with a forged session cookie`).toMatch(refusal.anon);
        } else {
          const expected =
            who === 'disabled'
              ? refusal.disabled
              : who === 'adminNo2fa' && role === 'admin'
                ? refusal.no2fa
                : refusal.wrongRole;
          expect(body, `${name} as ${who}`).toMatch(expected);
        }
        checked.push(`${name}/${who}`);
      }
    }
    // Positive control: the encoding is right, so a refusal above is a refusal and not a malformed call.
    const control = await callAction(
      world.ctx.agentB.request,
      byName.get('checkNowAction')!.id,
      '/transactions',
      { purchaseId: world.saleA },
    );
    expect(control, "agent B asking to check agent A's sale").toMatch(/No such sale\./);
    expect(checked.length).toBeGreaterThan(Object.keys(ACTIONS).length);
  });
});

async function keyOf(
  context: BrowserContext,
  name: string,
  scopes?: { sell?: boolean },
): Promise<string> {
  const page = await context.newPage();
  const key = await createApiKeyInBrowser(page, name, scopes);
  await page.close();
  return key;
}

function pageOf(worker: string): string {
  return (
    urlPattern(`${worker}.tsx`)
      .replace(/\[id\]/, '1')
      .replace(/\[\w+\]/g, 'x') || '/'
  );
}

/** Calls a server action the way React does for (previousState, formData): multipart with $K-prefixed fields. */
async function callAction(
  request: APIRequestContext,
  id: string,
  page: string,
  fields: Record<string, string>,
  cookie?: string,
): Promise<string> {
  // React 19.3's decodeReply: "$K1" gathers the entries prefixed "_1_" that arrived BEFORE the root field "0",
  // so the order matters (a plain object would put the integer-like key "0" first).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', '[null,"$K1"]');
  const res = await request.post(page, {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      Origin: new URL(E2E_BASE).origin,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    multipart,
    maxRedirects: 0,
  });
  return `${res.status()} ${await res.text()}`;
}

const E2E_BASE = E2E_BASE_URL;

async function agentIdOf(admin: APIRequestContext, email: string): Promise<string> {
  const html = await (await admin.get('/admin/agents')).text();
  const row = html.split(/<tr[\s>]/).find((chunk) => chunk.includes(email));
  const id = row?.match(/href="\/admin\/agents\/(\d+)"/)?.[1];
  if (!id) throw new Error(`${email} not found on /admin/agents`);
  return id;
}

async function outcome(res: APIResponse): Promise<Outcome | number> {
  const status = res.status();
  if (status >= 300 && status < 400)
    return `→${new URL(res.headers().location ?? '', E2E_BASE).pathname}` as Outcome;
  if (status === 200) {
    const body = await res.text();
    // A redirect raised after streaming began arrives as a meta refresh.
    const meta =
      body.match(/<meta[^>]+http-equiv="refresh"[^>]+content="\d+;\s*url=([^"]+)"/i) ??
      body.match(/id="__next-page-redirect"[^>]+content="\d+;url=([^"]+)"/i);
    if (meta) return `→${new URL(meta[1]!.replace(/&amp;/g, '&'), E2E_BASE).pathname}` as Outcome;
    if (res.headers()['content-type']?.includes('text/html')) return 'ok';
    return 200 as unknown as Outcome;
  }
  return status as Outcome;
}
