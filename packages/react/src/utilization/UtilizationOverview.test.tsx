import type { UtilizationRow } from '@harvest-connect/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { utilizationKeys } from '../queries/utilization';
import { renderWithProvider, testQueryClient } from '../test/renderWithProvider';
import { groupUtilization } from './groupUtilization';
import { UtilizationOverview } from './UtilizationOverview';

function row(user_id: number, name: string, hours: number, is_contractor = false): UtilizationRow {
  const utilization = hours / 40;
  return {
    user_id,
    name,
    avatar_url: null,
    is_contractor,
    hours,
    billable_hours: hours,
    capacity_hours: 40,
    utilization,
    flag: utilization > 1 ? 'over' : utilization < 0.7 ? 'under' : 'ok',
  };
}

const rows = [
  row(1, 'Ada Lovelace', 30),
  row(2, 'Alan Turing', 46),
  row(3, 'Grace Hopper', 12, true),
  row(4, 'Ken Thompson', 10),
];

describe('UtilizationOverview', () => {
  it('groups contractors apart and sorts by load', () => {
    const g = groupUtilization(rows);
    expect(g.employees.map((r) => r.user_id)).toEqual([2, 1, 4]);
    expect(g.contractors.map((r) => r.user_id)).toEqual([3]);
  });

  it('shows hours against capacity, utilization and flags per person', () => {
    const qc = testQueryClient();
    qc.setQueryData(utilizationKeys.week('2026-11-30'), {
      result: rows,
      week: { from: '2026-11-30', to: '2026-12-06' },
      thresholds: { under: 0.7, over: 1 },
    });
    renderWithProvider(<UtilizationOverview week="2026-11-30" />, { queryClient: qc, locale: 'en-US' });
    expect(screen.getByText('Nov 30, 2026 – Dec 6, 2026')).toBeInTheDocument();
    const employees = screen.getByRole('table', { name: 'Employees' });
    const contractors = screen.getByRole('table', { name: 'Contractors' });
    const alan = within(employees).getByRole('row', { name: /Alan Turing/ });
    expect(alan).toHaveAttribute('data-flag', 'over');
    expect(alan).toHaveTextContent('46 hr');
    expect(alan).toHaveTextContent('40 hr');
    expect(alan).toHaveTextContent('115%');
    expect(alan).toHaveTextContent('Over capacity');
    expect(within(employees).getByRole('row', { name: /Ken Thompson/ })).toHaveTextContent('Under capacity');
    expect(within(contractors).getAllByRole('row')).toHaveLength(2);
    expect(within(contractors).getByText('Grace Hopper')).toBeInTheDocument();
  });

  it('shows loading, error and empty states', async () => {
    const { unmount } = renderWithProvider(<UtilizationOverview />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading utilization…');
    expect(await screen.findByRole('alert')).toHaveTextContent('Utilization could not be loaded.');
    unmount();
    const qc = testQueryClient();
    qc.setQueryData(utilizationKeys.week(undefined), {
      result: [],
      week: { from: '2026-11-30', to: '2026-12-06' },
      thresholds: { under: 0.7, over: 1 },
    });
    renderWithProvider(<UtilizationOverview />, { queryClient: qc });
    expect(screen.getByText('No one tracked time this week.')).toBeInTheDocument();
  });
});
