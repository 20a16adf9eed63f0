import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// Indian airtime is one product for every circle (its catalogue circle is empty): the agent chooses
// the number's circle, and the sale goes to RechargeKit with it.
test('sells Indian airtime for the circle the agent chooses', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/buy/airtime?country=IN');
  await page.getByLabel("Customer's number").fill(`98${String(Date.now()).slice(-6)}00`);
  await page
    .getByRole('group', { name: 'Network' })
    .getByRole('button', { name: 'AIRTEL' })
    .click();
  await page.getByLabel('Circle').selectOption({ label: 'West Bengal & Sikkim' });
  await page.getByRole('button', { name: '₹100', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await expect(page.getByTestId('confirm-panel')).toContainText('West Bengal & Sikkim');
  await page.getByRole('button', { name: /^Send AIRTEL airtime/ }).click();
  await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
});
