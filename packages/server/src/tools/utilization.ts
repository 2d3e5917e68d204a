import type { HarvestTeamTimeReportRow, HarvestUser, UtilizationRow } from '@harvest-connect/protocol';

export interface Thresholds {
  under: number;
  over: number;
}

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The week holding `day`, starting on the company's `week_start_day` (fact sheet §5.6; Monday when unknown).
 *
 * @example
 * weekOf('2026-12-04', 'Monday'); // { from: '2026-11-30', to: '2026-12-06' }
 */
export function weekOf(day: string, weekStartDay: string | null | undefined): { from: string; to: string } {
  const at = Date.parse(`${day}T00:00:00Z`);
  const start = Math.max(0, WEEKDAYS.indexOf(weekStartDay ?? 'Monday'));
  const back = (new Date(at).getUTCDay() - start + 7) % 7;
  const from = at - back * DAY;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(from), to: iso(from + 6 * DAY) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One row per active person: hours from the team time report, capacity from the person (seconds -> hours),
 * flagged over / under the thresholds. People without time still appear (at 0, usually "under"). Employees come
 * first, then contractors, each by name, so the two are easy to show apart.
 *
 * @example
 * utilizationRows(users, reportRows, { under: 0.6, over: 1.0 });
 */
export function utilizationRows(
  users: readonly HarvestUser[],
  report: readonly HarvestTeamTimeReportRow[],
  thresholds: Thresholds,
): UtilizationRow[] {
  const byUser = new Map(report.map((r) => [r.user_id, r]));
  const people = users.filter((u) => u.is_active || byUser.has(u.id));
  return people
    .map((u): UtilizationRow => {
      const row = byUser.get(u.id);
      const hours = round2(row?.total_hours ?? 0);
      const capacity = round2((u.weekly_capacity ?? row?.weekly_capacity ?? 0) / 3600);
      const utilization = capacity > 0 ? round2(hours / capacity) : 0;
      const flag =
        capacity <= 0
          ? 'ok'
          : utilization > thresholds.over
            ? 'over'
            : utilization < thresholds.under
              ? 'under'
              : 'ok';
      return {
        user_id: u.id,
        name: `${u.first_name ?? ''} ${u.last_name ?? ''}`.trim(),
        avatar_url: u.avatar_url || null,
        is_contractor: Boolean(u.is_contractor),
        hours,
        billable_hours: round2(row?.billable_hours ?? 0),
        capacity_hours: capacity,
        utilization,
        flag,
      };
    })
    .sort((a, b) => Number(a.is_contractor) - Number(b.is_contractor) || a.name.localeCompare(b.name, 'en'));
}
