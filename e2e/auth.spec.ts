import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

test('an agent signs in and sees the wallet balance', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await expect(page).toHaveURL(/dashboard/);
  await expect(page.getByTestId('balance-NGN')).toContainText('₦');
  await page.goto('/wallet');
  await expect(page.getByTestId('available-NGN')).toContainText('₦');
  await expect(page.getByTestId('reserved-NGN')).toContainText('Reserved for pending sales');
});

test('a wrong password and an unknown email get the same generic message', async ({ page }) => {
  for (const email of [DEMO.agentTwo.email, 'nobody@demo.test']) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('definitely-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong' })).toHaveText(
      '✕Wrong email or password.',
    );
  }
});

test('an agent is sent away from admin pages', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const path of ['/admin', '/admin/agents', '/admin/audit']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
});

test('signed-out visitors are sent to sign-in', async ({ page }) => {
  await page.goto('/wallet');
  await expect(page).toHaveURL(/sign-in/);
});
