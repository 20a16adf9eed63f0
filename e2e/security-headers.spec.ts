// HTTP hardening, read from the running app: every page type carries a nonce-based CSP (the nonce
// on every script Next renders), frame-ancestors 'none', nosniff and a Referrer-Policy; responses
// without HTML get a policy that allows nothing; and no page breaks its own policy in the browser.
import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO, magicNumber, signIn } from './helpers';

/** Collects every CSP violation the browser reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy/i.test(error.message))
      violations.push(`${page.url()}: ${error.message}`);
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  return violations;
}

function expectCommonHeaders(response: { headers(): Record<string, string> } | null, what: string) {
  const headers = response!.headers();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toMatch(
    /^(strict-origin-when-cross-origin|no-referrer)$/,
  );
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  // Served over plain HTTP: no HSTS (a browser ignores it there, and the portal does not pretend).
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

/** The page's CSP names one fresh nonce, and every script element Next rendered carries it. */
async function expectNoncedPage(
  page: Page,
  response: Response | null,
  what: string,
): Promise<string> {
  expectCommonHeaders(response, what);
  const policy = response!.headers()['content-security-policy']!;
  expect(policy, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy, what).not.toContain('unsafe-inline');
  expect(policy, what).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length, what).toBeGreaterThan(0);
  for (const scriptNonce of scripts)
    expect(scriptNonce, `${what}: a script without the page's nonce`).toBe(nonce);
  return nonce;
}

test('public pages: sign-in, a receipt and a missing page carry the nonce CSP and break none of it', async ({
  page,
  browser,
}) => {
  const violations = watchViolations(page);
  const first = await expectNoncedPage(page, await page.goto('/sign-in'), 'sign-in');
  const second = await expectNoncedPage(page, await page.goto('/sign-in'), 'sign-in again');
  expect(second).not.toBe(first);
  await expectNoncedPage(page, await page.goto('/no-such-page'), '404');
  await expect(page.getByRole('heading').first()).toBeVisible();

  // A receipt, as a customer opens it.
  const agent = await browser.newPage();
  await signIn(agent, DEMO.agent);
  await agent.goto('/buy/airtime');
  await agent.getByLabel("Customer's number").fill(magicNumber('0803', '00'));
  await agent.getByRole('button', { name: '₦500', exact: true }).click();
  await agent.getByRole('button', { name: 'Review sale' }).click();
  await agent.getByRole('button', { name: /^Send / }).click();
  await expect(agent.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
  await agent.getByRole('button', { name: 'Share receipt' }).click();
  const link = await agent.getByTestId('receipt-link').inputValue();
  await agent.close();
  const receipt = await page.goto(link);
  await expectNoncedPage(page, receipt, 'receipt');
  expect(receipt!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'SUCCESS');
  expect(violations).toEqual([]);
});

test('agent and admin pages carry the nonce CSP, and working through them breaks none of it', async ({
  page,
}) => {
  const violations = watchViolations(page);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO.agent.email);
  await page.getByLabel('Password').fill(DEMO.agent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/dashboard/);
  for (const path of [
    '/dashboard',
    '/buy/airtime',
    '/buy/data',
    '/wallet',
    '/transactions',
    '/beneficiaries',
    '/catalogue',
    '/account',
  ]) {
    await expectNoncedPage(page, await page.goto(path), path);
  }
  // Client-side navigation and a sale: scripts loaded after the first page run under the same policy.
  await page.goto('/dashboard');
  await page
    .getByRole('link', { name: /wallet/i })
    .first()
    .click();
  await expect(page).toHaveURL(/wallet/);
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(magicNumber('0803', '01'));
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
  await page.context().clearCookies();

  await signIn(page, DEMO.admin);
  for (const path of [
    '/admin',
    '/admin/agents',
    '/admin/transactions',
    '/admin/providers',
    '/admin/audit',
    '/admin/reconcile',
  ]) {
    await expectNoncedPage(page, await page.goto(path), path);
  }
  expect(violations).toEqual([]);
});

test('responses without HTML: API routes allow nothing, redirects and assets carry the common headers', async ({
  request,
}) => {
  const api = await request.get('/api/health');
  expectCommonHeaders(api, '/api/health');
  expect(api.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  const redirect = await request.get('/wallet', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['x-content-type-options']).toBe('nosniff');
  // A client claiming HTTPS through X-Forwarded-Proto is no trusted proxy: still no HSTS.
  const claimed = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(claimed.headers()['strict-transport-security']).toBeUndefined();
  expect(claimed.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
});
