/**
 * Locale-aware formatting with `Intl`, cached per locale and options because constructing formatters is the
 * expensive part and lists format thousands of values.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * An amount in the given ISO currency, e.g. `formatMoney(1234.5, 'EUR', 'de-DE')` -> `1.234,50 €`.
 *
 * @example
 * formatMoney(invoice.due_amount, invoice.currency, 'en-US'); // "$1,234.50"
 */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code throws a RangeError; show the bare number with the code rather than crash.
    return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/**
 * A fraction as a percentage, e.g. `0.875` -> `88%`.
 *
 * @example
 * formatPercent(row.utilization, 'en-US'); // "88%"
 */
export function formatPercent(fraction: number, locale?: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * Decimal hours with a unit, e.g. `7.5` -> `7.5 hr`.
 *
 * @example
 * formatHours(32.25, 'en-US'); // "32.25 hr"
 */
export function formatHours(hours: number, locale?: string): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 2,
  }).format(hours);
}

/**
 * Elapsed seconds as a clock, `h:mm:ss` (digits in the locale's numbering system).
 *
 * @example
 * formatElapsed(3725, 'en-US'); // "1:02:05"
 */
export function formatElapsed(totalSeconds: number, locale?: string): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = numberFormat(locale, { useGrouping: false });
  return `${one.format(Math.floor(s / 3600))}:${two.format(Math.floor((s % 3600) / 60))}:${two.format(s % 60)}`;
}

/**
 * A Harvest date (`YYYY-MM-DD`, a calendar day without a zone) formatted in the locale, e.g. `Dec 4, 2026`.
 *
 * @example
 * formatDay('2026-12-04', 'en-US'); // "Dec 4, 2026"
 */
export function formatDay(day: string, locale?: string): string {
  const key = `d|${locale}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    cache.set(key, f);
  }
  // Parsed as UTC midnight and printed in UTC, so the day never shifts with the viewer's timezone.
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : f.format(ms);
}
