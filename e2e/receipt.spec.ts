import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, holdSales, magicNumber, releaseSales, signIn } from './helpers';

async function sellAirtime(page: Page, number: string) {
  await page.goto('/buy/airtime');
  await page.getByLabel("Customer's number").fill(number);
  await expect(page.getByTestId('detected-network')).toContainText('MTN');
  await page.getByRole('button', { name: '₦500', exact: true }).click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send / }).click();
  return page.getByTestId('sale-result');
}

async function receiptLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share receipt' }).click();
  const link = page.getByTestId('receipt-link');
  await expect(link).toHaveValue(/\/r\/[A-Za-z0-9_-]{32}$/);
  return link.inputValue();
}

/** A customer's phone: a new browser context with no cookies, so no session. */
async function asCustomer(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.beforeEach(async ({ page }) => signIn(page, DEMO.agent));

test('a customer opens the receipt link without signing in and sees the sale, masked', async ({
  page,
  browser,
}) => {
  const number = magicNumber('0803', '00');
  const result = await sellAirtime(page, number);
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  const reference = (await result.getByText('Our reference:').locator('span').innerText()).trim();
  expect(reference).toMatch(/^[a-z0-9]{20}$/);
  const url = await receiptLink(page);

  const customer = await asCustomer(browser);
  const response = await customer.page.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toContain('no-store');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toBe('noindex');
  const receipt = customer.page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-status', 'SUCCESS');
  await expect(receipt).toContainText('Successful');
  await expect(receipt).toContainText('₦500.00');
  await expect(receipt).toContainText('MTN');
  await expect(receipt).toContainText(`${number.slice(0, 4)}•••${number.slice(-4)}`);
  const html = await customer.page.content();
  expect(html).not.toContain(number);
  expect(html).not.toContain('Bola Stores'); // the demo agent's name
  expect(html).not.toMatch(/commission/i);
  // Our full provider reference is what a callback names: the receipt shows only its tail.
  expect(html).not.toContain(reference);
  await expect(receipt).toContainText(`…${reference.slice(-4)}`);
  await expect(customer.page).not.toHaveURL(/sign-in/);
  await customer.context.close();
});

test('a guessed or malformed receipt link gets the same not-found page', async ({ browser }) => {
  const customer = await asCustomer(browser);
  const answers = [];
  for (const token of ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '1', 'not-a-token!']) {
    const response = await customer.page.goto(`/r/${encodeURIComponent(token)}`);
    answers.push({
      status: response?.status(),
      text: await customer.page.locator('main').innerText(),
    });
  }
  expect(answers[0]?.status).toBe(404);
  expect(answers[0]?.text).toContain('Receipt not found');
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
  const api = await customer.page.request.get('/api/receipts/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  expect(api.status()).toBe(404);
  expect(api.headers()['cache-control']).toContain('no-store');
  await customer.context.close();
});

test('the agent revokes a sale’s receipt links from the sale page: the shared links stop opening, a new one opens', async ({
  page,
  browser,
}) => {
  const result = await sellAirtime(page, magicNumber('0803', '00'));
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  const first = await receiptLink(page);

  await result.getByRole('link', { name: 'Details' }).click();
  await expect(page).toHaveURL(/\/transactions\/\d+$/);
  const second = await receiptLink(page);
  expect(second).not.toBe(first);
  await expect(page.getByTestId('live-receipt-links')).toContainText('2 receipt links');

  const customer = await asCustomer(browser);
  for (const url of [first, second]) expect((await customer.page.goto(url))?.status()).toBe(200);

  await page.getByRole('button', { name: 'Revoke receipt links' }).click();
  await page.getByRole('button', { name: 'Yes, revoke the links' }).click();
  await expect(page.getByText('2 receipt links revoked')).toBeVisible();
  await expect(page.getByTestId('live-receipt-links')).toContainText('No receipt link');
  for (const url of [first, second]) {
    expect((await customer.page.goto(url))?.status()).toBe(404);
    await expect(customer.page.locator('main')).toContainText('Receipt not found');
  }

  await page.reload();
  const third = await receiptLink(page);
  expect((await customer.page.goto(third))?.status()).toBe(200);
  await customer.context.close();
});

test('a pending sale’s receipt turns to success without a reload', async ({ page, browser }) => {
  const number = magicNumber('0803', '51');
  await holdSales(number); // pending until we release it, however slow the machine
  const result = await sellAirtime(page, number);
  await expect(result).toHaveAttribute('data-status', /PENDING|UNKNOWN/);
  const url = await receiptLink(page);

  const customer = await asCustomer(browser);
  await customer.page.goto(url);
  const receipt = customer.page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-status', /PENDING|UNKNOWN/);
  await expect(receipt).toContainText('updates by itself');
  await customer.page.evaluate(
    () => ((window as unknown as { noReload: boolean }).noReload = true),
  );
  await releaseSales(number);
  await expect(receipt).toHaveAttribute('data-status', 'SUCCESS', { timeout: 30_000 });
  await expect(receipt).toContainText('Successful');
  expect(
    await customer.page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload),
  ).toBe(true);
  await customer.context.close();
});

test('the receipt prints: the receipt shows, the buttons hide, and it fits 80 mm', async ({
  page,
  browser,
}) => {
  const result = await sellAirtime(page, magicNumber('0803', '00'));
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  const url = await receiptLink(page);

  const customer = await asCustomer(browser);
  await customer.page.goto(url);
  const actions = customer.page.getByRole('navigation', { name: 'Receipt actions' });
  await expect(actions).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  await customer.page.emulateMedia({ media: 'print' });
  const receipt = customer.page.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  await expect(actions).toBeHidden();
  const widthPx = await receipt.evaluate((el) => el.getBoundingClientRect().width);
  expect(widthPx).toBeLessThanOrEqual(Math.ceil((80 / 25.4) * 96)); // no wider than an 80 mm roll
  const pdf = await customer.page.pdf({ width: '80mm', height: '160mm' });
  expect(pdf.byteLength).toBeGreaterThan(1_000);
  await customer.context.close();
});

test('the Print button opens the print dialog (window.print)', async ({ page }) => {
  const result = await sellAirtime(page, magicNumber('0803', '00'));
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  const url = await receiptLink(page);
  await page.goto(url);
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print 80 mm' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.dataset.paper)).toBe('80mm');
});
