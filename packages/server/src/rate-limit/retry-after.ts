/**
 * Reads Harvest's `Retry-After` (fact sheet §2): whole seconds or an HTTP-date. Returns milliseconds to wait, or
 * `null` when the header is absent or unreadable (a real 2020 429 had none), so the caller falls back to backoff.
 *
 * @example
 * parseRetryAfter('7', Date.now()); // 7000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.now());
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only RFC 7231 dates have a weekday and a comma; anything else (like "-5" or "soon") is not trusted.
  if (!/^[A-Za-z]{3}, /.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Full-jitter exponential backoff: a random wait in [base, min(cap, base * 2^attempt)].
 *
 * @example
 * backoffMs(2, { baseMs: 1000, capMs: 30_000, random: Math.random });
 */
export function backoffMs(
  attempt: number,
  options: { baseMs: number; capMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(options.baseMs + options.random() * Math.max(0, ceiling - options.baseMs));
}
