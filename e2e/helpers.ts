import { expect, type Page } from '@playwright/test';
import { DEMO_ADMIN_TOTP_SECRET } from '../db/demo';
import { confirmWithTotp } from './second-factor';

type Who = { email: string; password: string; totpSecret?: string };
import { E2E_SIM_PORT } from './paths';

export const DEMO = {
  // Admins sign in with a second factor: the demo admin's authenticator key is seeded.
  admin: {
    email: 'admin@demo.test',
    password: 'admin-demo-pass',
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  adminTwo: { email: 'admin2@demo.test', password: 'admin-demo-pass' },
  agent: { email: 'agent@demo.test', password: 'agent-demo-pass' },
  agentTwo: { email: 'agent2@demo.test', password: 'agent-demo-pass' },
};

/** Signs in; for an account with an authenticator app, answers its second step with a fresh code. */
export async function signIn(page: Page, who: Who) {
  await signInPasswordOnly(page, who);
  if (who.totpSecret) await confirmWithTotp(page, who.totpSecret);
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Only the password step: an account with a second factor is left at /sign-in/verify. */
export async function signInPasswordOnly(page: Page, who: Who) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (who.totpSecret) await expect(page).toHaveURL(/\/sign-in\/verify/);
}

/** A fresh number on a network whose last two digits pick the simulator's outcome (README table). */
export function magicNumber(prefix: string, lastTwo: string): string {
  const middle = String(Math.floor(Math.random() * 100_000)).padStart(5, '0');
  return `${prefix}${middle}${lastTwo}`;
}

async function simulatorControl(body: { hold: string } | { release: string }): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${E2E_SIM_PORT}/__control`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.status, await res.text()).toBe(200);
}

/**
 * The simulator keeps this number's sales as they are (pending stays pending) until `releaseSales`: a test
 * that must see a pending state holds it, instead of racing the simulator's resolve timer.
 */
export const holdSales = (number: string) => simulatorControl({ hold: number });
/** The held sales of this number turn final now (51 success, 52 failed) and their callbacks go out. */
export const releaseSales = (number: string) => simulatorControl({ release: number });
