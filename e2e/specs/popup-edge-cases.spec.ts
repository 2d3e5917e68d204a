import { expectAccessible } from '../support/axe';
import { openConnectPopup, signInWithHarvest } from '../support/connect';
import { sandbox } from '../support/sandbox';
import { expect, test } from '../support/test';

test('a popup that severs window.opener still completes, through polling', async ({ page }) => {
  const {
    personal_access_tokens: [admin],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === admin!.account_id)!;
  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  // As a Cross-Origin-Opener-Policy or a hostile page would: the popup can no longer post to the opener.
  await popup.evaluate(() => {
    window.opener = null;
  });
  await signInWithHarvest(popup, { person: admin!.name, closes: false });
  await expect(page.getByTestId('connect-outcome')).toHaveText(`success: ${account.name}`);
  // Without an opener the popup cannot close itself, and the opener may no longer close it: the result page
  // says so, and its button closes it.
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(popup);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Close this window' }).click();
  await closed;
});

test('a flow that runs past its timeout ends as timeout and closes its popup', async ({ page }) => {
  await page.goto('/?connect_timeout_ms=3000');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await popup.waitForEvent('close');
  await expect(page.getByTestId('connect-outcome')).toHaveText('timeout');
});
