import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import { type Clock, systemClock } from './clock';
import type { RateBucket } from './rate-limiter';

/**
 * Settings of `InProcessRateLimiter`; every field has a default (Harvest's limits, fact sheet §2).
 *
 * @example
 * const options: InProcessRateLimiterOptions = { windowMs: 15_000, headroom: 5, maxWaitMs: 10_000 };
 */
export interface InProcessRateLimiterOptions {
  /** Harvest's budget per window and key (100). */
  budget?: number;
  /** Slots kept unused as an extra safety margin (default 0). */
  headroom?: number;
  windowMs?: number;
  /**
   * A slot is taken at send time and counts until a window has passed since Harvest answered (its response
   * headers): Harvest counted the call somewhere in between, and counting from the send alone lets a call that
   * reaches Harvest late (a new connection, a slow network, a busy server) land in the next window, which a
   * fixed-window limiter answers with 429. Setting this grace (ms) counts a slow call from send + grace instead,
   * trading that safety for throughput when Harvest answers slowly. Default: Infinity (never assume).
   */
  arrivalGraceMs?: number;
  reportsBudget?: number;
  reportsWindowMs?: number;
  /** Waiting callers per key before new ones are shed (default 1000). */
  maxQueuePerKey?: number;
  /** Waiting callers over all keys (default 10,000): keeps the heap flat under a flood. */
  maxQueueTotal?: number;
  /** A caller who would wait longer is refused at once with a `Retry-After` (default 30 s). */
  maxWaitMs?: number;
  /** Longest pause a 429 can impose on a key, whatever its `Retry-After` says (default 60 s). */
  maxPauseMs?: number;
  /** First backoff after a 429 without `Retry-After` (default 1 s, doubling with jitter, capped). */
  backoffBaseMs?: number;
  /** Calls in flight over all keys (default 256); freed slots go to tenants round-robin. */
  maxInFlight?: number;
  /**
   * Calls in flight per key (default 16). Releasing a whole window's budget at once makes the last of the burst
   * wait in Harvest's queue, and a slot is held until its answer: a few at a time keeps answers, and so slots,
   * short. Sixteen calls of 2 s (a page of 2000 entries) still carry 8 calls a second, above Harvest's 6.7.
   */
  maxInFlightPerKey?: number;
  clock?: Clock;
  random?: () => number;
  /** Called when a caller got its slot after waiting, and when a key is paused (for metrics). */
  onGranted?: (waitedMs: number, bucket: RateBucket) => void;
  onPaused?: (pauseMs: number, fromHeader: boolean) => void;
}

/** The options with every default filled in (the callbacks stay optional). */
export type ResolvedRateLimiterOptions = Required<
  Omit<InProcessRateLimiterOptions, 'onGranted' | 'onPaused'>
> &
  Pick<InProcessRateLimiterOptions, 'onGranted' | 'onPaused'>;

/**
 * Fills in the defaults: Harvest's published limits, and the queue and in-flight caps described above.
 *
 * @example
 * resolveRateLimiterOptions({ headroom: 5 }).budget; // 100
 */
export function resolveRateLimiterOptions(options: InProcessRateLimiterOptions): ResolvedRateLimiterOptions {
  return {
    budget: HARVEST_LIMITS.requestsPerWindow,
    headroom: 0,
    windowMs: HARVEST_LIMITS.windowMs,
    arrivalGraceMs: Number.POSITIVE_INFINITY,
    reportsBudget: HARVEST_LIMITS.reportRequestsPerWindow,
    reportsWindowMs: HARVEST_LIMITS.reportWindowMs,
    maxQueuePerKey: 1000,
    maxQueueTotal: 10_000,
    maxWaitMs: 30_000,
    maxPauseMs: 60_000,
    backoffBaseMs: 1000,
    maxInFlight: 256,
    maxInFlightPerKey: 16,
    clock: systemClock,
    random: Math.random,
    ...options,
  };
}
