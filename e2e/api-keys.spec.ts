import { expect, test } from '@playwright/test';
import { createApiKeyInBrowser } from './api-key-helpers';
import { DEMO, magicNumber, signIn } from './helpers';

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

test('an agent creates a key, sells with it through the API, sees its last use, revokes it, and it stops', async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Manage API keys' }).click();
  await expect(page).toHaveURL(/\/account\/api-keys$/);
  const key = await createApiKeyInBrowser(page, 'e2e till');
  await expect(page.getByText('it is shown only this once')).toBeVisible();
  const row = page.getByTestId(`api-key-${key.slice(0, 12)}`);
  await expect(row).toContainText('Never used');

  const plans = await request.get('/api/v1/catalogue?country=NG&network=MTN&type=airtime', {
    headers: bearer(key),
  });
  expect(plans.status()).toBe(200);
  expect(plans.headers()['ratelimit-limit']).toBeTruthy();
  const productId = ((await plans.json()) as { data: { id: number }[] }).data[0]!.id;

  const sale = { productId, phone: magicNumber('0803', '00'), amountMinor: 50_000 };
  const idempotency = `e2e-${Date.now()}`;
  const sold = await request.post('/api/v1/sales', {
    headers: { ...bearer(key), 'Idempotency-Key': idempotency },
    data: sale,
  });
  expect(sold.status()).toBe(201);
  const body = (await sold.json()) as { id: number; status: string; reference: string };
  expect(body.status).toBe('success');
  const again = await request.post('/api/v1/sales', {
    headers: { ...bearer(key), 'Idempotency-Key': idempotency },
    data: sale,
  });
  expect(again.status()).toBe(201);
  expect(again.headers()['idempotent-replayed']).toBe('true');
  expect(await again.json()).toEqual(body);
  const other = await request.post('/api/v1/sales', {
    headers: { ...bearer(key), 'Idempotency-Key': idempotency },
    data: { ...sale, amountMinor: 60_000 },
  });
  expect(other.status()).toBe(422);
  expect(other.headers()['content-type']).toContain('application/problem+json');
  expect(((await other.json()) as { code: string }).code).toBe('idempotency_key_reused');

  // The API's sale is the agent's sale: the history page shows it.
  await page.goto('/transactions');
  await expect(page.getByText(sale.phone.slice(-4)).first()).toBeVisible();

  await page.goto('/account/api-keys');
  await expect(row.getByTestId('last-used')).toContainText(/Last used .* from 127\.0\.0\.1/);
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('revoked');

  const refused = await request.get('/api/v1/balances', { headers: bearer(key) });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe('api_key_revoked');
});

test("an admin sees every agent's keys and revokes one; the key stops at once", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000); // two sign-ins, one with a second factor
  const agent = await browser.newPage();
  await signIn(agent, DEMO.agentTwo);
  const key = await createApiKeyInBrowser(agent, 'reseller site', { sell: false });
  expect((await request.get('/api/v1/balances', { headers: bearer(key) })).status()).toBe(200);
  const sale = await request.post('/api/v1/sales', {
    headers: { ...bearer(key), 'Idempotency-Key': `e2e-${Date.now()}` },
    data: {},
  });
  expect(((await sale.json()) as { code: string }).code).toBe('insufficient_scope');

  const admin = await browser.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/admin/api-keys');
  const row = admin.getByTestId(`api-key-${key.slice(0, 12)}`);
  await expect(row).toContainText(DEMO.agentTwo.email);
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('revoked');
  expect((await request.get('/api/v1/balances', { headers: bearer(key) })).status()).toBe(401);

  await admin.goto('/admin/audit?action=api_key.revoke');
  await expect(
    admin
      .locator('li', { hasText: key.slice(0, 12) })
      .locator('.font-mono', { hasText: 'api_key.revoke' }),
  ).toBeVisible();
});

test('the reference page and the OpenAPI document are public, with a curl example per call', async ({
  page,
  request,
}) => {
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/sales',
      '/sales/{id}',
      '/catalogue',
      '/lookup',
      '/balances',
      '/wallet/statement',
    ]),
  );
  await page.goto('/developers');
  await expect(page.getByRole('heading', { name: 'Sell airtime or data' })).toBeVisible();
  await expect(page.locator('pre', { hasText: 'Idempotency-Key: $(uuidgen)' })).toBeVisible();
  expect(await page.locator('pre', { hasText: 'curl -sS' }).count()).toBe(7);
});
