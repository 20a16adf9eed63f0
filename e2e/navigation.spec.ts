import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const PHONE = { width: 360, height: 740 };

/** The element lies wholly inside the viewport: seen without scrolling sideways (or at all). */
async function expectInView(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
}

/** Neither the bar nor the page can be scrolled sideways. */
async function expectNoSidewaysScroll(page: Page, bar: Locator) {
  const inBar = await bar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(inBar.scroll).toBeLessThanOrEqual(inBar.client);
  const onPage = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(onPage.scroll).toBeLessThanOrEqual(onPage.client);
}

test.describe('on a phone (360 px)', () => {
  test.use({ viewport: PHONE });

  test('the bottom bar holds airtime, data, bills, history and wallet in view; More opens the rest', async ({
    page,
  }) => {
    await signIn(page, DEMO.agent);
    await page.goto('/dashboard');
    const bar = page.getByTestId('bottom-bar');
    await expect(bar).toBeVisible();
    await expectNoSidewaysScroll(page, bar);
    // The wide screen's top navigation is not also shown.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);

    const daily = [
      ['Airtime', '/buy/airtime'],
      ['Data', '/buy/data'],
      ['Bills', '/buy/bills'],
      ['History', '/transactions'],
      ['Wallet', '/wallet'],
    ] as const;
    for (const [name] of daily) await expectInView(page, bar.getByRole('link', { name }));
    for (const [name, path] of daily) {
      await bar.getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      // /buy/bills is the bills hub another change builds; until it is there the page is "not found".
      if (path === '/buy/bills') {
        await page.goto('/dashboard');
        continue;
      }
      await expect(bar.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      await expectNoSidewaysScroll(page, bar);
    }

    // The page's last words stay above the bar when scrolled to the end.
    await page.goto('/transactions');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastBottom = await page
      .locator('main')
      .evaluate((main) => (main.lastElementChild ?? main).getBoundingClientRect().bottom);
    const barTop = await bar.evaluate((el) => el.getBoundingClientRect().top);
    expect(lastBottom).toBeLessThanOrEqual(barTop);

    const more = bar.getByText('More', { exact: true });
    await expectInView(page, more);
    const numbers = bar.getByRole('link', { name: 'Numbers' });
    await expect(numbers).toBeHidden();
    await more.click();
    for (const name of ['Home', 'Plans', 'Numbers', 'Bulk', 'API keys', 'Webhooks', 'Account'])
      await expectInView(page, bar.getByRole('link', { name, exact: true }));
    await expectInView(page, bar.getByRole('button', { name: 'Sign out' }));
    // Escape closes it and leaves the focus on "More".
    await page.keyboard.press('Escape');
    await expect(numbers).toBeHidden();
    await expect(more).toBeFocused();
    // Following one of its links closes it, and "More" is where the current page is.
    await page.keyboard.press('Enter');
    await numbers.click();
    await expect(page).toHaveURL(/\/beneficiaries$/);
    await expect(numbers).toBeHidden();
    await more.click();
    await expect(numbers).toHaveAttribute('aria-current', 'page');
  });

  test("the admin console's places are reachable too: five in the bar, the rest under More", async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/admin');
    const bar = page.getByTestId('bottom-bar');
    await expectNoSidewaysScroll(page, bar);
    for (const name of ['Home', 'Agents', 'Funding', 'Sales', 'Review'])
      await expectInView(page, bar.getByRole('link', { name, exact: true }));
    await bar.getByText('More', { exact: true }).click();
    for (const name of ['Catalogue', 'Providers', 'Reconcile', 'API keys', 'Audit log', 'Admins'])
      await expectInView(page, bar.getByRole('link', { name, exact: true }));
    await bar.getByRole('link', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(bar.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });
});

test('on a wide screen the navigation is along the top and marks the current page; no bottom bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.agent);
  await page.goto('/wallet');
  await expect(page.getByTestId('bottom-bar')).toBeHidden();
  const top = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Airtime', 'Data', 'Bills', 'History', 'Wallet', 'Numbers', 'Account'])
    await expectInView(page, top.getByRole('link', { name, exact: true }));
  await expect(top.getByRole('link', { name: 'Wallet' })).toHaveAttribute('aria-current', 'page');
  await expect(top.getByRole('link', { name: 'History' })).not.toHaveAttribute('aria-current');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
