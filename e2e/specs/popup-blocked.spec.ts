import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { STACK } from '../support/stack';
import { expect, test } from '../support/test';

test('a blocked popup falls back to a same-tab redirect, and the flow resumes on return', async ({
  page,
}) => {
  const {
    personal_access_tokens: [admin],
    accounts,
  } = await sandbox.credentials();
  const account = accounts.find((a) => a.id === admin!.account_id)!;
  // A popup blocker: window.open answers null, as browsers do when they block a window.
  await page.addInitScript(() => {
    window.open = () => null;
  });

  await page.goto('/');
  await page.getByRole('button', { name: 'Connect Harvest' }).last().click();
  // The same tab goes to the server's connect page, then to the sandbox's consent page.
  await expect(page).toHaveURL(new RegExp(`^${STACK.serverUrl}/connect/`));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in with Harvest' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Authorize');
  const select = page.getByLabel('Sign in as');
  const label = await select.locator('option', { hasText: admin!.name }).first().textContent();
  await select.selectOption({ label: label!.trim() });
  await page.getByRole('button', { name: 'Approve' }).click();

  // Back on the demo: the SDK resumes the flow from the URL and the server's session.
  await expect(page).toHaveURL(new RegExp(`^${STACK.demoUrl}/`));
  await expect(page.getByTestId('connect-outcome')).toHaveText(`success: ${account.name}`);
  await expect(page.getByTestId('linked-account')).toContainText(
    `Linked: ${account.name} as ${admin!.name} (oauth`,
  );
  await expectAccessible(page);
});
