import { expect, test, type Page } from '@playwright/test';
import { createAgent, newSignedInPage, postCredit } from './admin-helpers';
import { DEMO, magicNumber, signIn } from './helpers';

async function sell(agent: Page, number: string, chip: string, network: string) {
  await agent.goto('/buy/airtime');
  await agent.getByLabel("Customer's number").fill(number);
  await expect(agent.getByTestId('detected-network')).toContainText(network);
  await agent.getByRole('button', { name: chip, exact: true }).click();
  await agent.getByRole('button', { name: 'Review sale' }).click();
  await agent.getByRole('button', { name: /^Send / }).click();
}

async function moveRoute(admin: Page, op: '↑ Up' | '↓ Down', provider: string, route: string) {
  await admin.goto('/admin/providers/routing');
  await admin
    .getByRole('form', { name: `${op} ${provider} in ${route}` })
    .getByRole('button')
    .click();
  await expect(admin.getByRole('form', { name: `${op} ${provider} in ${route}` })).toBeVisible();
}

test('a routing change sends the next sale to the new provider', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  const agent = await newSignedInPage(browser, DEMO.agentTwo);
  const providerOfSale = async (number: string) => {
    await page.goto(`/admin/transactions?q=${number}`);
    return (await page.getByRole('row').filter({ hasText: number }).innerText()).match(
      /jonet|vtpass|cwg/,
    )?.[0];
  };

  const first = magicNumber('0809', '00');
  await sell(agent, first, '₦100', '9MOBILE');
  await expect(agent.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
  expect(await providerOfSale(first)).toBe('vtpass');

  await moveRoute(page, '↑ Up', 'jonet', '9MOBILE airtime');
  try {
    await agent.getByRole('button', { name: 'New sale' }).click();
    const second = magicNumber('0809', '00');
    await sell(agent, second, '₦100', '9MOBILE');
    await expect(agent.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
    expect(await providerOfSale(second)).toBe('jonet');
  } finally {
    await moveRoute(page, '↓ Down', 'jonet', '9MOBILE airtime');
  }
  await agent.context().close();
});

test('an agent over the daily limit is refused with a clear message, and nothing is charged', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  const created = await createAgent(page);

  await page.goto('/admin/funding');
  const funding = await postCredit(page, {
    agentLabel: `${created.name} (${created.email})`,
    amount: '2000',
    reference: `E2E-LIMIT-${Date.now()}`,
    reason: 'E2E limit test',
  });
  await expect(funding.getByText(/Credited ₦2,000.00/)).toBeVisible();

  await page.goto(created.url);
  const limits = page.getByRole('form', { name: 'Limits' });
  await limits.getByLabel('Daily sales limit').fill('600');
  await limits.getByRole('button', { name: 'Save limits' }).click();
  await expect(limits.getByRole('status')).toBeVisible();

  const agent = await newSignedInPage(browser, created);
  await sell(agent, magicNumber('0803', '00'), '₦500', 'MTN');
  await expect(agent.getByTestId('sale-result')).toHaveAttribute('data-status', 'SUCCESS');
  await agent.getByRole('button', { name: 'New sale' }).click();
  await sell(agent, magicNumber('0803', '00'), '₦200', 'MTN');
  await expect(agent.getByText('This sale would pass your daily limit of ₦600.00.')).toBeVisible();
  await agent.goto('/wallet');
  await expect(agent.getByTestId('available-NGN')).toHaveText('₦1,510.00'); // ₦2,000 less ₦490 for the one sale
  await agent.context().close();
});
