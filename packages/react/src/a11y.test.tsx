import { createTestConnect } from '@harvest-connect/connect/testing';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, it } from 'vitest';
import { ConnectButton } from './connect/ConnectButton';
import { ConnectionStatus } from './connect/ConnectionStatus';
import { InvoiceStatusPanel } from './invoices/InvoiceStatusPanel';
import { accountKeys } from './queries/account';
import { invoiceKeys } from './queries/invoices';
import { timeKeys } from './queries/timers';
import { userDirectoryKeys } from './queries/userDirectory';
import { utilizationKeys } from './queries/utilization';
import { expectNoAxeViolations } from './test/axe';
import { makeUsers } from './test/fixtures';
import { makeInvoice, makePayment, pages } from './test/invoiceFixtures';
import { renderWithProvider, testQueryClient } from './test/renderWithProvider';
import { assignments, company, makeEntry, me } from './test/timeFixtures';
import { TimerButton } from './timer/TimerButton';
import { timerUiStore } from './timer/timerUiStore';
import { UserPicker } from './user-picker/UserPicker';
import { UtilizationOverview } from './utilization/UtilizationOverview';
import { localDay } from './utils/localDay';

const users = makeUsers(20);
const ref = { id: 'item-1', groupId: 'group-1', permalink: 'https://app.example.com/items/item-1' };

function timerClient(
  running: ReturnType<typeof makeEntry> | null,
  entries: ReturnType<typeof makeEntry>[] = [],
) {
  const qc = testQueryClient();
  qc.setQueryData(timeKeys.running(), running);
  qc.setQueryData(timeKeys.company(), company);
  qc.setQueryData(userDirectoryKeys.me(), me);
  qc.setQueryData(timeKeys.assignments(), assignments);
  const from = localDay(new Date(Date.now() - 86_400_000));
  qc.setQueryData(timeKeys.entries({ external_reference_id: 'item-1', from, user_id: 1000 }), entries);
  return qc;
}

beforeEach(() => timerUiStore.setState({ openFormFor: null, errors: {} }));

describe('no axe violations', () => {
  it('UserPicker: closed, open, multiple with chips, empty, loading and error', async () => {
    const user = userEvent.setup();
    const { rerender } = renderWithProvider(
      <UserPicker multiple users={users} defaultValue={['1000', '1001']} />,
    );
    await expectNoAxeViolations();
    await user.click(screen.getByRole('combobox', { name: 'People' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await expectNoAxeViolations();
    await user.type(screen.getByRole('combobox', { name: 'People' }), 'nobody');
    await expectNoAxeViolations();
    rerender(<UserPicker users={[]} loading />);
    await expectNoAxeViolations();
    rerender(<UserPicker users={[]} error={new Error('x')} />);
    await expectNoAxeViolations();
  });

  it('TimerButton: idle with the form open, running, stopped, locked, loading', async () => {
    const user = userEvent.setup();
    const idle = renderWithProvider(<TimerButton externalReference={ref} name="Fix login" />, {
      queryClient: timerClient(null),
    });
    await user.click(screen.getByRole('button', { name: 'Start timer' }));
    await expectNoAxeViolations();
    idle.unmount();
    const running = renderWithProvider(<TimerButton externalReference={ref} />, {
      queryClient: timerClient(makeEntry({ is_running: true, timer_started_at: new Date().toISOString() })),
    });
    await expectNoAxeViolations();
    running.unmount();
    const stopped = renderWithProvider(<TimerButton externalReference={ref} />, {
      queryClient: timerClient(null, [makeEntry({ hours: 1 })]),
    });
    await expectNoAxeViolations();
    stopped.unmount();
    const locked = renderWithProvider(<TimerButton externalReference={ref} />, {
      queryClient: timerClient(null, [makeEntry({ is_locked: true, locked_reason: 'Approved' })]),
    });
    await expectNoAxeViolations();
    locked.unmount();
    renderWithProvider(<TimerButton externalReference={ref} />);
    await expectNoAxeViolations();
  });

  it('InvoiceStatusPanel: list, expanded with validation errors, empty', async () => {
    const user = userEvent.setup();
    const qc = testQueryClient();
    qc.setQueryData(
      invoiceKeys.list({ limit: 20 }),
      pages({ result: [makeInvoice(1), makeInvoice(2, { state: 'paid' })], next_cursor: 'c1' }),
    );
    qc.setQueryData(
      invoiceKeys.list({ state: 'draft', limit: 20 }),
      pages({ result: [], next_cursor: null }),
    );
    qc.setQueryData(invoiceKeys.payments(1), [makePayment(1)]);
    renderWithProvider(<InvoiceStatusPanel />, { queryClient: qc });
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Details of invoice INV-1' }));
    const form = screen.getByRole('form', { name: 'Record a payment' });
    await user.click(within(form).getByRole('button', { name: 'Record payment' }));
    await expectNoAxeViolations();
    await user.selectOptions(screen.getByLabelText('State'), 'draft');
    await screen.findByText('No invoices match.');
    await expectNoAxeViolations();
  });

  it('UtilizationOverview and the connect widgets', async () => {
    const qc = testQueryClient();
    qc.setQueryData(utilizationKeys.week(undefined), {
      result: [
        {
          user_id: 1,
          name: 'Ada Lovelace',
          avatar_url: null,
          is_contractor: false,
          hours: 30,
          billable_hours: 20,
          capacity_hours: 40,
          utilization: 0.75,
          flag: 'ok',
        },
      ],
      week: { from: '2026-11-30', to: '2026-12-06' },
      thresholds: { under: 0.7, over: 1 },
    });
    qc.setQueryData(accountKeys.current(), {
      id: 'ia_1',
      end_user_id: 'u',
      harvest_account: { id: 1, name: 'Acme' },
      harvest_user: { id: 1, name: 'Ada', email: 'ada@example.com' },
      auth_type: 'pat',
      status: 'needs_reauth',
      created_at: '',
      updated_at: '',
      last_refreshed_at: null,
    });
    const connect = createTestConnect();
    renderWithProvider(
      <>
        <UtilizationOverview />
        <ConnectionStatus linkToken="hc_lt_1" />
        <ConnectButton linkToken="hc_lt_2" mode="popup" />
      </>,
      { queryClient: qc, connect },
    );
    await expectNoAxeViolations();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Connect Harvest' }));
    act(() => connect.simulate.blocked());
    await expectNoAxeViolations();
  });
});
