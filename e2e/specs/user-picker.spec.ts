import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { expect, test } from '../support/test';

test('UserPicker: search the Harvest directory and assign a ticket owner with the keyboard', async ({
  page,
}) => {
  const admin = await connectAsAdmin(page);
  const { users } = await sandbox.v2<{
    users: Array<{ first_name: string; last_name: string; is_active: boolean }>;
  }>(admin, '/v2/users?is_active=true&per_page=2000');
  // Someone in the middle of the list, searched by full name, so the search narrows to one person.
  const target = users[Math.floor(users.length / 2)]!;
  const name = `${target.first_name} ${target.last_name}`;

  await openPage(page, 'People');
  const input = page.getByRole('combobox', { name: 'Owner' });
  await expect(page.locator('.hc-user-picker')).toHaveAttribute('data-state', 'ready');
  await input.focus();
  await page.keyboard.type(name);
  const option = page.getByRole('option', { name: new RegExp(name) });
  await expect(option).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Owner' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-owner')).toHaveText(`Owner of ACME-101: ${name}`);
  await expect(
    page.getByRole('table', { name: 'Ticket owners' }).getByRole('row', { name: /ACME-101/ }),
  ).toContainText(name);
  // Another ticket starts with no owner, and keeps its own.
  await page.getByLabel('Ticket', { exact: true }).selectOption('ACME-102');
  await expect(page.getByTestId('ticket-owner')).toHaveText('ACME-102 has no owner yet.');

  // The directory beside it lists the same people.
  await expect(page.getByRole('table', { name: /Active people/ })).toContainText(name);
  await expect(page.getByRole('table', { name: /Roles/ }).getByRole('row')).not.toHaveCount(1);
  await expectAccessible(page);
});
