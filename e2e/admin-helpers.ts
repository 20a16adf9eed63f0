import { expect, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers';

export const unique = (prefix: string) =>
  `${prefix}-${Date.now()}-${Math.floor(Math.random() * 10_000)}`;

/** "₦49,000.50" → 4900050 (minor units), so balances compare exactly. */
export function minor(text: string): number {
  const match = /(-?)[₦₹]([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]));
}

export async function newSignedInPage(
  browser: Browser,
  who: { email: string; password: string },
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** Creates an agent through the admin UI and returns its credentials and detail-page URL. */
export async function createAgent(admin: Page) {
  const agent = {
    name: 'E2E Kiosk',
    email: `${unique('e2e-agent')}@test.local`,
    password: 'e2e-agent-pass-123',
  };
  await admin.goto('/admin/agents/new');
  const form = admin.getByRole('form', { name: 'New agent' });
  await form.getByLabel('Name').fill(agent.name);
  await form.getByLabel('Email').fill(agent.email);
  await form.getByLabel('Password').fill(agent.password);
  await form.getByRole('button', { name: 'Create agent' }).click();
  await expect(admin).toHaveURL(/\/admin\/agents\/\d+\?created=1/);
  await expect(admin.getByText('Agent created.')).toBeVisible();
  return { ...agent, url: new URL(admin.url()).pathname };
}

/** Posts a credit through the admin's funding form, confirming the review step. */
export async function postCredit(
  admin: Page,
  movement: { agentLabel: string; amount: string; reference: string; reason: string },
) {
  const form = admin.getByRole('form', { name: 'Credit or debit a wallet' });
  await form.getByLabel('Agent').selectOption({ label: movement.agentLabel });
  await form.getByLabel('Amount').fill(movement.amount);
  await form.getByLabel('Reference').fill(movement.reference);
  await form.getByLabel('Reason').fill(movement.reason);
  await form.getByRole('button', { name: 'Review and post' }).click();
  await form.getByRole('button', { name: 'Yes, post it' }).click();
  return form;
}
