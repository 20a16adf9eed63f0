import { expect, type Page } from '@playwright/test';
import { E2E_SIM_PORT } from './paths';

export const DEMO = {
  admin: { email: 'admin@demo.test', password: 'admin-demo-pass' },
  agent: { email: 'agent@demo.test', password: 'agent-demo-pass' },
  agentTwo: { email: 'agent2@demo.test', password: 'agent-demo-pass' },
};

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** A fresh number on a network whose last two digits pick the simulator's outcome (README table). */
export function magicNumber(prefix: string, lastTwo: string): string {
  const middle = String(Math.floor(Math.random() * 100_000)).padStart(5, '0');
  return `${prefix}${middle}${lastTwo}`;
}

async function simulatorControl(body: { hold: string } | { release: string }): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${E2E_SIM_PORT}/__control`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status, await res.text()).toBe(200);
}

/**
 * The simulator keeps this number's sales as they are (pending stays pending) until `releaseSales`: a test
 * that must see a pending state holds it, instead of racing the simulator's resolve timer.
 */
export const holdSales = (number: string) => simulatorControl({ hold: number });
/** The held sales of this number turn final now (51 success, 52 failed) and their callbacks go out. */
export const releaseSales = (number: string) => simulatorControl({ release: number });
