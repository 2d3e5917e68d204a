import { expectAccessible } from '../support/axe';
import { connectWithToken, openConnectPopup } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { expect, test } from '../support/test';

test('the no-build page connects with the script-tag button', async ({ page }) => {
  const {
    personal_access_tokens: [, manager],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === manager!.account_id)!;
  await page.goto('/script-tag.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect Harvest with a script tag');
  await expectAccessible(page);

  const popup = await openConnectPopup(
    page,
    page.getByRole('button', { name: 'Connect Harvest', exact: true }),
  );
  await connectWithToken(popup, manager!);
  await expect(page.locator('#outcome')).toHaveText(`success: ${account.name}`);
});

test('the <harvest-connect-button> custom element opens the flow (cancelled here)', async ({ page }) => {
  await page.goto('/script-tag.html');
  const element = page.locator('harvest-connect-button');
  await expect(element).toBeVisible();
  // A real <button> inside the element's shadow root: reachable by role and by keyboard.
  const button = page.getByRole('button', { name: 'Connect with the custom element' });
  const popup = await openConnectPopup(page, button);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await closed;
  await expect(page.locator('#outcome')).toHaveText('cancelled');
  await expectAccessible(page);
});
