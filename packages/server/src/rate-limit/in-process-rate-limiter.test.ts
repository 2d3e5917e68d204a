import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { InProcessRateLimiter } from './in-process-rate-limiter';
import type { Permit } from './rate-limiter';
import { RetryLaterError } from './retry-later-error';

/** Flushes promise callbacks so granted permits are observed before the clock moves again. */
const settle = () => new Promise((r) => setImmediate(r));

function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('InProcessRateLimiter', () => {
  it('never grants more than the budget in any rolling window, and serves every caller in order', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({
      budget: 10,
      headroom: 0,
      windowMs: 1000,
      clock,
      maxWaitMs: 60_000,
    });
    const granted: Array<{ i: number; at: number }> = [];
    const all = Array.from({ length: 95 }, (_, i) =>
      limiter.acquire('k', { bucket: 'api' }).then((p) => {
        granted.push({ i, at: clock.now() });
        p.done({ status: 200 });
      }),
    );
    for (let t = 0; t < 12_000 && granted.length < 95; t += 50) {
      await settle();
      clock.advance(50);
    }
    await Promise.all(all);
    expect(granted.map((g) => g.i)).toEqual(Array.from({ length: 95 }, (_, i) => i));
    expect(
      maxInAnyWindow(
        granted.map((g) => g.at),
        1000,
      ),
    ).toBe(10);
  });

  it('keeps at most maxInFlightPerKey calls of one key in flight', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 100, windowMs: 1000, clock, maxInFlightPerKey: 2 });
    const permits: Permit[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire('k', { bucket: 'api' }).then((p) => permits.push(p));
    const other = await limiter.acquire('other', { bucket: 'api' });
    await settle();
    expect(permits).toHaveLength(2);
    other.done({ status: 200 });
    permits[0]!.done({ status: 200 });
    await settle();
    expect(permits).toHaveLength(3);
  });

  it('keeps headroom unused', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 10, headroom: 3, windowMs: 1000, clock });
    const permits: Permit[] = [];
    for (let i = 0; i < 8; i++) void limiter.acquire('k', { bucket: 'api' }).then((p) => permits.push(p));
    await settle();
    expect(permits).toHaveLength(7);
  });

  it('with an infinite arrival grace, holds a slot while the call is in flight and a window after it ends', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({
      budget: 1,
      windowMs: 1000,
      clock,
      arrivalGraceMs: Number.POSITIVE_INFINITY,
    });
    const first = await limiter.acquire('k', { bucket: 'api' });
    let second: Permit | null = null;
    void limiter.acquire('k', { bucket: 'api' }).then((p) => {
      second = p;
    });
    clock.advance(5000);
    await settle();
    expect(second).toBeNull();
    first.done({ status: 200 });
    clock.advance(999);
    await settle();
    expect(second).toBeNull();
    clock.advance(1);
    await settle();
    expect(second).not.toBeNull();
  });

  it('counts a slow call from its arrival grace, a fast one from its response', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 1, windowMs: 1000, arrivalGraceMs: 100, clock });
    const slow = await limiter.acquire('k', { bucket: 'api' });
    let next: Permit | null = null;
    void limiter.acquire('k', { bucket: 'api' }).then((p) => {
      next = p;
    });
    clock.advance(1099);
    await settle();
    expect(next).toBeNull();
    clock.advance(1);
    await settle();
    expect(next).not.toBeNull();
    slow.done({ status: 200 });
    clock.advance(30);
    (next as unknown as Permit).done({ status: 200 });
    let third = -1;
    void limiter.acquire('k', { bucket: 'api' }).then(() => {
      third = clock.now();
    });
    for (let i = 0; i < 12; i++) {
      clock.advance(100);
      await settle();
    }
    expect(third).toBe(1100 + 30 + 1000);
  });

  it.each([
    ['seconds', '7', 7000],
    ['an HTTP-date', new Date(7000).toUTCString(), 7000],
  ])('pauses the whole key on a 429 with Retry-After in %s', async (_, header, ms) => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 100, windowMs: 1000, clock });
    const p = await limiter.acquire('k', { bucket: 'api' });
    p.done({ status: 429, retryAfter: header });
    let at = -1;
    void limiter.acquire('k', { bucket: 'api' }).then(() => {
      at = clock.now();
    });
    const other = limiter.acquire('other-key', { bucket: 'api' });
    await expect(other).resolves.toBeDefined();
    for (let t = 0; t < ms + 200; t += 100) {
      await settle();
      clock.advance(100);
    }
    expect(at).toBe(ms);
  });

  it('backs off with jitter when a 429 has no Retry-After, growing on repeats', async () => {
    const clock = new ManualClock(0);
    const pauses: number[] = [];
    const limiter = new InProcessRateLimiter({
      clock,
      random: () => 0.5,
      backoffBaseMs: 1000,
      onPaused: (ms) => pauses.push(ms),
    });
    (await limiter.acquire('k', { bucket: 'api' })).done({ status: 429 });
    clock.advance(pauses[0] as number);
    (await limiter.acquire('k', { bucket: 'api' })).done({ status: 429, retryAfter: 'soon' });
    expect(pauses).toEqual([1000, 1500]);
  });

  it('caps an absurd Retry-After and sheds callers fast while the key is paused', async () => {
    const clock = new ManualClock(0);
    const pauses: number[] = [];
    const limiter = new InProcessRateLimiter({
      clock,
      maxPauseMs: 60_000,
      maxWaitMs: 10_000,
      onPaused: (ms) => pauses.push(ms),
    });
    (await limiter.acquire('k', { bucket: 'api' })).done({ status: 429, retryAfter: '86400' });
    expect(pauses).toEqual([60_000]);
    const error = await limiter.acquire('k', { bucket: 'api' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error).toMatchObject({ code: 'upstream.rate_limited', status: 503, retryAfterSeconds: 60 });
  });

  it('sheds fast when the queue is full, with a Retry-After, and keeps the queue bounded', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({
      budget: 1,
      windowMs: 1000,
      clock,
      maxQueuePerKey: 5,
      maxWaitMs: 600_000,
    });
    await limiter.acquire('k', { bucket: 'api' });
    const waiting = Array.from({ length: 5 }, () =>
      limiter.acquire('k', { bucket: 'api' }).catch(() => null),
    );
    const shed = await Promise.all(
      Array.from({ length: 1000 }, () => limiter.acquire('k', { bucket: 'api' }).catch((e: unknown) => e)),
    );
    expect(shed.every((e) => e instanceof RetryLaterError && e.code === 'upstream.queue_full')).toBe(true);
    expect((shed[0] as RetryLaterError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limiter.stats().queued).toBe(5);
    expect(waiting).toHaveLength(5);
  });

  it('refuses up front a caller whose estimated wait exceeds the maximum', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({
      budget: 2,
      headroom: 0,
      windowMs: 1000,
      clock,
      maxWaitMs: 2500,
    });
    for (let i = 0; i < 2; i++) (await limiter.acquire('k', { bucket: 'api' })).done({ status: 200 });
    // Positions 0-1 wait one window, 2-3 two windows; a fifth would wait three (over 2.5 s).
    const queued = Array.from({ length: 4 }, () =>
      limiter.acquire('k', { bucket: 'api' }).then((p) => p.done({ status: 200 })),
    );
    const refused = await limiter.acquire('k', { bucket: 'api' }).catch((e: RetryLaterError) => e);
    expect(refused).toMatchObject({ code: 'upstream.queue_full', retryAfterSeconds: 3 });
    for (let t = 0; t < 2000; t += 100) {
      clock.advance(100);
      await settle();
    }
    await expect(Promise.all(queued)).resolves.toHaveLength(4);
  });

  it('gives a waiter up when its signal aborts', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 1, windowMs: 1000, clock });
    await limiter.acquire('k', { bucket: 'api' });
    const controller = new AbortController();
    const waiting = limiter.acquire('k', { bucket: 'api', signal: controller.signal });
    controller.abort(new Error('caller went away'));
    await expect(waiting).rejects.toThrow('caller went away');
    expect(limiter.stats().queued).toBe(0);
  });

  it('keeps reports on their own budget, and each reports call also takes a general slot', async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({
      budget: 5,
      headroom: 0,
      windowMs: 1000,
      reportsBudget: 2,
      reportsWindowMs: 60_000,
      clock,
      maxWaitMs: 120_000,
    });
    for (let i = 0; i < 2; i++) (await limiter.acquire('k', { bucket: 'reports' })).done({ status: 200 });
    let third = false;
    void limiter.acquire('k', { bucket: 'reports' }).then(() => {
      third = true;
    });
    for (let i = 0; i < 3; i++) (await limiter.acquire('k', { bucket: 'api' })).done({ status: 200 });
    clock.advance(2000);
    await settle();
    expect(third).toBe(false);
    clock.advance(58_000);
    await settle();
    expect(third).toBe(true);
  });

  it("serves tenants round-robin, so one tenant's flood does not starve another", async () => {
    const clock = new ManualClock(0);
    const limiter = new InProcessRateLimiter({ budget: 1000, windowMs: 1000, clock, maxInFlight: 1 });
    const order: string[] = [];
    const hold = await limiter.acquire('a-key-0', { bucket: 'api', tenant: 'A' });
    const flood = Array.from({ length: 200 }, (_, i) =>
      limiter.acquire(`a-key-${i % 20}`, { bucket: 'api', tenant: 'A' }).then((p) => {
        order.push('A');
        p.done({ status: 200 });
      }),
    );
    const b = limiter.acquire('b-key', { bucket: 'api', tenant: 'B' }).then((p) => {
      order.push('B');
      p.done({ status: 200 });
    });
    hold.done({ status: 200 });
    await Promise.all([...flood, b]);
    expect(order.indexOf('B')).toBeLessThanOrEqual(1);
  });
});
