import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { invoiceKeys } from '../queries/invoices';
import { makeInvoice, makePayment, pages } from '../test/invoiceFixtures';
import { renderWithProvider, testQueryClient } from '../test/renderWithProvider';
import { InvoiceStatusPanel } from './InvoiceStatusPanel';
import { invoiceBadgeState } from './invoiceState';

function seeded() {
  const qc = testQueryClient();
  qc.setQueryData(
    invoiceKeys.list({ limit: 20 }),
    pages({
      result: [
        makeInvoice(1),
        makeInvoice(2, { state: 'open', due_date: '2020-01-31', overdue: false }),
        makeInvoice(3, { state: 'paid', due_amount: 0 }),
        makeInvoice(4, { state: 'draft', currency: 'USD', amount: 99 }),
        makeInvoice(5, { state: 'closed' }),
      ],
      next_cursor: 'c1',
    }),
  );
  qc.setQueryData(
    invoiceKeys.list({ state: 'paid', limit: 20 }),
    pages({ result: [makeInvoice(3, { state: 'paid' })], next_cursor: null }),
  );
  qc.setQueryData(invoiceKeys.list({ state: 'closed', limit: 20 }), pages({ result: [], next_cursor: null }));
  qc.setQueryData(invoiceKeys.payments(1), [makePayment(7, { amount: 200, notes: 'Wire transfer' })]);
  qc.setQueryData(invoiceKeys.payments(3), []);
  return qc;
}

const panel = () => document.querySelector('.hc-invoices')!;

describe('InvoiceStatusPanel', () => {
  it('derives overdue from the due date of an open invoice', () => {
    expect(invoiceBadgeState({ state: 'open', due_date: '2026-12-03', overdue: false }, '2026-12-04')).toBe(
      'overdue',
    );
    expect(invoiceBadgeState({ state: 'open', due_date: '2026-12-04', overdue: false }, '2026-12-04')).toBe(
      'open',
    );
    expect(invoiceBadgeState({ state: 'paid', due_date: '2020-01-01', overdue: false }, '2026-12-04')).toBe(
      'paid',
    );
    expect(invoiceBadgeState({ state: 'open', due_date: '2099-01-01', overdue: true }, '2026-12-04')).toBe(
      'overdue',
    );
  });

  it('shows loading, then the error with a retry button', async () => {
    renderWithProvider(<InvoiceStatusPanel />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading invoices…');
    expect(await screen.findByRole('alert')).toHaveTextContent('Invoices could not be loaded.');
    expect(panel()).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('lists invoices with badges and amounts in their currency and the locale', () => {
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: seeded(), locale: 'de-DE' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual([
      'open',
      'overdue',
      'paid',
      'draft',
      'closed',
    ]);
    expect(within(rows[0]!).getAllByRole('cell')[3]).toHaveTextContent(/1\.234,50\s€/);
    expect(within(rows[3]!).getAllByRole('cell')[3]).toHaveTextContent(/99,00\s\$/);
    expect(within(rows[1]!).getByText('Overdue')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
  });

  it('says so when the next page cannot be loaded, keeping the loaded invoices', async () => {
    const user = userEvent.setup();
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: seeded() });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invoices could not be loaded.');
    expect(screen.getAllByRole('row')).toHaveLength(6);
  });

  it('filters by state and shows the empty state', async () => {
    const user = userEvent.setup();
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: seeded() });
    await user.selectOptions(screen.getByLabelText('State'), 'paid');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('State'), 'closed');
    expect(await screen.findByText('No invoices match.')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-state', 'empty');
  });

  it('opens payment history and validates a payment before posting it', async () => {
    const user = userEvent.setup();
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: seeded(), locale: 'en-US' });
    const toggle = screen.getByRole('button', { name: 'Details of invoice INV-1' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const history = screen.getByRole('region', { name: 'Payments' });
    expect(history).toHaveTextContent('€200.00');
    expect(history).toHaveTextContent('Wire transfer');
    const form = screen.getByRole('form', { name: 'Record a payment' });
    const amount = within(form).getByLabelText('Amount (EUR)');
    await user.click(within(form).getByRole('button', { name: 'Record payment' }));
    expect(form).toHaveTextContent('Enter an amount.');
    expect(amount).toHaveFocus();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    await user.type(amount, '2000');
    await user.click(within(form).getByRole('button', { name: 'Record payment' }));
    expect(form).toHaveTextContent('The amount cannot exceed the due amount (€1,234.50).');
    await user.clear(amount);
    await user.type(amount, '100');
    await user.click(within(form).getByRole('button', { name: 'Record payment' }));
    // Nothing listens on the test server's port: the post fails, and the form says so.
    expect(await within(form).findByRole('alert')).toHaveTextContent('The payment could not be recorded.');
    expect(amount).toHaveValue(100);
  });

  it('offers no payment form for a paid invoice and shows its empty history', async () => {
    const user = userEvent.setup();
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: seeded() });
    await user.click(screen.getByRole('button', { name: 'Details of invoice INV-3' }));
    expect(screen.getByText('No payments yet.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Record a payment' })).toBeNull();
  });
});
