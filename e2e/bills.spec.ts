import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, holdSales, magicNumber, releaseSales, signIn } from './helpers';

// Bills (#19) through the real pages against the simulator's VTpass bills endpoints. The account's last
// two digits choose the simulator's answer (docs/simulator.md, "Bills"): 00 success with a token, 51
// pending then delivered, 64 delivered without a token until released, 99 a wrong account.

const TOKEN_GROUPED = /^\d{4}( \d{4}){4}$/;
/**
 * A fresh customer's phone per sale: the repeat check ("sold this to this number less than a minute
 * ago") keys on the phone, so two tests sharing one would ask before sending.
 */
const customerPhone = () => magicNumber('0803', '00');

/** A meter number of 11 digits ending in the simulator's magic ending. */
const meterEnding = (lastTwo: string) => magicNumber('4510', lastTwo);
/** A DStv smartcard of 10 digits ending in the simulator's magic ending. */
const smartcardEnding = (lastTwo: string) => magicNumber('704', lastTwo);

async function verifyMeter(page: Page, meter: string) {
  await page.goto('/buy/electricity');
  await page.getByLabel('Electricity company').selectOption('IKEDC');
  await page.getByRole('button', { name: 'prepaid' }).click();
  await page.getByLabel('Meter number').fill(meter);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** Verifies the meter, pays ₦2,000 and returns the result panel. */
async function payElectricity(page: Page, meter: string) {
  await verifyMeter(page, meter);
  await expect(page.getByTestId('bill-customer-name')).not.toBeEmpty();
  await page.getByLabel("Customer's phone").fill(customerPhone());
  await page.getByRole('button', { name: '₦2,000', exact: true }).click();
  await page.getByRole('button', { name: 'Review payment' }).click();
  const confirm = page.getByTestId('confirm-panel');
  await expect(confirm).toContainText(meter);
  await expect(confirm).toContainText('Your commission');
  await page.getByRole('button', { name: /^Pay Ikeja Electric prepaid/ }).click();
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

async function availableNaira(page: Page): Promise<string> {
  await page.goto('/wallet');
  return (await page.getByTestId('available-NGN').textContent()) ?? '';
}

const markNoReload = (page: Page) =>
  page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
const stillNoReload = (page: Page) =>
  page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload);

test.beforeEach(async ({ page }) => signIn(page, DEMO.agent));

test('a prepaid token is sold, grouped in fours, and printed on the receipt a customer opens without a session', async ({
  page,
  browser,
}) => {
  const meter = meterEnding('00');
  const result = await payElectricity(page, meter);
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  const token = (await result.getByTestId('token-value').innerText()).trim();
  expect(token).toMatch(TOKEN_GROUPED);
  await expect(result).toContainText('Units:');
  const url = await receiptLink(page);

  const customer = await asCustomer(browser);
  expect((await customer.page.goto(url))?.status()).toBe(200);
  const receipt = customer.page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-status', 'SUCCESS');
  await expect(receipt).toContainText('Electricity receipt');
  await expect(customer.page.getByTestId('receipt-token')).toHaveText(token);
  await expect(receipt).toContainText(meter);
  await expect(receipt).toContainText('Ikeja Electric');
  await expect(customer.page).not.toHaveURL(/sign-in/);
  await customer.context.close();

  // The same token in the history row and on the sale's page.
  await page.goto(`/transactions?q=${meter}`);
  const row = page.getByTestId('history-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('token-value')).toHaveText(token);
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('token-value')).toHaveText(token);
  await expect(page.getByText(meter).first()).toBeVisible();
});

test('a DStv renewal: the smartcard is verified, the current bouquet is renewed', async ({
  page,
}) => {
  const card = smartcardEnding('00');
  await page.goto('/buy/tv');
  await page.getByRole('button', { name: /^(✓ )?DStv$/ }).click();
  await page.getByLabel('Smartcard / IUC number').fill(card);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const customer = page.getByTestId('bill-customer');
  await expect(customer).toContainText('Current bouquet');
  await expect(customer).toContainText('Renewal amount');
  await page.getByLabel("Customer's phone").fill(customerPhone());
  await expect(page.getByRole('button', { name: /Renew current bouquet/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Review payment' }).click();
  const confirm = page.getByTestId('confirm-panel');
  await expect(confirm).toContainText(card);
  await expect(confirm).toContainText('(renewal)');
  await page.getByRole('button', { name: /^Pay DStv / }).click();
  const result = page.getByTestId('sale-result');
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  await expect(result).toContainText(`DStv ${card}`);
});

test('a pending electricity sale gets its token on the result without a reload', async ({
  page,
}) => {
  const meter = meterEnding('51');
  await holdSales(meter); // pending until released, however slow the machine
  const result = await payElectricity(page, meter);
  await expect(result).toHaveAttribute('data-status', /PENDING|UNKNOWN/);
  await expect(result.getByTestId('token-value')).toHaveCount(0);
  await markNoReload(page);
  await releaseSales(meter);
  await expect(result).toHaveAttribute('data-status', 'SUCCESS', { timeout: 30_000 });
  await expect(result.getByTestId('token-value')).toHaveText(TOKEN_GROUPED, { timeout: 30_000 });
  expect(await stillNoReload(page)).toBe(true);
});

test('a paid bill awaiting its token shows so on the receipt, which fills the token in by itself', async ({
  page,
  browser,
}) => {
  const meter = meterEnding('64');
  await holdSales(meter); // delivered without a token until released
  const result = await payElectricity(page, meter);
  await expect(result).toHaveAttribute('data-status', 'SUCCESS');
  await expect(result.getByTestId('awaiting-token')).toBeVisible();
  const url = await receiptLink(page);

  const customer = await asCustomer(browser);
  await customer.page.goto(url);
  await expect(customer.page.getByTestId('receipt-awaiting-token')).toBeVisible();
  await markNoReload(customer.page);
  await releaseSales(meter);
  await expect(customer.page.getByTestId('receipt-token')).toHaveText(TOKEN_GROUPED, {
    timeout: 30_000,
  });
  await expect(customer.page.getByTestId('receipt-awaiting-token')).toHaveCount(0);
  expect(await stillNoReload(customer.page)).toBe(true);
  await customer.context.close();
  // The agent's result panel caught up too.
  await expect(result.getByTestId('token-value')).toHaveText(TOKEN_GROUPED, { timeout: 30_000 });
});

test('a wrong meter is refused in words beside the field and nothing is debited', async ({
  page,
}) => {
  const before = await availableNaira(page);
  const meter = meterEnding('99');
  await verifyMeter(page, meter);
  const refusal = page.locator('#account-error');
  await expect(refusal).toContainText(meter);
  await expect(page.getByLabel('Meter number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('bill-customer')).toHaveCount(0);
  // Without a verified customer the form does not go on to the confirm step.
  await page.getByRole('button', { name: 'Review payment' }).click();
  await expect(page.getByText('Verify the meter number first.')).toBeVisible();
  await expect(page.getByTestId('confirm-panel')).toHaveCount(0);
  expect(await availableNaira(page)).toBe(before);
  await page.goto(`/transactions?q=${meter}`);
  await expect(page.getByTestId('history-row')).toHaveCount(0);
});
