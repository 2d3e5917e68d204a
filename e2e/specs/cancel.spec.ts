import { openConnectPopup } from '../support/connect';
import { expect, test } from '../support/test';

test('cancel in the popup ends the flow as cancelled', async ({ page }) => {
  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await closed;
  await expect(page.getByTestId('connect-outcome')).toHaveText('cancelled');
  await expect(page.getByTestId('linked-account')).toHaveCount(0);
});

test('closing the popup window ends the flow as cancelled', async ({ page }) => {
  await page.goto('/');
  const popup = await openConnectPopup(page, page.getByRole('button', { name: 'Connect Harvest' }).last());
  await popup.close();
  await page.bringToFront();
  await expect(page.getByTestId('connect-outcome')).toHaveText('cancelled');
});
