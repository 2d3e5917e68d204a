import { createTestConnect } from '@harvest-connect/connect/testing';
import type { IntegratedAccount } from '@harvest-connect/protocol';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accountKeys } from '../queries/account';
import { renderWithProvider, testQueryClient } from '../test/renderWithProvider';
import { ConnectionStatus } from './ConnectionStatus';

function account(status: IntegratedAccount['status']): IntegratedAccount {
  return {
    id: 'ia_1',
    end_user_id: 'user-1',
    harvest_account: { id: 9, name: 'Acme' },
    harvest_user: { id: 5, name: 'Ada Lovelace', email: 'ada@example.com' },
    auth_type: 'oauth',
    status,
    created_at: '2026-12-01T00:00:00Z',
    updated_at: '2026-12-01T00:00:00Z',
    last_refreshed_at: null,
  };
}

const seeded = (status: IntegratedAccount['status']) => {
  const qc = testQueryClient();
  qc.setQueryData(accountKeys.current(), account(status));
  return qc;
};
const root = () => document.querySelector('.hc-connection');

describe('ConnectionStatus', () => {
  it('shows who is connected', () => {
    renderWithProvider(<ConnectionStatus />, { queryClient: seeded('active'), connect: createTestConnect() });
    expect(screen.getByText('Connected as Ada Lovelace (Acme)')).toBeInTheDocument();
    expect(root()).toHaveAttribute('data-state', 'connected');
  });

  it('offers Reconnect for a revoked grant and refreshes the status after success', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    const qc = seeded('needs_reauth');
    renderWithProvider(<ConnectionStatus linkToken="hc_lt_4" />, { queryClient: qc, connect });
    expect(screen.getByText('Harvest needs to be reconnected.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(connect.opened[0]).toMatchObject({ integratedAccountId: 'ia_1' });
    act(() => connect.simulate.success({ reconnected: true }));
    expect(qc.getQueryState(accountKeys.current())?.isInvalidated).toBe(true);
  });

  it('turns to Reconnect when the cached account changes, with the loaded id and no prop', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    const qc = seeded('active');
    const asked: (string | undefined)[] = [];
    renderWithProvider(
      <ConnectionStatus
        linkToken={(id) => {
          asked.push(id);
          return `hc_lt_for_${id}`;
        }}
      />,
      { queryClient: qc, connect },
    );
    expect(screen.queryByRole('button')).toBeNull();
    act(() => qc.setQueryData(accountKeys.current(), account('needs_reauth')));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'needs_reconnect'));
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(connect.opened[0]).toMatchObject({ integratedAccountId: 'ia_1' });
    await waitFor(() => expect(connect.linkTokens).toEqual(['hc_lt_for_ia_1']));
    expect(asked).toEqual(['ia_1']);
  });

  it('reconnects the integratedAccountId prop over the loaded account', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    renderWithProvider(<ConnectionStatus linkToken="hc_lt_6" integratedAccountId="ia_override" />, {
      queryClient: seeded('needs_reauth'),
      connect,
    });
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(connect.opened[0]).toMatchObject({ integratedAccountId: 'ia_override' });
  });

  it('asks the server again on window focus even while fresh, and keeps what it knew when that fails', async () => {
    const qc = seeded('active');
    renderWithProvider(<ConnectionStatus />, { queryClient: qc, connect: createTestConnect() });
    expect(qc.getQueryState(accountKeys.current())?.errorUpdateCount).toBe(0);
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    // The provider's server is an unused port: the refetch fails as a network error, which is no news.
    await waitFor(() => expect(qc.getQueryState(accountKeys.current())?.errorUpdateCount).toBe(1));
    expect(root()).toHaveAttribute('data-state', 'connected');
  });

  it('shows disconnected with a Connect button (asking for a token for no account), loading, and a failed check', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    const asked: (string | undefined)[] = [];
    const { unmount } = renderWithProvider(
      <ConnectionStatus
        linkToken={(id) => {
          asked.push(id);
          return 'hc_lt_5';
        }}
      />,
      { queryClient: seeded('disconnected'), connect },
    );
    expect(screen.getByText('Harvest is not connected.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Connect Harvest' }));
    expect(connect.opened[0]?.integratedAccountId).toBeUndefined();
    await waitFor(() => expect(asked).toEqual([undefined]));
    unmount();
    renderWithProvider(<ConnectionStatus />, { connect: createTestConnect() });
    expect(screen.getByRole('status')).toHaveTextContent('Checking the Harvest connection…');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be checked');
  });
});
