// Second factor at sign-in: an admin without one is sent to enrol and refused admin pages; TOTP
// enrolment with a computed code; a recovery code works once; a passkey through Chromium's virtual
// authenticator (DevTools WebAuthn domain); another admin's audited reset; next-auth's own session
// endpoint signs an old cookie out.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO, signIn, signInPasswordOnly } from './helpers';
import { E2E_PORT } from './paths';
import { confirmWithTotp, freshTotpCode } from './second-factor';

test.describe.configure({ mode: 'serial' });

let adminTwoSecret = '';
let recoveryCodes: string[] = [];

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test('an admin without a second factor is sent to enrol, and no admin page opens until it is set up', async ({
  page,
}) => {
  await signInPasswordOnly(page, DEMO.adminTwo);
  await expect(page).toHaveURL(/\/sign-in\/enrol$/);
  for (const path of ['/admin', '/admin/funding', '/admin/providers/vtpass']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\/enrol$/);
  }

  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  adminTwoSecret = (await page.getByTestId('totp-secret').innerText()).trim();
  const form = page.getByRole('form', { name: 'Confirm authenticator app' });
  await form.getByLabel('6-digit code from the app').fill('000000');
  await form.getByRole('button', { name: 'Confirm app' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'does not match' })).toBeVisible();
  await form.getByLabel('6-digit code from the app').fill(await freshTotpCode(adminTwoSecret));
  await form.getByRole('button', { name: 'Confirm app' }).click();
  await expect(page.getByText('Authenticator app set up.')).toBeVisible();
  recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map(
    (c) => c.trim(),
  );
  expect(recoveryCodes).toHaveLength(10);

  await page.getByRole('link', { name: 'Continue' }).first().click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto('/admin/funding');
  await expect(page.getByRole('heading', { name: /Funding|Credit/ }).first()).toBeVisible();
});

test('the next sign-in asks for the code; a wrong code is refused; a recovery code works once', async ({
  page,
}) => {
  await signInPasswordOnly(page, { ...DEMO.adminTwo, totpSecret: adminTwoSecret });
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
  await page.getByLabel(/Code from your authenticator app/).fill('123456');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/verify/);

  const code = recoveryCodes[0]!;
  await page.getByLabel(/Code from your authenticator app/).fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/sign-in\/enrol\?recovered=9/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);

  await signOut(page);
  await signInPasswordOnly(page, { ...DEMO.adminTwo, totpSecret: adminTwoSecret });
  await page.getByLabel(/Code from your authenticator app/).fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already used' })).toBeVisible();
  await confirmWithTotp(page, adminTwoSecret);
  await expect(page).toHaveURL(/\/admin$/);
});

test.describe('passkey', () => {
  // WebAuthn refuses an IP address as the relying party: the portal names itself "localhost" there.
  test.use({ baseURL: `http://localhost:${E2E_PORT}` });

  async function virtualAuthenticator(context: BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return { cdp, authenticatorId };
  }

  test('an admin adds a passkey, then signs in with it', async ({ page, context }) => {
    const { cdp, authenticatorId } = await virtualAuthenticator(context, page);
    await signIn(page, { ...DEMO.adminTwo, totpSecret: adminTwoSecret });
    await page.goto('/sign-in/enrol');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByText('Passkey added.')).toBeVisible();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await expect(page.getByTestId('recovery-codes')).toHaveCount(0); // the codes from the first enrolment still stand

    await signOut(page);
    await signInPasswordOnly(page, { ...DEMO.adminTwo, totpSecret: adminTwoSecret });
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount);
  });
});

test('another admin resets a lost second factor: audited, their session ends, they enrol again', async ({
  page,
  browser,
}) => {
  const lost = await browser.newContext();
  const lostPage = await lost.newPage();
  await signIn(lostPage, { ...DEMO.adminTwo, totpSecret: adminTwoSecret });

  await signIn(page, DEMO.admin);
  await page.goto('/admin/admins');
  const row = page.getByTestId(`admin-${DEMO.adminTwo.email}`);
  await expect(row).toContainText('authenticator app, 1 passkey');
  await expect(page.getByTestId(`admin-${DEMO.admin.email}`).getByRole('button')).toHaveCount(0); // never your own
  await row.getByRole('button', { name: 'Reset second factor' }).click();
  await row.getByRole('button', { name: 'Yes, reset it' }).click();
  // The row now says so (the reset button leaves with the factor).
  await expect(row).toContainText('No second factor yet');

  await page.goto('/admin/audit?action=mfa.reset');
  await expect(page.getByRole('listitem').filter({ hasText: 'mfa.reset' }).first()).toContainText(
    DEMO.admin.email,
  );

  // Their open session has ended, also for next-auth's own session endpoint.
  expect(await (await lost.request.get('/api/auth/session')).json()).toEqual({});
  await lostPage.goto('/admin');
  await expect(lostPage).toHaveURL(/\/sign-in$/);
  await signInPasswordOnly(lostPage, DEMO.adminTwo);
  await expect(lostPage).toHaveURL(/\/sign-in\/enrol$/);
  await lost.close();
});

test("next-auth's session endpoint answers an old cookie as signed out after sign out everywhere", async ({
  browser,
}) => {
  const device = await browser.newContext();
  const other = await browser.newContext();
  const page = await device.newPage();
  await signIn(page, DEMO.agentTwo);
  const otherPage = await other.newPage();
  await signIn(otherPage, DEMO.agentTwo);
  expect(await (await other.request.get('/api/auth/session')).json()).toMatchObject({
    uid: expect.any(Number),
    role: 'agent',
  });
  // The session cookie is HttpOnly (and Secure: the e2e server runs the production build).
  const cookie = (await other.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toMatchObject({
    name: '__Secure-next-auth.session-token',
    httpOnly: true,
    secure: true,
  });

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out on every device' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await (await other.request.get('/api/auth/session')).json()).toEqual({});
  await device.close();
  await other.close();
});
