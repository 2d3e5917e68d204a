import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionStatus } from '../connect/ConnectionStatus';
import { timeKeys } from '../queries/timers';
import { fullServer } from '../test/fullServer';
import { TimerButton } from '../timer/TimerButton';
import { timerUiStore } from '../timer/timerUiStore';

const scopes = ['time:read', 'time:write', 'user_directory:read'] as const;
let live: Awaited<ReturnType<typeof fullServer>> | undefined;
afterEach(async () => {
  await live?.h.close();
  live = undefined;
  timerUiStore.setState({ openFormFor: null, errors: {} });
});

const status = () => document.querySelector('.hc-connection')!;

/** ConnectionStatus beside a TimerButton, both over the whole server, connected as the sandbox's member. */
async function connected() {
  live = await fullServer('member');
  const server = live;
  const view = live.render(
    <>
      <ConnectionStatus linkToken={async () => 'hc_lt_unused'} />
      <TimerButton
        externalReference={{ id: 'card-1', groupId: 'board-1', permalink: 'https://app.example.com/1' }}
      />
    </>,
    () => server.mintSessionToken([...scopes]),
  );
  await waitFor(() => expect(status()).toHaveAttribute('data-state', 'connected'));
  await waitFor(() => expect(document.querySelector('.hc-timer')).toHaveAttribute('data-state', 'idle'));
  return { server, queryClient: view.queryClient };
}

describe('ConnectionStatus follows the account without a reload', () => {
  it('shows Reconnect once a timer call meets the revoked grant', async () => {
    const { server, queryClient } = await connected();
    // Harvest refuses the personal access token from now on (the PAT form of a revoked grant).
    expect(server.h.sandbox.control.revokeToken(server.pat.token)).toBe(true);
    // The running-timer poll, as its interval would run it; the account query itself is fresh and not asked.
    await act(() => queryClient.refetchQueries({ queryKey: timeKeys.running() }));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'needs_reconnect'));
    expect(screen.getByText('Harvest needs to be reconnected.')).toBeInTheDocument();
    // No integratedAccountId prop: the id comes from the account the widget loaded.
    expect(screen.getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
  });

  it('asks again on window focus when something else learnt of the revoked grant', async () => {
    const { server } = await connected();
    server.h.sandbox.control.revokeToken(server.pat.token);
    // Another tab's call: the server marks the account needs_reauth; this page made no call yet.
    const { session_token } = await server.mintSessionToken(['time:read']);
    const res = await server.serverFetch(`${server.h.config.publicUrl}/v1/tools/timers/running`, {
      headers: { authorization: `Bearer ${session_token}` },
    });
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'integrated_account.needs_reauth',
    );
    expect(status()).toHaveAttribute('data-state', 'connected');
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'needs_reconnect'));
  });

  it('shows disconnected with Connect once a call meets the deleted account', async () => {
    const { server, queryClient } = await connected();
    const res = await server.h.app.request(`/v1/integrated-accounts/${server.account.id}`, {
      method: 'DELETE',
      headers: server.h.apiHeaders,
    });
    expect(res.status).toBe(204);
    await act(() => queryClient.refetchQueries({ queryKey: timeKeys.running() }));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'disconnected'));
    expect(screen.getByRole('button', { name: 'Connect Harvest' })).toBeInTheDocument();
  });
});
