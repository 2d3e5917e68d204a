/**
 * A date in the viewer's calendar as `YYYY-MM-DD` (Harvest's `spent_date` and `due_date` are calendar days).
 *
 * @example
 * localDay(new Date(2026, 11, 4)); // "2026-12-04"
 */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
