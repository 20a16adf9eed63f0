import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAgent, minor, newSignedInPage, postCredit, unique } from './admin-helpers';
import { DEMO, signIn } from './helpers';
import { E2E_DATA_DIR, E2E_DIST_DIR } from './paths';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function walletBalance(page: Page): Promise<number> {
  await page.goto('/wallet');
  return minor(await page.getByTestId('available-NGN').innerText());
}

test('an admin creates an agent who can then sign in', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  const agent = await createAgent(page);
  await expect(page.getByTestId('agent-status')).toContainText('Active');

  const agentPage = await newSignedInPage(browser, agent);
  await expect(agentPage).toHaveURL(/\/dashboard$/);
  await agentPage.context().close();

  await page.goto(`/admin/agents?q=${encodeURIComponent(agent.email)}`);
  await expect(page.getByRole('link', { name: agent.name })).toHaveCount(1);
});

test('an admin credits the demo agent and the agent sees it in the wallet statement', async ({
  page,
  browser,
}) => {
  const agentPage = await newSignedInPage(browser, DEMO.agent);
  const before = await walletBalance(agentPage);

  await signIn(page, DEMO.admin);
  await page.goto('/admin/funding');
  const reference = unique('E2E-CREDIT');
  const credit = {
    agentLabel: 'Bola Stores (agent@demo.test)',
    amount: '1,234.56',
    reference,
    reason: 'E2E cash deposit',
  };
  const form = await postCredit(page, credit);
  await expect(form.getByText('Credited ₦1,234.56 to Bola Stores.')).toBeVisible();

  // The same reference again moves nothing.
  await postCredit(page, credit);
  await expect(form.getByText(/was already used for this movement; nothing changed/)).toBeVisible();

  expect(await walletBalance(agentPage)).toBe(before + 123_456);
  const row = agentPage.getByRole('row').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('₦1,234.56');
  await agentPage.context().close();
});

test('a credential set by an admin is never shown again', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/providers/vtpass');
  const canary = unique('CANARY-SECRET');
  // vtpass "password" is only used in basic-auth mode (the demo runs in keys mode), and is restored below.
  const form = page.getByRole('form', { name: 'Set password' });
  await form.getByLabel('New password').fill(canary);
  await form.getByRole('button', { name: 'Replace' }).click();
  await form.getByRole('button', { name: 'Yes, save password' }).click();
  await expect(form.getByText('password updated.')).toBeVisible();
  await expect(page.getByTestId('credential-password')).toContainText(`by ${DEMO.admin.email}`);
  expect(await page.content()).not.toContain(canary);

  await page.reload();
  await expect(page.getByTestId('credential-password')).toContainText(`by ${DEMO.admin.email}`);
  expect(await page.content()).not.toContain(canary);
  const html = await (await page.request.get('/admin/providers/vtpass')).text();
  expect(html).not.toContain(canary);
  await page.goto('/admin/audit?action=provider.credential_set');
  const auditRow = page
    .getByRole('listitem')
    .filter({ hasText: 'provider.credential_set' })
    .first();
  await expect(auditRow).toContainText(DEMO.admin.email);
  await expect(auditRow).toContainText('"field":"password"');
  expect(await page.content()).not.toContain(canary);

  // Nowhere in clear: the database file (and its WAL), the server's own output, the client bundles.
  for (const file of ['portal.db', 'portal.db-wal', 'server.log']) {
    const full = path.join(E2E_DATA_DIR, file);
    if (fs.existsSync(full))
      expect(fs.readFileSync(full).includes(Buffer.from(canary)), `${file} holds the canary`).toBe(
        false,
      );
  }
  expect(fs.readFileSync(path.join(E2E_DATA_DIR, 'server.log'), 'utf8').length).toBeGreaterThan(0);
  for (const file of filesUnder(path.join(E2E_DIST_DIR, 'static'))) {
    expect(fs.readFileSync(file).includes(Buffer.from(canary)), `${file} holds the canary`).toBe(
      false,
    );
  }

  // Put the simulator's demo value back so other specs keep working.
  await page.goto('/admin/providers/vtpass');
  const restore = page.getByRole('form', { name: 'Set password' });
  await restore.getByLabel('New password').fill('sim-vtpass-password');
  await restore.getByRole('button', { name: 'Replace' }).click();
  await restore.getByRole('button', { name: 'Yes, save password' }).click();
  await expect(restore.getByText('password updated.')).toBeVisible();
});

test('a funding request approved twice credits the wallet once', async ({ page, browser }) => {
  const agentPage = await newSignedInPage(browser, DEMO.agent);
  const before = await walletBalance(agentPage);
  const bankReference = unique('E2E-BANK');
  await agentPage.goto('/wallet/funding');
  const request = agentPage.getByRole('form', { name: 'Request funding' });
  await request.getByLabel('Wallet').selectOption('NGN');
  await request.getByLabel('Amount you paid').fill('777');
  await request.getByLabel('Bank reference').fill(bankReference);
  await request.getByRole('button', { name: 'Send request' }).click();
  await expect(request.getByText('Request for ₦777.00 sent.')).toBeVisible();
  await expect(agentPage.getByTestId(`my-request-${bankReference}`)).toContainText(
    'Waiting for approval',
  );

  // Two admin tabs open the same pending request.
  await signIn(page, DEMO.admin);
  const second = await page.context().newPage();
  await page.goto('/admin/funding?status=pending');
  await second.goto('/admin/funding?status=pending');
  const itemA = page.getByRole('listitem').filter({ hasText: bankReference });
  const itemB = second.getByRole('listitem').filter({ hasText: bankReference });

  await itemA.getByRole('button', { name: 'Approve' }).click();
  await itemA.getByRole('button', { name: 'Yes, approve and credit' }).click();
  await expect(itemA).toHaveCount(0); // approved: it leaves the pending list

  await itemB.getByRole('button', { name: 'Approve' }).click();
  await itemB.getByRole('button', { name: 'Yes, approve and credit' }).click();
  await expect(
    itemB.getByText('This request was already approved; nothing changed.'),
  ).toBeVisible();

  expect(await walletBalance(agentPage)).toBe(before + 77_700);
  await expect(agentPage.getByRole('row').filter({ hasText: bankReference })).toHaveCount(1);
  await agentPage.goto('/wallet/funding');
  await expect(agentPage.getByTestId(`my-request-${bankReference}`)).toContainText('Approved');
  await agentPage.context().close();
});

test('disabling an agent ends their open session on the next click', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  const agent = await createAgent(page);
  const agentPage = await newSignedInPage(browser, agent);
  await expect(agentPage).toHaveURL(/\/dashboard$/);

  await page.goto(agent.url);
  await page.getByRole('button', { name: 'Disable agent' }).click();
  await page.getByRole('button', { name: 'Yes, disable this agent' }).click();
  await expect(page.getByText('Agent disabled. Their open sessions have ended.')).toBeVisible();
  await expect(page.getByTestId('agent-status')).toContainText('Disabled');

  await agentPage.getByRole('link', { name: 'Wallet' }).click();
  await expect(agentPage).toHaveURL(/sign-in/);
  // And the password no longer opens a session.
  await agentPage.getByLabel('Email').fill(agent.email);
  await agentPage.getByLabel('Password').fill(agent.password);
  await agentPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(agentPage).toHaveURL(/sign-in/);
  await agentPage.context().close();
});

test('an agent is redirected away from every admin URL', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const path of [
    '/admin',
    '/admin/agents',
    '/admin/agents/new',
    '/admin/funding',
    '/admin/providers/jonet',
    '/admin/providers/routing',
    '/admin/reconcile',
    '/admin/transactions',
    '/admin/catalogue',
    '/admin/audit',
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/dashboard$/);
  }
});
