// Hostile requests against the running app: spoofed x-middleware-subrequest headers, a foreign Origin
// on a server action, SQL and script payloads in the sale form and sign-in, oversized bodies. Each is
// refused in words (or turned away), and nothing is written: the agent's sale export and wallet
// statement are counted before and after.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, magicNumber, signIn } from './helpers';
import { E2E_BASE_URL, E2E_DIST_DIR } from './paths';

const BASE = E2E_BASE_URL;

const SPOOFS = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
  'pages/_middleware',
];

test('spoofed x-middleware-subrequest headers do not get a visitor past the sign-in redirect or the page check', async ({
  request,
}) => {
  for (const value of SPOOFS) {
    for (const path of [
      '/dashboard',
      '/wallet',
      '/transactions',
      '/admin',
      '/admin/agents',
      '/catalogue',
      '/account',
    ]) {
      const res = await request.get(path, {
        headers: { 'x-middleware-subrequest': value },
        maxRedirects: 0,
      });
      const body = res.status() === 200 ? await res.text() : '';
      expect(
        [307, 308, 303, 302],
        `${path} with x-middleware-subrequest: ${value} → ${res.status()}`,
      ).toContain(res.status());
      expect(new URL(res.headers().location ?? '', BASE).pathname).toBe('/sign-in');
      expect(body).toBe('');
    }
    for (const path of [
      '/api/transactions?ids=1',
      '/api/wallet/statement?currency=NGN',
      '/api/transactions/1',
      '/api/transactions/export',
    ]) {
      const res = await request.get(path, {
        headers: { 'x-middleware-subrequest': value },
        maxRedirects: 0,
      });
      expect(res.status(), `${path} with x-middleware-subrequest: ${value}`).toBe(401);
    }
  }
});

test('spoofed x-middleware-subrequest with a forged session cookie still meets the page’s own session check', async ({
  request,
}) => {
  for (const value of SPOOFS) {
    const res = await request.get('/wallet', {
      headers: { 'x-middleware-subrequest': value, Cookie: 'next-auth.session-token=forged' },
      maxRedirects: 0,
    });
    expect(res.status()).toBeGreaterThanOrEqual(300);
    expect(res.status()).toBeLessThan(400);
    expect(new URL(res.headers().location ?? '', BASE).pathname).toBe('/sign-in');
  }
});

async function counts(request: APIRequestContext) {
  const exportCsv = await (await request.get('/api/transactions/export')).text();
  const statement = await (await request.get('/api/wallet/statement?currency=NGN')).text();
  return {
    sales: exportCsv.trim().split('\n').length,
    ledger: statement.trim().split('\n').length,
  };
}

function sellActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(E2E_DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(([, e]) => e.exportedName === 'sellAction');
  if (!entry) throw new Error('sellAction missing from the server-reference manifest');
  return entry[0];
}

/** The sale form as the browser would post it, read from the real page after "Review sale". */
async function saleForm(page: Page): Promise<Record<string, string>> {
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(magicNumber('0803', '00'));
  await expect(page.getByTestId('detected-network')).toContainText('MTN');
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  const fields: Record<string, string> = {};
  for (const name of ['idempotencyKey', 'productId', 'network', 'amountMinor'])
    fields[name] = await page.locator(`input[name="${name}"]`).first().inputValue();
  fields.phone = await page.getByLabel("Customer's number").inputValue();
  return fields;
}

async function postSale(
  request: APIRequestContext,
  fields: Record<string, string>,
  origin: string,
) {
  // React 19.3's decodeReply: "$K1" gathers the entries prefixed "_1_" that arrived BEFORE the root field "0",
  // so the order matters (a plain object would put the integer-like key "0" first).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', '[null,"$K1"]');
  const res = await request.post('/buy/airtime', {
    headers: { 'Next-Action': sellActionId(), Accept: 'text/x-component', Origin: origin },
    multipart,
    maxRedirects: 0,
  });
  return { status: res.status(), body: await res.text() };
}

test.describe('as a signed-in agent', () => {
  test.beforeEach(async ({ page }) => signIn(page, DEMO.agent));

  test('a server action posted with a foreign Origin is refused and writes nothing; the same post from our origin sells', async ({
    page,
  }) => {
    const request = page.context().request;
    const form = await saleForm(page);
    const before = await counts(request);
    for (const origin of ['https://evil.example', `${E2E_BASE_URL}.evil.example`, 'null']) {
      const res = await postSale(request, form, origin);
      expect(res.status, `Origin ${origin}: ${res.body.slice(0, 200)}`).not.toBe(200);
      expect(res.body).not.toContain('"kind":"sold"');
    }
    expect(await counts(request)).toEqual(before);
    // Positive control: the encoding is right, so the refusals above were refusals.
    const ok = await postSale(request, form, BASE);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('"kind":"sold"');
    expect((await counts(request)).sales).toBe(before.sales + 1);
  });

  test('SQL, script and oversized payloads in every sale field are refused with a clear error and write nothing', async ({
    page,
  }) => {
    const request = page.context().request;
    const form = await saleForm(page);
    const before = await counts(request);
    const payloads = [
      `'; drop table purchases; --`,
      `" or 1=1 --`,
      `<script>alert(1)</script>`,
      'x'.repeat(3_000),
    ];
    for (const field of [
      'idempotencyKey',
      'productId',
      'phone',
      'network',
      'amountMinor',
      'circle',
      'expectedPriceMinor',
      'confirmRepeat',
    ]) {
      for (const payload of payloads) {
        const res = await postSale(
          request,
          {
            ...form,
            idempotencyKey: `hostile${Date.now()}${Math.random().toString(36).slice(2, 10)}`,
            [field]: payload,
          },
          BASE,
        );
        expect(res.status, `${field}=${payload.slice(0, 30)}`).toBe(200);
        expect(res.body, `${field}=${payload.slice(0, 30)}`).toMatch(
          /"ok":false,"message":"[^"]+"/,
        );
        expect(res.body).not.toContain('<script>alert(1)</script>"'); // never echoed back raw
      }
    }
    // Wrong types: numbers where text is expected and the reverse are refused the same way.
    const res = await postSale(request, { ...form, amountMinor: '-50000', productId: '0' }, BASE);
    expect(res.body).toMatch(/"ok":false/);
    expect(await counts(request)).toEqual(before);
  });
});

test('sign-in with SQL, script or oversized input answers with the usual words and signs nobody in', async ({
  page,
}) => {
  for (const [email, password] of [
    [`admin@demo.test' --`, 'x'],
    [DEMO.admin.email, `' or '1'='1`],
    [`<script>alert(1)</script>@x.test`, 'x'],
    [DEMO.agent.email, 'p'.repeat(5_000)],
  ] as const) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').first()).toHaveText(
      /Wrong email or password\.|Enter your email and password\.|Too many attempts|valid email/i,
    );
    await expect(page).toHaveURL(/sign-in/);
  }
  const session = await (await page.context().request.get('/api/auth/session')).json();
  expect(session).toEqual({});
});

test('callbacks: oversized, wrong-type and injected bodies are refused and nothing is resolved', async ({
  request,
}) => {
  const big = await request.post('/api/callbacks/vtpass', {
    data: 'x'.repeat(70 * 1024),
    headers: { 'content-type': 'application/json' },
  });
  expect(big.status()).toBe(413);
  for (const body of [
    'not json',
    '{"type":"transaction-update","data":{"code":"000","requestId":["x"]}}',
    JSON.stringify({ transactionReference: `'; drop table purchases; --`, status: 'SUCCESSFUL' }),
  ]) {
    for (const provider of ['vtpass', 'cwg', 'jonet', 'rechargekit']) {
      const res = await request.post(`/api/callbacks/${provider}`, {
        data: body,
        headers: { 'content-type': 'application/json' },
      });
      expect([200, 400, 401], `${provider}: ${body.slice(0, 40)} → ${res.status()}`).toContain(
        res.status(),
      );
    }
  }
  expect((await request.post('/api/callbacks/not-a-provider', { data: '{}' })).status()).toBe(404);
});
