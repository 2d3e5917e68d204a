/**
 * Harvest names time zones the Rails way ("Eastern Time (US & Canada)", fact sheet §5.1). The common ones, to
 * their IANA names; an IANA name passes through; anything else falls back to UTC.
 */
const RAILS_ZONES: Record<string, string> = {
  'Eastern Time (US & Canada)': 'America/New_York',
  'Central Time (US & Canada)': 'America/Chicago',
  'Mountain Time (US & Canada)': 'America/Denver',
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  Arizona: 'America/Phoenix',
  Alaska: 'America/Juneau',
  Hawaii: 'Pacific/Honolulu',
  London: 'Europe/London',
  Dublin: 'Europe/Dublin',
  Lisbon: 'Europe/Lisbon',
  Amsterdam: 'Europe/Amsterdam',
  Berlin: 'Europe/Berlin',
  Paris: 'Europe/Paris',
  Madrid: 'Europe/Madrid',
  Rome: 'Europe/Rome',
  Stockholm: 'Europe/Stockholm',
  Athens: 'Europe/Athens',
  Helsinki: 'Europe/Helsinki',
  Moscow: 'Europe/Moscow',
  'New Delhi': 'Asia/Kolkata',
  Tokyo: 'Asia/Tokyo',
  Sydney: 'Australia/Sydney',
  Melbourne: 'Australia/Melbourne',
  Auckland: 'Pacific/Auckland',
  Brasilia: 'America/Sao_Paulo',
  UTC: 'UTC',
};

function ianaZone(zone: string | null | undefined): string {
  const candidate = zone
    ? ((Object.hasOwn(RAILS_ZONES, zone) ? RAILS_ZONES[zone] : undefined) ?? zone)
    : 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate });
    return candidate;
  } catch {
    return 'UTC';
  }
}

/**
 * The calendar date (`YYYY-MM-DD`) at `at` in a Harvest user's time zone: `spent_date` is the user's local date
 * (fact sheet §5.5).
 *
 * @example
 * localDate(Date.now(), 'Eastern Time (US & Canada)'); // '2026-12-04'
 */
export function localDate(at: number, zone: string | null | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ianaZone(zone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
