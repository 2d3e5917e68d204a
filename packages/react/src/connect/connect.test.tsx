import { createTestConnect } from '@harvest-connect/connect/testing';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProvider } from '../test/renderWithProvider';
import { ConnectButton } from './ConnectButton';

describe('ConnectButton', () => {
  it('opens one flow per click under StrictMode and calls the latest onSuccess exactly once', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = renderWithProvider(
      <StrictMode>
        <ConnectButton linkToken={async () => 'hc_lt_1'} onSuccess={first} />
      </StrictMode>,
      { connect },
    );
    await user.click(screen.getByRole('button', { name: 'Connect Harvest' }));
    expect(connect.opened).toHaveLength(1);
    expect(screen.getByRole('button')).toHaveTextContent('Connecting…');
    expect(screen.getByRole('button')).toHaveAttribute('aria-busy', 'true');
    rerender(
      <StrictMode>
        <ConnectButton linkToken={async () => 'hc_lt_1'} onSuccess={latest} />
      </StrictMode>,
    );
    act(() => connect.simulate.success({ harvest_account: { id: 9, name: 'Acme' } }));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
    expect(latest.mock.calls[0]?.[0]).toMatchObject({ harvest_account: { name: 'Acme' } });
    expect(screen.getByRole('button')).toHaveTextContent('Connect Harvest');
    expect(connect.linkTokens).toEqual(['hc_lt_1']);
  });

  it('says so when the window was blocked, and calls onExit', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    const onExit = vi.fn();
    renderWithProvider(<ConnectButton linkToken="hc_lt_2" mode="popup" onExit={onExit} />, { connect });
    await user.click(screen.getByRole('button'));
    act(() => connect.simulate.blocked());
    expect(screen.getByRole('alert')).toHaveTextContent('The Harvest window was blocked.');
    expect(onExit).toHaveBeenCalledWith({ type: 'blocked' });
  });

  it('creates the SDK instance once per provider, whatever the renders', async () => {
    const user = userEvent.setup();
    const instance = createTestConnect();
    const createConnect = vi.fn(() => instance);
    const { rerender } = renderWithProvider(<ConnectButton linkToken="hc_lt_9" />, { createConnect });
    rerender(<ConnectButton linkToken="hc_lt_9" onSuccess={() => {}} />);
    rerender(<ConnectButton linkToken="hc_lt_10" />);
    await user.click(screen.getByRole('button'));
    expect(createConnect).toHaveBeenCalledTimes(1);
    expect(createConnect).toHaveBeenCalledWith({ serverUrl: 'http://127.0.0.1:9' });
    expect(instance.opened[0]?.linkToken).toBe('hc_lt_10');
  });

  it('reconnects a given account', async () => {
    const user = userEvent.setup();
    const connect = createTestConnect();
    renderWithProvider(<ConnectButton linkToken="hc_lt_3" integratedAccountId="ia_7" />, { connect });
    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(connect.opened[0]).toMatchObject({ integratedAccountId: 'ia_7' });
  });
});
