import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { expect, test } from '../support/test';

interface Entry {
  external_reference: { id: string } | null;
}

test('one running timer across two TimerButtons and across two tabs', async ({ page, context }) => {
  const admin = await connectAsAdmin(page);
  const runningIds = async () =>
    (
      await sandbox.v2<{ time_entries: Entry[] }>(
        admin,
        `/v2/time_entries?is_running=true&user_id=${admin.user_id}`,
      )
    ).time_entries.map((e) => e.external_reference?.id);
  const start = async (p: typeof page, id: string) => {
    const ticket = p.locator(`#${id}`);
    await ticket.getByRole('button', { name: /Start timer|Restart timer/ }).click();
    // The first timer of a project asks which Harvest project and task; later ones reuse that choice.
    const form = ticket.getByRole('form', { name: 'Start a timer' });
    await expect(form.or(ticket.locator('.hc-timer[data-state="running"]'))).toBeVisible();
    if (await form.isVisible()) await form.getByRole('button', { name: 'Start' }).click();
    await expect(ticket.locator('.hc-timer')).toHaveAttribute('data-state', 'running');
  };

  await openPage(page, 'Tickets');
  const a = page.locator('#ACME-101 .hc-timer');
  const b = page.locator('#ACME-102 .hc-timer');
  await start(page, 'ACME-101');
  // Starting a second timer stops the first: Harvest runs one timer per person.
  await start(page, 'ACME-102');
  await expect(a).toHaveAttribute('data-state', 'stopped');
  expect(await runningIds()).toEqual(['ACME-102']);

  // A second tab sees the same running timer, and stopping it there updates the first tab.
  const other = await context.newPage();
  await other.goto('/tickets');
  const bThere = other.locator('#ACME-102 .hc-timer');
  await expect(bThere).toHaveAttribute('data-state', 'running');
  await expect(other.locator('#ACME-101 .hc-timer')).toHaveAttribute('data-state', 'stopped');
  await other.locator('#ACME-102').getByRole('button', { name: 'Stop timer' }).click();
  await expect(bThere).toHaveAttribute('data-state', 'stopped');
  await expect(b).toHaveAttribute('data-state', 'stopped');
  expect(await runningIds()).toEqual([]);

  // And a timer started in the second tab shows as running in the first.
  await start(other, 'ACME-103');
  await expect(page.locator('#ACME-103 .hc-timer')).toHaveAttribute('data-state', 'running');
  await other.locator('#ACME-103').getByRole('button', { name: 'Stop timer' }).click();
  await expect(page.locator('#ACME-103 .hc-timer')).toHaveAttribute('data-state', 'stopped');
});
