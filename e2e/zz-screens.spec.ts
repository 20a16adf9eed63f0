// Scratch (not committed): screenshots of the bill pages at 360 and 1280 px.
import { expect, test } from '@playwright/test';
import { DEMO, magicNumber, signIn } from './helpers';

for (const width of [360, 1280]) {
  test(`screens at ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, DEMO.agent);
    const shot = (name: string) =>
      page.screenshot({ path: `scratch/shots/${width}-${name}.png`, fullPage: true });
    await page.goto('/buy/bills');
    await shot('hub');
    await page.goto('/buy/electricity');
    await page.getByLabel('Electricity company').selectOption('IKEDC');
    await page.getByLabel('Meter number').fill(magicNumber('4510', '98'));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.getByTestId('bill-customer')).toBeVisible();
    await page.getByLabel("Customer's phone").fill(magicNumber('0803', '00'));
    await shot('electricity-verified');
    await page.getByRole('button', { name: '₦5,000', exact: true }).click();
    await page.getByRole('button', { name: 'Review payment' }).click();
    await shot('electricity-confirm');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
    await page.waitForTimeout(500);
    await shot('electricity-result');
    await page.getByRole('button', { name: 'Share receipt' }).click();
    const url = await page.getByTestId('receipt-link').inputValue();
    await page.goto(url);
    await shot('receipt');
    await page.goto('/transactions');
    await shot('history');
    await page.goto('/buy/electricity');
    await page.getByLabel('Electricity company').selectOption('IKEDC');
    await page.getByLabel('Meter number').fill(magicNumber('4510', '99'));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.locator('#account-error')).toBeVisible();
    await shot('electricity-wrong');
    await page.goto('/buy/tv');
    await page.getByLabel('Smartcard / IUC number').fill(magicNumber('704', '00'));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.getByTestId('bill-customer')).toBeVisible();
    await page.getByRole('button', { name: /Change bouquet/ }).click();
    await shot('tv-change');
    await page.goto('/catalogue?type=tv');
    await shot('catalogue-tv');
  });
}
