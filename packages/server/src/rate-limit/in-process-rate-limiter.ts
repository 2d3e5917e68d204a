import { createKeyState, type KeyState, type Lane, type Waiter } from './key-state';
import type {
  AcquireOptions,
  Permit,
  PermitOutcome,
  RateBucket,
  RateLimiter,
  RateLimiterStats,
} from './rate-limiter';
import {
  type InProcessRateLimiterOptions,
  type ResolvedRateLimiterOptions,
  resolveRateLimiterOptions,
} from './rate-limiter-options';
import { backoffMs, parseRetryAfter } from './retry-after';
import { RetryLaterError } from './retry-later-error';
import type { Slot } from './sliding-log';

export type { InProcessRateLimiterOptions };

/**
 * The in-process `RateLimiter`: a sliding log per key and bucket, FIFO per key, bounded queues, a key-wide pause
 * on 429, and round-robin between tenants for the shared in-flight cap. Reports calls take a slot in both the
 * reports and the general budget (Harvest does not say whether they count twice; assuming so is the safe side).
 *
 * @example
 * const limiter = new InProcessRateLimiter({ windowMs: 15_000, headroom: 5 });
 * const permit = await limiter.acquire('123:tok_1', { bucket: 'api', tenant: 'ten_1' });
 * permit.done({ status: 200 });
 */
export class InProcessRateLimiter implements RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  /** Tenants with waiters, in round-robin order, each with the lanes it waits in. */
  private readonly tenants = new Map<string, Map<Lane, number>>();
  private queued = 0;
  private inFlight = 0;
  private wakeTimer: unknown = null;
  private readonly o: ResolvedRateLimiterOptions;

  constructor(options: InProcessRateLimiterOptions = {}) {
    this.o = resolveRateLimiterOptions(options);
  }

  async acquire(key: string, options: AcquireOptions): Promise<Permit> {
    options.signal?.throwIfAborted();
    const state = this.stateOf(key);
    const lane = state.lanes[options.bucket];
    const now = this.o.clock.now();
    const pauseLeft = Math.max(0, state.pausedUntil - now);
    if (pauseLeft > this.o.maxWaitMs) {
      throw new RetryLaterError(
        'upstream.rate_limited',
        'Harvest asked us to slow down for this account.',
        pauseLeft / 1000,
      );
    }
    const estimate = Math.max(pauseLeft, lane.log.estimateWaitMs(lane.queue.length, now));
    if (
      lane.queue.length >= this.o.maxQueuePerKey ||
      this.queued >= this.o.maxQueueTotal ||
      estimate > this.o.maxWaitMs
    ) {
      throw new RetryLaterError(
        'upstream.queue_full',
        'Too many calls are waiting for this Harvest account; retry later.',
        Math.max(estimate, lane.log.windowMs / 10) / 1000,
      );
    }
    return new Promise<Permit>((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        bucket: options.bucket,
        tenant: options.tenant ?? '',
        enqueuedAt: now,
        resolve,
        reject,
        cleanup: () => {},
      };
      const timer = this.o.clock.setTimeout(() => {
        this.remove(waiter);
        const left = lane.log.estimateWaitMs(0, this.o.clock.now());
        reject(
          new RetryLaterError(
            'upstream.queue_full',
            'Waited too long for a Harvest rate-limit slot.',
            left / 1000,
          ),
        );
      }, this.o.maxWaitMs);
      const onAbort = () => {
        this.remove(waiter);
        reject(options.signal?.reason);
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      waiter.cleanup = () => {
        this.o.clock.clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      this.enqueue(waiter);
      this.pump();
    });
  }

  stats(): RateLimiterStats {
    const now = this.o.clock.now();
    let pausedKeys = 0;
    for (const s of this.keys.values()) if (s.pausedUntil > now) pausedKeys++;
    return { queued: this.queued, inFlight: this.inFlight, pausedKeys };
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = createKeyState(this.o);
      this.keys.set(key, state);
    }
    return state;
  }

  private enqueue(w: Waiter): void {
    w.lane.queue.push(w);
    this.queued++;
    const lanes = this.tenants.get(w.tenant) ?? new Map<Lane, number>();
    lanes.set(w.lane, (lanes.get(w.lane) ?? 0) + 1);
    this.tenants.set(w.tenant, lanes);
  }

  /** Takes a waiter out of the queue after a timeout or an abort, and lets the next one in. */
  private remove(w: Waiter): void {
    if (this.detach(w)) this.pump();
  }

  private detach(w: Waiter): boolean {
    const i = w.lane.queue.indexOf(w);
    if (i < 0) return false;
    w.lane.queue.splice(i, 1);
    this.queued--;
    w.cleanup();
    const lanes = this.tenants.get(w.tenant);
    if (!lanes) return true;
    const left = (lanes.get(w.lane) ?? 1) - 1;
    if (left > 0) lanes.set(w.lane, left);
    else lanes.delete(w.lane);
    if (lanes.size === 0) this.tenants.delete(w.tenant);
    return true;
  }

  private canGrant(lane: Lane, bucket: RateBucket, now: number): boolean {
    if (lane.key.pausedUntil > now || lane.key.inFlight >= this.o.maxInFlightPerKey) return false;
    if (!lane.log.hasRoom(now)) return false;
    return bucket === 'api' || lane.key.lanes.api.log.hasRoom(now);
  }

  /** Grants every slot that is free, one per tenant per round, then sleeps until the next slot frees. */
  private pump(): void {
    const now = this.o.clock.now();
    let progressed = true;
    while (progressed && this.inFlight < this.o.maxInFlight) {
      progressed = false;
      for (const [tenant, lanes] of [...this.tenants]) {
        if (this.inFlight >= this.o.maxInFlight) break;
        for (const lane of lanes.keys()) {
          const head = lane.queue[0];
          if (head && head.tenant === tenant && this.canGrant(lane, head.bucket, now)) {
            this.grant(head, now);
            progressed = true;
            // Round-robin: this tenant goes to the back of the line for the next free slot.
            const mine = this.tenants.get(tenant);
            if (mine) {
              this.tenants.delete(tenant);
              this.tenants.set(tenant, mine);
            }
            break;
          }
        }
      }
    }
    this.scheduleWake(now);
  }

  private grant(w: Waiter, now: number): void {
    this.detach(w);
    const slots: Slot[] = [w.lane.log.take(now)];
    if (w.bucket === 'reports') slots.push(w.lane.key.lanes.api.log.take(now));
    this.inFlight++;
    w.lane.key.inFlight++;
    const waitedMs = now - w.enqueuedAt;
    this.o.onGranted?.(waitedMs, w.bucket);
    let ended = false;
    w.resolve({
      waitedMs,
      done: (outcome?: PermitOutcome) => {
        if (ended) return;
        ended = true;
        const at = this.o.clock.now();
        for (const s of slots) s.end = Math.min(at, outcome?.respondedAt ?? at);
        this.inFlight--;
        w.lane.key.inFlight--;
        if (outcome?.status === 429) this.pause(w.lane.key, outcome.retryAfter ?? null, at);
        else if (outcome?.status !== undefined && outcome.status < 400) w.lane.key.backoffAttempt = 0;
        this.pump();
      },
    });
  }

  /** A 429 silences the whole key: for `Retry-After` (capped), or a jittered, growing backoff without one. */
  private pause(key: KeyState, retryAfter: string | null, now: number): void {
    const fromHeader = parseRetryAfter(retryAfter, now);
    const ms = Math.min(
      this.o.maxPauseMs,
      fromHeader ??
        backoffMs(key.backoffAttempt++, {
          baseMs: this.o.backoffBaseMs,
          capMs: this.o.maxPauseMs,
          random: this.o.random,
        }),
    );
    key.pausedUntil = Math.max(key.pausedUntil, now + ms);
    this.o.onPaused?.(ms, fromHeader !== null);
  }

  private scheduleWake(now: number): void {
    if (this.wakeTimer !== null) this.o.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    // At the in-flight cap the next `done` pumps; a timer would only spin.
    if (this.inFlight >= this.o.maxInFlight) return;
    let next: number | null = null;
    for (const lanes of this.tenants.values()) {
      for (const lane of lanes.keys()) {
        const at = this.freeAt(lane, now);
        if (at !== null && (next === null || at < next)) next = at;
      }
    }
    if (next === null) return;
    this.wakeTimer = this.o.clock.setTimeout(
      () => {
        this.wakeTimer = null;
        this.pump();
      },
      Math.max(1, next - now),
    );
  }

  private freeAt(lane: Lane, now: number): number | null {
    const head = lane.queue[0];
    // At its in-flight cap a key waits for a `done`, which pumps.
    if (!head || lane.key.inFlight >= this.o.maxInFlightPerKey) return null;
    const own = lane.log.nextFreeAt(now);
    const api = head.bucket === 'reports' ? lane.key.lanes.api.log.nextFreeAt(now) : now;
    if (own === null || api === null) return lane.key.pausedUntil > now ? lane.key.pausedUntil : null;
    return Math.max(own, api, lane.key.pausedUntil);
  }
}
