import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullServer } from '../test/fullServer';
import { TimerButton } from '../timer/TimerButton';
import { timerUiStore } from '../timer/timerUiStore';
import { UserPicker } from '../user-picker/UserPicker';

let live: Awaited<ReturnType<typeof fullServer>> | undefined;
afterEach(async () => {
  await live?.h.close();
  live = undefined;
  timerUiStore.setState({ openFormFor: null, errors: {} });
});

describe('widgets over the whole server with session tokens from the host backend', () => {
  it('TimerButton starts and stops a Harvest timer for the linked account', async () => {
    const user = userEvent.setup();
    live = await fullServer('member');
    const server = live;
    const getSessionToken = vi.fn(() =>
      server.mintSessionToken(['time:read', 'time:write', 'user_directory:read']),
    );
    live.render(
      <TimerButton
        externalReference={{ id: 'card-7', groupId: 'board-2', permalink: 'https://app.example.com/c/7' }}
        name="Card 7"
      />,
      getSessionToken,
    );
    const root = () => document.querySelector('.hc-timer')!;
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'idle'));
    await user.click(screen.getByRole('button', { name: 'Start timer' }));
    const form = await screen.findByRole('form', { name: 'Start a timer' });
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Start' })).toBeEnabled());
    await user.click(within(form).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(root()).not.toHaveAttribute('data-pending'));
    expect(root()).toHaveAttribute('data-state', 'running');
    await user.click(screen.getByRole('button', { name: 'Stop timer' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'stopped'));
    expect(screen.queryByRole('alert')).toBeNull();
    // Every call of the page shared one session token (renewed only before expiry).
    expect(getSessionToken).toHaveBeenCalledTimes(1);
  });

  it('UserPicker lists the directory of the linked account', async () => {
    const user = userEvent.setup();
    live = await fullServer('administrator');
    const server = live;
    live.render(<UserPicker debounceMs={0} />, () => server.mintSessionToken(['user_directory:read']));
    const input = screen.getByRole('combobox', { name: 'People' });
    await waitFor(() => expect(input.closest('.hc-user-picker')).toHaveAttribute('data-state', 'ready'));
    await user.click(input);
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBeTruthy();
  });
});
