// The portal backs itself up on schedule, the dashboard shows the last backup, and says so when there is none.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';
import { E2E_DATA_DIR } from './paths';

const BACKUPS = path.join(E2E_DATA_DIR, 'backups');
const finished = () =>
  fs.existsSync(BACKUPS)
    ? fs
        .readdirSync(BACKUPS)
        .filter((f) => /^portal-\d{8}T\d{9}Z\.db$/.test(f))
        .sort()
    : [];

test('the running portal makes its first backup by itself, the dashboard shows the last one, and alerts when there is none', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The schedule's first run comes a few seconds after the start.
  await expect.poll(finished, { timeout: 60_000, intervals: [1_000] }).not.toEqual([]);

  await signIn(page, DEMO.admin);
  for (const f of finished()) fs.rmSync(path.join(BACKUPS, f)); // as if backups had stopped
  await page.goto('/admin');
  await expect(page.getByTestId('last-backup')).toHaveText('none yet');
  await expect(page.getByTestId('last-backup')).toHaveAttribute('data-late', 'true');
  await expect(page.getByText('No database backup has been made yet')).toBeVisible();

  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
    env: { ...process.env, DATABASE_PATH: path.join(E2E_DATA_DIR, 'portal.db') },
    encoding: 'utf8',
  });
  const [made] = finished();
  expect(out).toContain(made);
  const kb = (fs.statSync(path.join(BACKUPS, made!)).size / 1024).toFixed(1);
  await page.reload();
  await expect(page.getByTestId('last-backup')).toHaveAttribute('data-late', 'false');
  await expect(page.getByTestId('last-backup')).toContainText(`${kb} KB`);
  await expect(page.getByText('No database backup has been made yet')).toHaveCount(0);
});
