import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO, holdSales, magicNumber, releaseSales, signIn } from './helpers';

test.use({ viewport: { width: 360, height: 780 } }); // the agent's phone

test('a bulk upload: every row checked, confirmed, live progress to done, a held sale turns sold without a reload, result CSV', async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const sold = magicNumber('0803', '00');
  const held = magicNumber('0803', '51');
  await holdSales(held); // pending until we release it, however slow the machine
  const csv = [
    'number,network,amount',
    `${sold},,100`,
    `${held},MTN,200`,
    '12345,,100',
    `${magicNumber('0803', '00')},VODAFONE,100`,
  ].join('\n');

  await page.goto('/bulk');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'counter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page).toHaveURL(/\/bulk\/\d+$/);

  // The preview: nothing sold yet, errors in words first, the total against the balance.
  const batch = page.getByTestId('bulk-batch');
  await expect(batch).toHaveAttribute('data-status', 'preview');
  const rows = page.getByTestId('bulk-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Not a Nigerian mobile number');
  await expect(rows.nth(1)).toContainText('Unknown network "VODAFONE"');
  await expect(rows.nth(2)).toContainText('MTN');
  await expect(rows.nth(2)).toHaveAttribute('data-result', 'ready');
  await expect(page.getByTestId('bulk-total')).toContainText('₦');

  await page.getByRole('button', { name: 'Confirm and sell 2 rows' }).click();
  await page.getByRole('button', { name: 'Yes, sell them' }).click();

  // The worker sells the rows; the page follows by itself: the held sale is pending, the other sold.
  await expect(batch).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-progress')).toHaveText('4 of 4 rows done');
  await expect(page.getByTestId('bulk-counts')).toContainText('✓ 1 sold · … 1 pending');
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  await releaseSales(held);
  await expect(page.getByTestId('bulk-counts')).toContainText('✓ 2 sold · … 0 pending', {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(
    true,
  );

  const download = page.waitForEvent('download');
  await page.getByTestId('bulk-download').click();
  const file = fs
    .readFileSync((await (await download).path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(file[0]).toBe('row,number,network,product,amount,cost,result,reference,message');
  expect(file).toHaveLength(5);
  expect(file[1]).toContain(`"${sold}","MTN"`);
  expect(file[1]).toContain('"sold"');
  expect(file[2]).toContain(`"${held}","MTN"`);
  expect(file[2]).toContain('"200.00"');
  expect(file[3]).toContain('"not sold: invalid row"');
});
