import type { HarvestTimeEntry } from '@harvest-connect/protocol';
import { focusManager, type QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HarvestConnectProviderProps } from '../provider/HarvestConnectProvider';
import { timeKeys } from '../queries/timers';
import { userDirectoryKeys } from '../queries/userDirectory';
import { renderWithProvider, testQueryClient } from '../test/renderWithProvider';
import { assignments, company, makeEntry, me } from '../test/timeFixtures';
import { localDay } from '../utils/localDay';
import { clockListenerCount } from './clock';
import { TimerButton } from './TimerButton';
import { TIMER_CHANNEL } from './timerSync';
import { timerUiStore } from './timerUiStore';

const ref = (id: string) => ({ id, groupId: 'group-1', permalink: `https://app.example.com/items/${id}` });

function seed(
  options: {
    running?: HarvestTimeEntry | null;
    entries?: Record<string, HarvestTimeEntry[]>;
    timestamp?: boolean;
  } = {},
) {
  const qc = testQueryClient();
  qc.setQueryData(timeKeys.running(), options.running ?? null);
  qc.setQueryData(timeKeys.company(), { ...company, wants_timestamp_timers: options.timestamp ?? false });
  qc.setQueryData(userDirectoryKeys.me(), me);
  qc.setQueryData(timeKeys.assignments(), assignments);
  const from = localDay(new Date(Date.now() - 86_400_000));
  for (const id of ['item-1', 'item-2']) {
    qc.setQueryData(
      timeKeys.entries({ external_reference_id: id, from, user_id: 1000 }),
      options.entries?.[id] ?? [],
    );
  }
  return qc;
}

function running(refId: string, secondsAgo: number, extra: Partial<HarvestTimeEntry> = {}) {
  return makeEntry({
    refId,
    is_running: true,
    timer_started_at: new Date(Date.now() - secondsAgo * 1000).toISOString(),
    ...extra,
  });
}

function widget(refId: string) {
  return document.querySelector<HTMLElement>(`[data-testid="${refId}"] .hc-timer`)!;
}

function renderTwo(queryClient: QueryClient, extra: Partial<HarvestConnectProviderProps> = {}) {
  return renderWithProvider(
    <>
      <div data-testid="item-1">
        <TimerButton externalReference={ref('item-1')} name="Fix login" defaultProject={{ code: 'APP' }} />
      </div>
      <div data-testid="item-2">
        <TimerButton externalReference={ref('item-2')} name="Write docs" />
      </div>
    </>,
    { queryClient, ...extra },
  );
}

beforeEach(() => timerUiStore.setState({ openFormFor: null, errors: {} }));
afterEach(() => vi.useRealTimers());

describe('TimerButton', () => {
  it('shows loading, then an error when the running timer cannot be read', async () => {
    renderWithProvider(<TimerButton externalReference={ref('item-1')} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading timer…');
    expect(await screen.findByRole('alert')).toHaveTextContent('Timer status could not be loaded.');
    expect(document.querySelector('.hc-timer')).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('ticks the elapsed time from one shared clock', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-12-04T10:00:00Z'));
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const qc = seed({ running: running('item-1', 3725, { hours_without_timer: 0 }) });
    renderWithProvider(
      <>
        <TimerButton externalReference={ref('item-1')} />
        <TimerButton externalReference={ref('item-1')} />
      </>,
      { queryClient: qc },
    );
    const timers = screen.getAllByRole('timer');
    expect(timers[0]).toHaveTextContent('1:02:05');
    expect(clockListenerCount()).toBe(2);
    expect(setIntervalSpy.mock.calls.filter(([, ms]) => ms === 1000)).toHaveLength(1);
    act(() => vi.advanceTimersByTime(2000));
    expect(timers[0]).toHaveTextContent('1:02:07');
    expect(timers[1]).toHaveTextContent('1:02:07');
  });

  it('adds hours tracked before a restart to the running time', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-04T10:00:00Z'));
    renderWithProvider(<TimerButton externalReference={ref('item-1')} />, {
      queryClient: seed({ running: running('item-1', 60, { hours_without_timer: 1.5 }) }),
    });
    expect(screen.getByRole('timer')).toHaveTextContent('1:31:00');
  });

  it('follows the one running timer: every button updates when another timer starts', async () => {
    const qc = seed({ running: running('item-1', 10) });
    renderTwo(qc);
    expect(widget('item-1')).toHaveAttribute('data-state', 'running');
    expect(widget('item-2')).toHaveAttribute('data-state', 'idle');
    act(() => qc.setQueryData(timeKeys.running(), running('item-2', 1)));
    await waitFor(() => expect(widget('item-1')).toHaveAttribute('data-state', 'idle'));
    expect(widget('item-2')).toHaveAttribute('data-state', 'running');
    expect(within(widget('item-2')).getByRole('button', { name: 'Stop timer' })).toBeEnabled();
  });

  it('follows a timer change announced by another tab', async () => {
    const qc = seed();
    renderTwo(qc);
    const otherTab = new BroadcastChannel(TIMER_CHANNEL);
    otherTab.postMessage({ type: 'timer-changed', running: running('item-2', 5) });
    await waitFor(() => expect(widget('item-2')).toHaveAttribute('data-state', 'running'));
    otherTab.postMessage({ type: 'timer-changed', running: null });
    await waitFor(() => expect(widget('item-2')).toHaveAttribute('data-state', 'idle'));
    otherTab.close();
  });

  it('opens the start form with the default project, its billable task and the name as notes', async () => {
    const user = userEvent.setup();
    renderTwo(seed());
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Start timer' }));
    const form = screen.getByRole('form', { name: 'Start a timer' });
    expect(within(form).getByLabelText('Project')).toHaveValue('12');
    expect(within(form).getByLabelText('Task')).toHaveValue('22');
    expect(within(form).getByLabelText('Notes')).toHaveValue('Fix login');
    await user.selectOptions(within(form).getByLabelText('Project'), '11');
    expect(within(form).getByLabelText('Task')).toHaveValue('21');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    // Only one start form on the page at a time.
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Start timer' }));
    await user.click(within(widget('item-2')).getByRole('button', { name: 'Start timer' }));
    expect(screen.getAllByRole('form')).toHaveLength(1);
    expect(within(widget('item-2')).getByRole('form')).toBeInTheDocument();
  });

  it('prefers the last choice remembered for the group', async () => {
    const user = userEvent.setup();
    localStorage.setItem(
      'harvest-connect:timer-choice::group-1',
      JSON.stringify({ projectId: 11, taskId: 20 }),
    );
    renderTwo(seed());
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Start timer' }));
    expect(screen.getByLabelText('Project')).toHaveValue('11');
    expect(screen.getByLabelText('Task')).toHaveValue('20');
  });

  it('starts optimistically, then rolls back with a clear message when the server fails', async () => {
    const user = userEvent.setup();
    const qc = seed({ running: running('item-2', 30) });
    // The call waits for this token, which holds the optimistic state still for the assertions below; the
    // request then fails for real (nothing listens on the provider's port).
    let giveToken: (token: string) => void = () => {};
    const token = new Promise<string>((resolve) => {
      giveToken = resolve;
    });
    renderTwo(qc, { getSessionToken: () => token, sessionToken: undefined });
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Start timer' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    // Optimistic: this one runs, the other stopped (one running timer per person).
    await waitFor(() => expect(widget('item-1')).toHaveAttribute('data-state', 'running'));
    expect(widget('item-1')).toHaveAttribute('data-pending', 'start');
    expect(widget('item-2')).toHaveAttribute('data-state', 'idle');
    expect(localStorage.getItem('harvest-connect:timer-choice::group-1')).toBe(
      '{"projectId":12,"taskId":22}',
    );
    giveToken('hc_st_test');
    expect(await within(widget('item-1')).findByRole('alert')).toHaveTextContent(
      'The timer could not be started. Nothing changed in Harvest.',
    );
    expect(widget('item-1')).toHaveAttribute('data-state', 'idle');
    expect(widget('item-2')).toHaveAttribute('data-state', 'running');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops optimistically and rolls back when stopping fails', async () => {
    const user = userEvent.setup();
    renderTwo(seed({ running: running('item-1', 30) }));
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Stop timer' }));
    expect(await within(widget('item-1')).findByRole('alert')).toHaveTextContent('It is still running.');
    expect(widget('item-1')).toHaveAttribute('data-state', 'running');
  });

  it('offers restart for a stopped entry and shows a locked entry as locked', () => {
    renderTwo(
      seed({
        entries: {
          'item-1': [makeEntry({ refId: 'item-1', hours: 1.25 })],
          'item-2': [makeEntry({ refId: 'item-2', is_locked: true, locked_reason: 'Approved and locked' })],
        },
      }),
    );
    expect(widget('item-1')).toHaveAttribute('data-state', 'stopped');
    expect(within(widget('item-1')).getByRole('button', { name: 'Restart timer' })).toBeInTheDocument();
    expect(within(widget('item-1')).getByRole('button', { name: 'New entry' })).toBeInTheDocument();
    expect(widget('item-2')).toHaveAttribute('data-state', 'locked');
    expect(widget('item-2')).toHaveTextContent('Locked: Approved and locked');
    expect(within(widget('item-2')).queryByRole('button')).toBeNull();
  });

  it('shows the start time in timestamp mode', () => {
    renderTwo(seed({ timestamp: true, running: running('item-1', 30, { started_time: '8:00am' }) }));
    expect(widget('item-1')).toHaveAttribute('data-mode', 'timestamp');
    expect(widget('item-1')).toHaveTextContent('since 8:00am');
  });

  it('polls the running timer gently: one interval per QueryClient, whatever the number of buttons', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const qc = seed({ running: null });
    renderTwo(qc);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(30_000);
    vi.useRealTimers();
    // The refetch really went out (and failed: nothing listens on the test port), keeping the last good value.
    await waitFor(() => expect(qc.getQueryState(timeKeys.running())?.errorUpdateCount).toBe(1));
    expect(widget('item-1')).toHaveAttribute('data-state', 'idle');
  });

  it('refetches the running timer when the window regains focus', async () => {
    const qc = seed({ running: null });
    renderTwo(qc);
    expect(qc.getQueryState(timeKeys.running())?.errorUpdateCount).toBe(0);
    // Older than the running timer's staleTime (5 s), as after a while in another window.
    act(() => qc.setQueryData(timeKeys.running(), null, { updatedAt: Date.now() - 60_000 }));
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    // The refetch really went out (and failed: nothing listens on the test port).
    await waitFor(() => expect(qc.getQueryState(timeKeys.running())?.errorUpdateCount).toBe(1));
    focusManager.setFocused(undefined);
  });

  it('says when there is no project to track time on', async () => {
    const user = userEvent.setup();
    const qc = seed();
    qc.setQueryData(timeKeys.assignments(), []);
    renderTwo(qc);
    await user.click(within(widget('item-1')).getByRole('button', { name: 'Start timer' }));
    expect(screen.getByText('You are not assigned to any project in Harvest.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
  });
});
