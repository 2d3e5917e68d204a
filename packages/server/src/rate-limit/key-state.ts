import type { Permit, RateBucket } from './rate-limiter';
import type { ResolvedRateLimiterOptions } from './rate-limiter-options';
import { SlidingLog } from './sliding-log';

/** What the in-process limiter knows about one key (one Harvest account and token): its pause and its lanes. */
export interface KeyState {
  pausedUntil: number;
  inFlight: number;
  backoffAttempt: number;
  lanes: Record<RateBucket, Lane>;
}

/** One bucket of a key: its sliding log and its FIFO of waiting callers. */
export interface Lane {
  key: KeyState;
  log: SlidingLog;
  queue: Waiter[];
}

/** A caller waiting for a slot. */
export interface Waiter {
  lane: Lane;
  bucket: RateBucket;
  tenant: string;
  enqueuedAt: number;
  resolve: (permit: Permit) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

/**
 * A fresh key: not paused, nothing in flight, an `api` lane (the budget less the headroom) and a `reports` lane.
 *
 * @example
 * const state = createKeyState(resolveRateLimiterOptions({ headroom: 5 }));
 */
export function createKeyState(o: ResolvedRateLimiterOptions): KeyState {
  const state: KeyState = {
    pausedUntil: 0,
    inFlight: 0,
    backoffAttempt: 0,
    lanes: {} as Record<RateBucket, Lane>,
  };
  state.lanes.api = {
    key: state,
    log: new SlidingLog(Math.max(1, o.budget - o.headroom), o.windowMs, o.arrivalGraceMs),
    queue: [],
  };
  state.lanes.reports = {
    key: state,
    log: new SlidingLog(o.reportsBudget, o.reportsWindowMs, o.arrivalGraceMs),
    queue: [],
  };
  return state;
}
