import { expectAccessible } from '../support/axe';
import { openConnectPopup, signInWithHarvest } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { openPage } from '../support/session';
import { expect, test } from '../support/test';

test('ConnectionStatus: connected as, needs reconnect after a revoked grant, reconnect from it', async ({
  page,
}) => {
  const {
    personal_access_tokens: [admin],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === admin!.account_id)!;
  const status = page.locator('.hc-connection');
  await page.goto('/');
  await expect(status).toHaveAttribute('data-state', 'disconnected');
  const popup = await openConnectPopup(page, status.getByRole('button', { name: 'Connect Harvest' }));
  await signInWithHarvest(popup, { person: admin!.name });
  await expect(status).toHaveText(`Connected as ${admin!.name} (${account.name})`);

  await sandbox.revokeGrant(admin!.identity_id);
  await openPage(page, 'People');
  await expect(page.getByRole('alert').first()).toBeVisible();
  // No reload: the People page's refused call already told the widgets' client that the account needs Reconnect.
  await openPage(page, 'Connect');
  await expect(status).toHaveAttribute('data-state', 'needs_reconnect');
  await expect(status).toContainText('Harvest needs to be reconnected.');
  await expectAccessible(page);
  const again = await openConnectPopup(page, status.getByRole('button', { name: 'Reconnect' }));
  await signInWithHarvest(again, { person: admin!.name });
  await expect(status).toHaveText(`Connected as ${admin!.name} (${account.name})`);
});
