import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_DATA_DIR } from './paths';

const STEP_MS = 30_000;
// The portal accepts each code once (and none older than the last one used), so the steps this run
// already spent are kept on disk beside the app's database: a restarted test worker remembers them.
const SPENT = path.join(E2E_DATA_DIR, 'e2e-totp-steps.json');

function spent(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(SPENT, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export function totpCodeAt(secret: string, step: number): string {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).generate({ timestamp: step * STEP_MS });
}

/**
 * A code the portal has not seen yet: this step's, or the next step's (the portal accepts one step
 * ahead), else it waits for the clock to reach the next step.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const candidate = Math.max(step, (spent()[secret] ?? -1) + 1);
    if (candidate <= step + 1) {
      fs.writeFileSync(SPENT, JSON.stringify({ ...spent(), [secret]: candidate }));
      return totpCodeAt(secret, candidate);
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * STEP_MS - now + 100));
  }
}

/** The sign-in's second step with a code from the authenticator app. */
export async function confirmWithTotp(page: Page, secret: string) {
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await page.getByLabel(/Code from your authenticator app/).fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
