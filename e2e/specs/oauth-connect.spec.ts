import { expectAccessible } from '../support/axe';
import { openConnectPopup, signInWithHarvest } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { expect, test } from '../support/test';

test('OAuth connect through the sandbox consent page, with the account picker', async ({ page }) => {
  const { multi_account_person: person, accounts } = await sandbox.credentials();
  const second = accounts.find((a) => a.id === person.accounts[1]!.account_id)!;

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect Harvest', level: 1 })).toBeVisible();
  await expectAccessible(page);

  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await signInWithHarvest(popup, { person: person.name, accountName: second.name });

  await expect(page.getByTestId('connect-outcome')).toHaveText(`success: ${second.name}`);
  await expect(page.getByTestId('linked-account')).toContainText(
    `Linked: ${second.name} as ${person.name} (oauth`,
  );
  await expect(page.getByTestId('account-status')).toHaveText('active');
  await expect(page.locator('.hc-connection')).toHaveText(`Connected as ${person.name} (${second.name})`);
  await expectAccessible(page);
});
