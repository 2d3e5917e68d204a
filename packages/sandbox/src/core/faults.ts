import { createPrng, type Prng } from './prng';

/** Injected failures, switched through the control API. All off by default. */
export interface FaultState {
  /** Added delay before every Harvest response, in ms. */
  latencyMs: number;
  /** Share (0..1) of requests answered with `errorStatus`. */
  errorRate: number;
  errorStatus: number;
  /** The next N requests get 429 (a storm), with or without `Retry-After`. */
  storm429: number;
  /**
   * `Retry-After` of the storm's 429s: `true` sends `1`, `false` sends none (as seen live in 2020), a number
   * sends that many seconds (any size: `86400` tests a client's cap), a string is sent as is (an exact
   * HTTP-date, or garbage such as `soon`).
   */
  storm429RetryAfter: boolean | number | string;
  /**
   * How a number (or `true`) is written: `seconds` (Harvest's form), or `http-date`: the sandbox clock's now plus
   * that many seconds, rounded up to a whole second, as an IMF-fixdate (`Wed, 03 Jun 2026 09:00:07 GMT`).
   */
  storm429RetryAfterFormat: 'seconds' | 'http-date';
  /** The next N requests have their connection reset. */
  resetConnections: number;
  /** The next N responses are cut off mid-body. */
  truncateBodies: number;
  /** Only paths starting with this prefix are affected. */
  pathPrefix: string;
  /** Deterministic dice for `errorRate`. */
  rng: Prng;
}

/** A fresh, fault-free state. */
export function createFaultState(seed: string | number = 'faults'): FaultState {
  return {
    latencyMs: 0,
    errorRate: 0,
    errorStatus: 500,
    storm429: 0,
    storm429RetryAfter: true,
    storm429RetryAfterFormat: 'seconds',
    resetConnections: 0,
    truncateBodies: 0,
    pathPrefix: '/',
    rng: createPrng(seed),
  };
}

/**
 * The storm's `Retry-After` header value at `now` (sandbox clock), or null for none.
 *
 * @example
 * stormRetryAfter({ ...createFaultState(), storm429RetryAfter: 7, storm429RetryAfterFormat: 'http-date' }, now);
 */
export function stormRetryAfter(
  f: Pick<FaultState, 'storm429RetryAfter' | 'storm429RetryAfterFormat'>,
  now: number,
): string | null {
  const value = f.storm429RetryAfter;
  if (value === false) return null;
  if (typeof value === 'string') return value;
  const seconds = value === true ? 1 : value;
  if (f.storm429RetryAfterFormat === 'seconds') return String(seconds);
  // An HTTP-date has whole seconds: round up so the date is never earlier than now + seconds.
  return new Date(Math.ceil((now + seconds * 1000) / 1000) * 1000).toUTCString();
}
