import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeKeys } from '../queries/timers';
import { userDirectoryKeys } from '../queries/userDirectory';
import { renderWithProvider, testQueryClient } from '../test/renderWithProvider';
import { company, me } from '../test/timeFixtures';
import { TimerButton } from '../timer/TimerButton';
import { UserPicker } from '../user-picker/UserPicker';
import { useHarvestConnect } from './context';

const ref = { id: 'item-1', groupId: 'g', permalink: 'https://app.example.com/1' };

function timerClient() {
  const qc = testQueryClient();
  qc.setQueryData(timeKeys.running(), null);
  qc.setQueryData(timeKeys.company(), company);
  qc.setQueryData(userDirectoryKeys.me(), me);
  return qc;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function Orphan() {
  useHarvestConnect();
  return null;
}

describe('HarvestConnectProvider', () => {
  it('puts theme and styling hooks on every widget root, and drops our styling when unstyled', () => {
    const { unmount } = renderWithProvider(<UserPicker users={[]} />, { theme: 'dark' });
    const root = document.querySelector('.hc-user-picker')!;
    expect(root).toHaveClass('hc-styled');
    expect(root).toHaveAttribute('data-theme', 'dark');
    unmount();
    renderWithProvider(
      <>
        <UserPicker users={[]} className="mine" />
        <TimerButton externalReference={ref} unstyled={false} />
      </>,
      { unstyled: true, queryClient: timerClient() },
    );
    expect(document.querySelector('.hc-user-picker')).not.toHaveClass('hc-styled');
    expect(document.querySelector('.hc-user-picker')).toHaveClass('mine');
    expect(document.querySelector('.hc-timer')).toHaveClass('hc-styled');
  });

  it('lets every string be overridden', () => {
    renderWithProvider(<TimerButton externalReference={ref} />, {
      queryClient: timerClient(),
      messages: { timerStart: 'Track time' },
    });
    expect(screen.getByRole('button', { name: 'Track time' })).toBeInTheDocument();
  });

  it('keeps one poll and one channel per QueryClient under StrictMode', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    renderWithProvider(
      <StrictMode>
        <TimerButton externalReference={ref} />
        <TimerButton externalReference={{ ...ref, id: 'item-2' }} />
      </StrictMode>,
      { queryClient: timerClient() },
    );
    expect(vi.getTimerCount()).toBe(1);
  });

  it('says clearly when a hook is used outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Orphan />)).toThrow(
      'useHarvestConnect must be used within <HarvestConnectProvider>',
    );
  });
});
