// The admin gives CWG a private CA on its provider page: refused input writes nothing, a CA is shown by
// subject and fingerprint, and removing it goes back to the system CAs.
import { X509Certificate } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createTestCa } from '../test/world/certs';
import { DEMO, signIn } from './helpers';

test('an admin sets, checks and removes CWG’s private CA', async ({ page }) => {
  const ca = createTestCa('CWG Private Test CA');
  try {
    await signIn(page, DEMO.admin);
    await page.goto('/admin/providers/cwg');
    const form = page.getByRole('form', { name: 'TLS trust' });
    const trust = page.getByTestId('tls-trust');
    await expect(trust).toHaveText("Checked against the system's CAs.");

    await form
      .getByLabel('CA certificate (PEM)')
      .fill(`-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n${ca.caPem}`);
    await form.getByRole('button', { name: 'Save CA' }).click();
    await form.getByRole('button', { name: 'Yes, trust this CA' }).click();
    await expect(form.getByText('That text holds a private key')).toBeVisible();
    await page.reload();
    await expect(trust).toHaveText("Checked against the system's CAs.");

    await form.getByLabel('CA certificate (PEM)').fill(ca.caPem);
    await form.getByRole('button', { name: 'Save CA' }).click();
    await form.getByRole('button', { name: 'Yes, trust this CA' }).click();
    await expect(form.getByText('This provider now trusts CN=CWG Private Test CA')).toBeVisible();
    await page.reload();
    await expect(trust).toContainText('Trusts CN=CWG Private Test CA');
    await expect(trust).toContainText(new X509Certificate(ca.caPem).fingerprint256);

    // The demo's CWG is the simulator over plain HTTP: a CA changes nothing there.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText(/Connected in \d+ ms/)).toBeVisible();

    await page
      .getByRole('form', { name: 'TLS trust' })
      .getByRole('button', { name: 'Remove CA' })
      .click();
    await expect(page.getByText('Private CA removed')).toBeVisible();
    await page.reload();
    await expect(trust).toHaveText("Checked against the system's CAs.");

    await page.goto('/admin/audit?action=provider.tls_trust');
    await expect(page.locator('li span.font-mono', { hasText: 'provider.tls_trust' })).toHaveCount(
      2,
    ); // set, then removed
  } finally {
    ca.cleanup();
  }
});
