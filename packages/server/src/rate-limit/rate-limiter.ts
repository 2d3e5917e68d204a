/** Harvest's two budgets (fact sheet §2): the general API and `/v2/reports/*`. */
export type RateBucket = 'api' | 'reports';

export interface AcquireOptions {
  bucket: RateBucket;
  /** Aborting gives up the place in the queue (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Who is waiting: the limiter serves tenants round-robin so one tenant's flood does not starve another. */
  tenant?: string;
}

/** How the call that held a permit ended. */
export interface PermitOutcome {
  /** HTTP status from Harvest; absent when the call failed before a response (reset, timeout). */
  status?: number;
  /** Harvest's `Retry-After` header on a 429, as received. */
  retryAfter?: string | null;
  /** When the response headers arrived (clock ms): the call was counted by then. Defaults to `done` time. */
  respondedAt?: number;
}

/**
 * One granted call. The slot counts against the window from the moment it is granted (send time) until a
 * window after the response, so a request counts however late Harvest saw it.
 */
export interface Permit {
  /** Milliseconds spent waiting in the queue. */
  readonly waitedMs: number;
  /** Ends the call. Must be called exactly once; later calls are ignored. */
  done(outcome?: PermitOutcome): void;
}

/**
 * Paces every call to Harvest per key (one Harvest account and token). In-process today; a shared (Redis)
 * implementation keeps the same asynchronous contract.
 *
 * @example
 * const permit = await limiter.acquire(`${harvestAccountId}:${tokenId}`, { bucket: 'api', tenant });
 * try { res = await fetch(url); } finally { permit.done({ status: res?.status }); }
 */
export interface RateLimiter {
  /**
   * Waits for a slot. Rejects fast with `RetryLaterError` (`upstream.queue_full` or `upstream.rate_limited`)
   * when the queue is full or the wait would exceed the maximum.
   */
  acquire(key: string, options: AcquireOptions): Promise<Permit>;
  /** Numbers for `/metrics` and health checks. */
  stats(): RateLimiterStats;
}

export interface RateLimiterStats {
  queued: number;
  inFlight: number;
  pausedKeys: number;
}
