import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * Clicks a connect button and returns the popup it opened, once the server's connect page shows.
 *
 * @example
 * const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }));
 */
export async function openConnectPopup(page: Page, button: ReturnType<Page['getByRole']>): Promise<Page> {
  const popupPromise = page.waitForEvent('popup');
  await button.click();
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { level: 1 })).toContainText(
    /Connect your Harvest account|Reconnect/,
  );
  return popup;
}

/**
 * In the popup: "Sign in with Harvest", then on the sandbox's consent page sign in as `person` and approve,
 * then (for a person with several Harvest accounts) pick `accountName`. Checks each page with axe on the way.
 * Waits for the popup to close itself unless `closes: false`.
 *
 * @example
 * await signInWithHarvest(popup, { person: 'Ada Admin' });
 */
export async function signInWithHarvest(
  popup: Page,
  options: { person: string; accountName?: string; closes?: boolean },
): Promise<void> {
  await expectAccessible(popup);
  await popup.getByRole('button', { name: 'Sign in with Harvest' }).click();
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('Authorize');
  await expectAccessible(popup);
  const select = popup.getByLabel('Sign in as');
  const label = await select.locator('option', { hasText: options.person }).first().textContent();
  await select.selectOption({ label: label!.trim() });
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Approve' }).click();
  if (options.accountName) {
    await expect(popup.getByRole('heading', { name: 'Choose a Harvest account' })).toBeVisible();
    await expectAccessible(popup);
    await popup.getByRole('radio', { name: options.accountName }).check();
    await popup.getByRole('button', { name: 'Link this account' }).click();
  }
  if (options.closes !== false) await closed;
}

/**
 * In the popup: connect with a personal access token (the sandbox's seeded one) and wait for the popup to close.
 *
 * @example
 * await connectWithToken(popup, admin);
 */
export async function connectWithToken(
  popup: Page,
  who: { token: string; account_id: number },
): Promise<void> {
  await popup.getByLabel('Personal access token', { exact: true }).fill(who.token);
  await popup.getByLabel('Harvest account ID').fill(String(who.account_id));
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Connect with this token' }).click();
  await closed;
}
