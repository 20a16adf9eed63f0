import { expect, test } from '@playwright/test';
import { DEMO, magicNumber, signIn } from './helpers';

test('a number sold to is saved; the agent names it, fixes its network, and another agent never sees it', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.agent);
  const number = magicNumber('0803', '00');
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(number);
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send / }).click();
  await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');

  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Saved numbers' }).click();
  await expect(page).toHaveURL(/\/beneficiaries/);
  await page.getByRole('searchbox').fill(number);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('beneficiary');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('MTN');
  await row.getByRole('button', { name: /^Edit/ }).click();
  await row.getByLabel('Name').fill('Mama Nkechi');
  await row.getByLabel('Network').selectOption('GLO');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Mama Nkechi');
  await expect(row).toContainText('GLO');
  await page.reload();
  await expect(page.getByTestId('beneficiary')).toContainText('Mama Nkechi');

  // The buy form now offers the saved network for that number.
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(number);
  await expect(page.getByTestId('detected-network')).toContainText('GLO');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, DEMO.agentTwo);
  await otherPage.goto(`/beneficiaries?q=${number}`);
  await expect(otherPage.getByTestId('beneficiary')).toHaveCount(0);
  await expect(otherPage.getByText(/No saved number matches/)).toBeVisible();
  await other.close();

  await page.goto(`/beneficiaries?q=${number}`);
  await page
    .getByTestId('beneficiary')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByTestId('beneficiary')).toHaveCount(0);
});
