import { expectAccessible } from '../support/axe';
import { openConnectPopup, signInWithHarvest } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { openPage } from '../support/session';
import { expect, test } from '../support/test';

test('the sandbox revokes the grant -> needs reconnect -> reconnect', async ({ page }) => {
  const {
    personal_access_tokens: [admin],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === admin!.account_id)!;
  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await signInWithHarvest(popup, { person: admin!.name });
  await expect(page.getByTestId('account-status')).toHaveText('active');

  // The person revokes the app's access in Harvest ID.
  expect((await sandbox.revokeGrant(admin!.identity_id)).revoked).toBeGreaterThan(0);
  // The next call to Harvest is refused; the server marks the account as needing a reconnect.
  await openPage(page, 'People');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await openPage(page, 'Connect');
  await expect(page.getByTestId('account-status')).toHaveText('needs_reauth');
  await expectAccessible(page);

  const again = await openConnectPopup(page, page.getByRole('button', { name: 'Reconnect Harvest' }));
  await expect(again.getByRole('heading', { level: 1 })).toContainText('Reconnect');
  await signInWithHarvest(again, { person: admin!.name });
  await expect(page.getByTestId('connect-outcome')).toHaveText(`success: ${account.name}`);
  await expect(page.getByTestId('account-status')).toHaveText('active');
  await openPage(page, 'People');
  await expect(page.getByRole('table', { name: /Active people/ })).toBeVisible();
});
