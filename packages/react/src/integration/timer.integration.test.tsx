import type { RunningTimerResponse } from '@harvest-connect/protocol';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveServer } from '../test/liveServer';
import { TimerButton } from '../timer/TimerButton';
import { timerUiStore } from '../timer/timerUiStore';

const scopes = ['time:read', 'time:write', 'user_directory:read'] as const;
let live: Awaited<ReturnType<typeof liveServer>>;

beforeEach(async () => {
  timerUiStore.setState({ openFormFor: null, errors: {} });
  live = await liveServer();
});
afterEach(() => live.h.close());

const widget = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"] .hc-timer`)!;
const ref = (id: string) => ({ id, groupId: 'board-1', permalink: `https://app.example.com/cards/${id}` });
const running = () => live.call<RunningTimerResponse>('member', [...scopes], '/v1/tools/timers/running');

describe('TimerButton against the server and the Harvest sandbox', () => {
  it('starts, switches, stops and restarts real timers, one running at a time', async () => {
    const user = userEvent.setup();
    const before = (await running()).result;
    live.render(
      <>
        <div data-testid="card-a">
          <TimerButton externalReference={ref('card-a')} name="Fix login" />
        </div>
        <div data-testid="card-b">
          <TimerButton externalReference={ref('card-b')} name="Write docs" />
        </div>
      </>,
      'member',
      [...scopes],
    );
    await waitFor(() => expect(widget('card-a')).toHaveAttribute('data-state', 'idle'));

    // Start A from the form, prefilled from the member's assignments and the card's name.
    await user.click(within(widget('card-a')).getByRole('button', { name: 'Start timer' }));
    const form = await within(widget('card-a')).findByRole('form', { name: 'Start a timer' });
    await waitFor(() => expect(within(form).getByLabelText('Notes')).toHaveValue('Fix login'));
    await user.click(within(form).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(widget('card-a')).not.toHaveAttribute('data-pending'));
    expect(widget('card-a')).toHaveAttribute('data-state', 'running');
    const a = (await running()).result!;
    expect(a.external_reference).toMatchObject({ id: 'card-a', group_id: 'board-1' });
    expect(a.notes).toBe('Fix login');
    if (before) {
      // The seed's running timer was stopped by Harvest, and the button said so.
      expect(within(widget('card-a')).getByRole('status')).toHaveTextContent('Stopped the timer on');
    }
    expect(localStorage.getItem('harvest-connect:timer-choice::board-1')).toContain(String(a.project.id));

    // Start B: Harvest stops A, and A's button follows.
    await user.click(within(widget('card-b')).getByRole('button', { name: 'Start timer' }));
    await user.click(within(widget('card-b')).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(widget('card-b')).toHaveAttribute('data-state', 'running'));
    await waitFor(() => expect(widget('card-a')).toHaveAttribute('data-state', 'stopped'));
    expect((await running()).result?.external_reference?.id).toBe('card-b');

    // Stop B, then restart A.
    await user.click(within(widget('card-b')).getByRole('button', { name: 'Stop timer' }));
    await waitFor(() => expect(widget('card-b')).toHaveAttribute('data-state', 'stopped'));
    expect((await running()).result).toBeNull();
    await user.click(within(widget('card-a')).getByRole('button', { name: 'Restart timer' }));
    await waitFor(() => expect(widget('card-a')).toHaveAttribute('data-state', 'running'));
    expect((await running()).result?.external_reference?.id).toBe('card-a');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
