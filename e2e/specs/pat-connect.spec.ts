import { expectAccessible } from '../support/axe';
import { connectWithToken, openConnectPopup } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { expect, test } from '../support/test';

test('personal access token connect', async ({ page }) => {
  const {
    personal_access_tokens: [admin],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === admin!.account_id)!;

  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await expectAccessible(popup);
  await connectWithToken(popup, admin!);

  await expect(page.getByTestId('connect-outcome')).toHaveText(`success: ${account.name}`);
  await expect(page.getByTestId('linked-account')).toContainText(
    `Linked: ${account.name} as ${admin!.name} (pat`,
  );
  await expectAccessible(page);
});
