import type { UtilizationRow } from '@harvest-connect/protocol';

/**
 * Splits rows into employees and contractors, each sorted by utilization, highest first (the people to look at).
 *
 * @example
 * const { employees, contractors } = groupUtilization(report.result);
 */
export function groupUtilization(rows: readonly UtilizationRow[]): {
  employees: UtilizationRow[];
  contractors: UtilizationRow[];
} {
  const byLoad = (a: UtilizationRow, b: UtilizationRow) =>
    b.utilization - a.utilization || a.name.localeCompare(b.name);
  return {
    employees: rows.filter((r) => !r.is_contractor).sort(byLoad),
    contractors: rows.filter((r) => r.is_contractor).sort(byLoad),
  };
}
