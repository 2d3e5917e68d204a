import { expect, type Page } from '@playwright/test';
import { connectWithToken, openConnectPopup } from './connect';
import { type Credentials, sandbox } from './sandbox';

type Person = Credentials['personal_access_tokens'][number];

/**
 * Links the sandbox's administrator (by personal access token, the quickest flow) for this browser context,
 * and returns who it is. Journeys about the widgets start here.
 *
 * @example
 * const admin = await connectAsAdmin(page);
 */
export async function connectAsAdmin(page: Page): Promise<Person> {
  const admin = (await sandbox.credentials()).personal_access_tokens[0]!;
  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await connectWithToken(popup, admin);
  await expect(page.getByTestId('account-status')).toHaveText('active');
  return admin;
}

/**
 * Goes to one of the demo's pages through its menu (no reload, as a person would).
 *
 * @example
 * await openPage(page, 'Tickets');
 */
export async function openPage(
  page: Page,
  name: 'Connect' | 'People' | 'Tickets' | 'Billing' | 'Utilization',
) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    name === 'Connect' ? 'Connect Harvest' : name,
  );
}
