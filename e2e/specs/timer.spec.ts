import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { STACK } from '../support/stack';
import { expect, test } from '../support/test';

interface Entry {
  id: number;
  is_running: boolean;
  external_reference: { id: string; group_id: string; permalink: string } | null;
}

test('timer start and stop on a ticket, with its external reference in Harvest', async ({ page }) => {
  const admin = await connectAsAdmin(page);
  const running = async () =>
    (
      await sandbox.v2<{ time_entries: Entry[] }>(
        admin,
        `/v2/time_entries?is_running=true&user_id=${admin.user_id}`,
      )
    ).time_entries;

  await openPage(page, 'Tickets');
  const ticket = page.locator('#ACME-101');
  const timer = ticket.locator('.hc-timer');
  await expect(timer).toHaveAttribute('data-state', /idle|stopped/);
  await ticket.getByRole('button', { name: 'Start timer' }).click();
  const form = ticket.getByRole('form', { name: 'Start a timer' });
  await expect(form.getByLabel('Notes')).toHaveValue('ACME-101 Checkout page times out on slow networks');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Start' }).click();
  await expect(timer).toHaveAttribute('data-state', 'running');
  await expect(timer).not.toHaveAttribute('data-pending');

  const [entry] = await running();
  expect(entry?.external_reference).toMatchObject({
    id: 'ACME-101',
    group_id: 'web',
    permalink: `${STACK.demoUrl}/tickets#ACME-101`,
  });
  await expectAccessible(page);

  await ticket.getByRole('button', { name: 'Stop timer' }).click();
  await expect(timer).toHaveAttribute('data-state', 'stopped');
  await expect(timer).not.toHaveAttribute('data-pending');
  expect(await running()).toEqual([]);
  const stopped = await sandbox.v2<Entry>(admin, `/v2/time_entries/${entry!.id}`);
  expect(stopped.is_running).toBe(false);
});
