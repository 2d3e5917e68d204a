/** Date helpers in Harvest's formats (fact sheet §5: `date` "2017-12-31", `datetime` "2017-12-31T14:59:22Z"). */

const DAY_MS = 86_400_000;

/** Epoch ms -> `"2017-12-31T14:59:22Z"` (no milliseconds, as Harvest sends). */
export function isoDateTime(ms: number): string {
  // Hot in big lists: the day part comes from a small cache, the time part from arithmetic.
  const day = Math.floor(ms / DAY_MS);
  if (day < -25_000 || day > 100_000) return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const rest = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return `${dayToDate(day)}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}Z`;
}

const dayNames = new Map<number, string>();

/** Epoch ms -> `"2017-12-31"` (UTC calendar day). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 -> `"2017-12-31"`. */
export function dayToDate(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = isoDate(day * DAY_MS);
    if (dayNames.size < 200_000) dayNames.set(day, name);
  }
  return name;
}

/** `"2017-12-31"` -> days since epoch, or null when it is not a real calendar date. */
export function dateToDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || isoDate(ms) !== text) return null;
  return Math.floor(ms / DAY_MS);
}

/** Epoch ms -> days since epoch. */
export function msToDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Parses a Harvest `datetime` (any ISO-8601 the platform accepts) to ms, or null. */
export function parseDateTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}

/** Minutes since midnight -> `"8:00am"` (12h clock) or `"08:00"` (24h clock). */
export function formatClockTime(minutes: number, clock: '12h' | '24h'): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const mm = String(m % 60).padStart(2, '0');
  if (clock === '24h') return `${String(h).padStart(2, '0')}:${mm}`;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${mm}${h < 12 ? 'am' : 'pm'}`;
}

/** `"8:00am"`, `"8am"`, `"14:30"` -> minutes since midnight, or null. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let h = Number(match[1]);
  const m = Number(match[2] ?? '0');
  const suffix = match[3]?.toLowerCase();
  if (m > 59) return null;
  if (suffix) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (suffix === 'pm' ? 12 : 0);
  } else if (h > 23 || match[2] === undefined) return null;
  return h * 60 + m;
}

export { DAY_MS };
