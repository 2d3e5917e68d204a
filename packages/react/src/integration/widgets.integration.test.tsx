import type {
  HarvestInvoicePayment,
  InvoiceWithStatus,
  ListResponse,
  UnifiedUser,
} from '@harvest-connect/protocol';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvoiceStatusPanel } from '../invoices/InvoiceStatusPanel';
import { liveServer } from '../test/liveServer';
import { UserPicker } from '../user-picker/UserPicker';
import { UtilizationOverview } from '../utilization/UtilizationOverview';

let live: Awaited<ReturnType<typeof liveServer>>;
beforeEach(async () => {
  live = await liveServer();
});
afterEach(() => live.h.close());

describe('widgets against the server and the Harvest sandbox', () => {
  it('UserPicker loads the directory, searches it and selects a person', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const all = await live.call<ListResponse<UnifiedUser>>(
      'administrator',
      ['user_directory:read'],
      '/v1/unified/user-directory/users?status=active&limit=1000',
    );
    const target = all.result[all.result.length - 1]!;
    live.render(<UserPicker onChange={onChange} debounceMs={0} />, 'administrator', ['user_directory:read']);
    const input = screen.getByRole('combobox', { name: 'People' });
    await waitFor(() => expect(input.closest('.hc-user-picker')).toHaveAttribute('data-state', 'ready'));
    // Roles come from the server too (administrators may read them).
    await waitFor(() => expect(screen.getByLabelText('Role')).toBeInTheDocument());
    await user.type(input, target.last_name);
    const option = await screen.findByRole('option', { name: new RegExp(target.name) });
    expect(option).toBeInTheDocument();
    await user.click(option);
    expect(onChange).toHaveBeenCalledWith(target.id, expect.objectContaining({ id: target.id }));
  });

  it('InvoiceStatusPanel lists invoices and records a payment in Harvest', async () => {
    const user = userEvent.setup();
    const scopes = ['invoices:read', 'invoices:write'] as const;
    const open = await live.call<ListResponse<InvoiceWithStatus>>(
      'administrator',
      [...scopes],
      '/v1/tools/invoices?state=open&limit=100',
    );
    const invoice = open.result.find((i) => i.due_amount >= 10);
    expect(invoice).toBeDefined();
    live.render(<InvoiceStatusPanel defaultState="open" pageSize={100} />, 'administrator', [...scopes]);
    const toggle = await screen.findByRole('button', { name: `Details of invoice ${invoice!.number}` });
    await user.click(toggle);
    const form = await screen.findByRole('form', { name: 'Record a payment' });
    await user.type(within(form).getByLabelText(`Amount (${invoice!.currency})`), '10');
    await user.type(within(form).getByLabelText('Notes'), 'Paid by the integration test');
    await user.click(within(form).getByRole('button', { name: 'Record payment' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Payment recorded.');
    const payments = await live.call<ListResponse<HarvestInvoicePayment>>(
      'administrator',
      [...scopes],
      `/v1/tools/invoices/${invoice!.id}/payments`,
    );
    expect(payments.result.some((p) => p.notes === 'Paid by the integration test' && p.amount === 10)).toBe(
      true,
    );
    // The history refreshes from the server after the payment.
    const history = screen.getByRole('region', { name: 'Payments' });
    await waitFor(() => expect(history).toHaveTextContent('Paid by the integration test'));
  });

  it('UtilizationOverview shows the week from the server, employees and contractors apart', async () => {
    live.render(<UtilizationOverview />, 'administrator', ['time:read']);
    const employees = await screen.findByRole('table', { name: 'Employees' });
    expect(within(employees).getAllByRole('row').length).toBeGreaterThan(1);
    expect(document.querySelector('.hc-utilization')).toHaveAttribute('data-state', 'ready');
  });
});
