import { expect, type Page } from '@playwright/test';

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
