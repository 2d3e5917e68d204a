import { expectAccessible } from '../support/axe';
import { sandbox } from '../support/sandbox';
import { connectAsAdmin, openPage } from '../support/session';
import { expect, test } from '../support/test';

interface Invoice {
  id: number;
  number: string;
  state: string;
  due_amount: number;
  currency: string;
}

test('record a payment for the whole due amount: the invoice turns paid', async ({ page }) => {
  const admin = await connectAsAdmin(page);
  await openPage(page, 'Billing');
  const panel = page.locator('.hc-invoices');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expectAccessible(page);

  // The first open (or overdue) invoice on the page, and its facts in Harvest.
  const row = panel
    .locator('tr.hc-invoices__row[data-state="open"], tr.hc-invoices__row[data-state="overdue"]')
    .first();
  const toggle = row.getByRole('button', { name: /^Details of invoice / });
  const number =
    (await toggle.getAttribute('aria-label'))?.replace('Details of invoice ', '') ??
    (await toggle.textContent())!;
  const { invoices } = await sandbox.v2<{ invoices: Invoice[] }>(
    admin,
    '/v2/invoices?state=open&per_page=2000',
  );
  const invoice = invoices.find((i) => i.number === number.trim())!;
  expect(invoice, `invoice ${number} is open in the sandbox`).toBeDefined();

  await toggle.click();
  const form = page.getByRole('form', { name: 'Record a payment' });
  await form.getByLabel(`Amount (${invoice.currency})`).fill(String(invoice.due_amount));
  await form.getByLabel('Notes').fill('Paid in full (e2e)');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Record payment' }).click();
  // Paid in full: the badge turns Paid and the form goes away (a paid invoice takes no payment).
  const paidRow = panel.locator('tr.hc-invoices__row', {
    has: page.getByRole('button', { name: `Details of invoice ${invoice.number}` }),
  });
  await expect(paidRow).toHaveAttribute('data-state', 'paid');
  await expect(paidRow.locator('.hc-invoice-badge')).toHaveText('Paid');
  await expect(form).toHaveCount(0);
  const after = await sandbox.v2<Invoice>(admin, `/v2/invoices/${invoice.id}`);
  expect(after.state).toBe('paid');
  expect(after.due_amount).toBe(0);
  await expect(page.getByRole('region', { name: 'Payments' })).toContainText('Paid in full (e2e)');
});
