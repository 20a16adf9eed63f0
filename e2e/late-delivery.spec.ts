import { expect, test } from '@playwright/test';
import { minor, newSignedInPage } from './admin-helpers';
import { DEMO, magicNumber, signIn } from './helpers';

// Ending 62: the provider answers a definite failure, then its record turns to delivered and it sends
// a success callback. JoNet (first for Nigerian data) refunds its failure at once, so the delivery comes
// after the refund: the sale must reach the admin's review queue, and the admin decides who pays.
test('a sale delivered after its refund reaches the review queue and is recovered from the agent', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // waits for the simulator's callback after its resolve delay
  await signIn(page, DEMO.agent);
  await page.goto('/wallet');
  const before = minor(await page.getByTestId('available-NGN').innerText());
  await page.goto('/buy/data');
  const number = magicNumber('0803', '62');
  await page.getByLabel("Customer's number").fill(number);
  await expect(page.getByTestId('detected-network')).toContainText('MTN');
  // A bundle JoNet carries (the catalogue merges it with VTpass's and CWG's), so JoNet is asked first.
  await page
    .getByTestId('plan-card')
    .filter({ hasText: /1\s?GB/ })
    .filter({ hasText: /30 days/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Review sale' }).click();
  await page.getByRole('button', { name: /^Send MTN/ }).click();
  await expect(page.getByTestId('sale-result')).toHaveAttribute('data-status', 'FAILED');
  await page.goto('/wallet');
  expect(minor(await page.getByTestId('available-NGN').innerText())).toBe(before);

  const admin = await newSignedInPage(browser, DEMO.admin);
  // The simulator's success callback arrives after its resolve delay; the portal checks it, then flags the sale.
  await expect(async () => {
    await admin.goto('/admin/review');
    await expect(admin.getByText(number).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const ours = admin.getByTestId('late-delivery').filter({ hasText: number });
  await expect(ours.getByTestId('late-kind')).toHaveText('Delivered after refund');
  await expect(ours.getByTestId('timeline')).toContainText('Delivered after the refund');
  await admin.goto('/admin');
  await expect(
    admin.getByText(/delivered after the agent was refunded: recover or write off/),
  ).toBeVisible(); // the alert
  await admin.goto('/admin/review');

  const form = ours.getByRole('form', { name: /Resolve late delivery/ });
  await form.getByRole('button', { name: 'Decide' }).click();
  await expect(form.getByText('Choose recover or write off.')).toBeVisible(); // nothing moves without a decision
  await form.getByRole('radio', { name: /Recover/ }).check();
  await form.getByLabel('Reason').fill('JoNet confirmed the data was delivered');
  await form.getByLabel('I checked the delivery with the provider').check();
  const details = await ours.getByRole('link', { name: 'details' }).getAttribute('href');
  await form.getByRole('button', { name: 'Decide' }).click();
  // Decided once: the card leaves the queue, and the sale's page keeps the outcome.
  await expect(ours).toHaveCount(0);
  await admin.goto(details!);
  await expect(
    admin.getByRole('link', { name: 'Delivered after refund · recovered' }),
  ).toBeVisible();

  await page.goto('/wallet');
  expect(minor(await page.getByTestId('available-NGN').innerText())).toBeLessThan(before);
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Recovered: a refunded sale was delivered after all' })
      .first(),
  ).toBeVisible();
  await admin.context().close();
});
