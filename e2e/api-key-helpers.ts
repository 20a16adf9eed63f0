import { expect, type Page } from '@playwright/test';

/** Creates an API key on the agent's API keys page (the page must be signed in) and returns it as shown once. */
export async function createApiKeyInBrowser(
  page: Page,
  name: string,
  scopes: { read?: boolean; sell?: boolean } = {},
): Promise<string> {
  await page.goto('/account/api-keys');
  const form = page.getByRole('form', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  if (scopes.read === false) await form.getByRole('checkbox', { name: /^Read:/ }).uncheck();
  if (scopes.sell === false) await form.getByRole('checkbox', { name: /^Sell:/ }).uncheck();
  await form.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-api-key');
  await expect(shown).toHaveText(/^vp_live_/);
  return (await shown.textContent())!.trim();
}
