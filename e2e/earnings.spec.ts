import { expect, test, type Page } from '@playwright/test';
import { DEMO, magicNumber, signIn } from './helpers';

/** "₦1,234.50 … 3 sales" → { commission: 123450, count: 3 } from the dashboard's "Today" figure. */
async function today(page: Page) {
  await page.goto('/dashboard');
  const figure = page.getByTestId('earnings-today-NGN');
  if ((await figure.count()) === 0) return { commission: 0, count: 0 };
  const text = (await figure.textContent()) ?? '';
  const commission = /₦([\d,]+)\.(\d\d)/.exec(text);
  const count = /(\d+) sales?/.exec(text);
  return {
    commission: Number(commission![1]!.replace(/,/g, '')) * 100 + Number(commission![2]),
    count: Number(count![1]),
  };
}

async function sell(page: Page, lastTwo: string) {
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(magicNumber('0803', lastTwo));
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send MTN airtime/ }).click();
  return page.getByTestId('sale-result');
}

test("the dashboard's earnings count a successful sale once, with its commission, and never a failed one", async ({
  page,
}) => {
  // Workers run one spec at a time, so nothing else sells for this agent meanwhile.
  await signIn(page, DEMO.agentTwo);
  const before = await today(page);

  await expect(await sell(page, '00')).toHaveAttribute('data-status', 'SUCCESS');
  const afterSuccess = await today(page);
  expect(afterSuccess.count).toBe(before.count + 1);
  expect(afterSuccess.commission).toBe(before.commission + 1_000); // 2 % of ₦500, the demo MTN airtime rate

  await expect(await sell(page, '59')).toHaveAttribute('data-status', 'FAILED');
  expect(await today(page)).toEqual(afterSuccess);
});
