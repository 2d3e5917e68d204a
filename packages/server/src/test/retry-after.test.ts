import type { LoggedRequest, SandboxClock } from '@harvest-connect/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../data-api/test/harness';
import { ManualClock } from '../rate-limit/clock';
import { backoffMs } from '../rate-limit/retry-after';

// RELIABILITY "Pacing and transport": how a 429 pauses a key, end to end (data API -> Harvest client -> limiter
// -> sandbox). One manual clock drives the limiter, the client and the sandbox, so a 7 s pause costs no real
// time, and every assertion reads the sandbox's request log (stamped by that clock): order and cause, never speed.

const START = Date.UTC(2026, 5, 3, 9);
let h: Harness;
afterEach(() => h?.close());

/** The sandbox reads the same manual clock as the server side. */
function sandboxClockOf(clock: ManualClock): SandboxClock {
  return {
    now: () => clock.now(),
    set: (ms) => clock.advance(ms - clock.now()),
    advance: (ms) => clock.advance(ms),
    frozen: true,
    setFrozen() {},
  };
}

async function setup(random: () => number = () => 0.5) {
  const clock = new ManualClock(START);
  h = await harness({
    sandbox: { clock: sandboxClockOf(clock) },
    limiter: { clock, random },
    client: { clock },
  });
  return clock;
}

/**
 * Lets `work` run, moving the clock in steps only while no call is at the sandbox (so a step never fires a
 * request timeout), until it settles. `maxMs` bounds the simulated time it may take.
 */
async function drive<T>(clock: ManualClock, work: Promise<T>, maxMs = 120_000, stepMs = 100): Promise<T> {
  let settled = false;
  work.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  let advanced = 0;
  for (let turns = 0; !settled; turns++) {
    await new Promise((r) => setImmediate(r));
    if (settled || h.limiter.stats().inFlight > 0) continue;
    if (advanced >= maxMs || turns > 100_000) throw new Error(`not settled after ${advanced} ms of clock`);
    clock.advance(stepMs);
    advanced += stepMs;
  }
  return work;
}

// The storm answers before the sandbox reads the token, so its 429s carry no token_id; the tests below only
// storm the administrator's key.
const log = () => h.sandbox.control.requests();
const adminToken = () => `pat_${h.sandbox.credentials.personal_access_tokens[0]!.identity_id}`;
const ofAdmin = () => log().filter((r) => r.token_id === adminToken());
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('a 429 from Harvest, end to end', () => {
  it('with Retry-After: 7 the key is silent at least 7 s (other keys are not), then every call succeeds', async () => {
    const clock = await setup();
    h.sandbox.control.setFaults({ storm429: 1, storm429RetryAfter: 7 });
    const first = h.get('/v1/tools/company');
    await drive(
      clock,
      new Promise<void>((resolve) => {
        // Until the client has handed the 429 to the limiter: only then is the key paused.
        const poll = () => (h.limiter.stats().pausedKeys > 0 ? resolve() : setImmediate(poll));
        poll();
      }),
    );
    const limited = log()[0] as LoggedRequest;
    expect(limited.status).toBe(429);
    // More calls for the same key arrive during the pause; another key's call does not wait for it.
    const more = [h.get('/v1/unified/user-directory/me'), h.get('/v1/tools/time-entries?limit=1&user_id=1')];
    const other = await drive(clock, h.get('/v1/tools/company', 'manager'));
    expect(other.status).toBe(200);
    const managerCall = log().find((r) => r.status === 200 && r.token_id !== adminToken())!;
    expect(managerCall.at).toBeLessThan(limited.at + 7000);

    const answers = await drive(clock, Promise.all([first, ...more]));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const after = ofAdmin(); // every Harvest call the three answers needed
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(log().filter((r) => r.status === 429)).toHaveLength(1);
    for (const r of after) expect(r.at).toBeGreaterThanOrEqual(limited.at + 7000);
    expect(h.deps.metrics.render()).toMatch(/harvest_connect_upstream_429_total\{retry_after="seconds"\} 1/);
  });

  it('honours the HTTP-date form (rounded up to its whole second) the same way', async () => {
    const clock = await setup();
    clock.advance(300); // mid-second: the date Harvest sends lies at the next whole second after now + 7 s
    h.sandbox.control.setFaults({
      storm429: 1,
      storm429RetryAfter: 7,
      storm429RetryAfterFormat: 'http-date',
    });
    const res = await drive(clock, h.get('/v1/tools/company'));
    expect(res.status).toBe(200);
    const [limited, retried] = log() as [LoggedRequest, LoggedRequest];
    expect(limited.status).toBe(429);
    expect(retried.status).toBe(200);
    const promised = Math.ceil((limited.at + 7000) / 1000) * 1000;
    expect(retried.at).toBeGreaterThanOrEqual(promised);
    expect(h.deps.metrics.render()).toMatch(/harvest_connect_upstream_429_total\{retry_after="date"\} 1/);
  });

  it('without Retry-After backs off with the jittered, growing wait, then succeeds', async () => {
    const draws = [0, 0.9, 0.1];
    const clock = await setup(() => draws.shift() ?? 0.5);
    h.sandbox.control.setFaults({ storm429: 3, storm429RetryAfter: false });
    const res = await drive(clock, h.get('/v1/tools/company'));
    expect(res.status).toBe(200);
    const calls = log();
    expect(calls.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    // The waits the limiter drew: attempt n waits base + draw * (min(cap, base * 2^n) - base).
    const expected = [0, 0.9, 0.1].map((d, n) =>
      backoffMs(n, { baseMs: 1000, capMs: 60_000, random: () => d }),
    );
    expect(expected).toEqual([1000, 1900, 1300]);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(expected[i - 1]!);
    }
    expect(h.deps.metrics.render()).toMatch(/harvest_connect_upstream_429_total\{retry_after="absent"\} 3/);
  });

  it('caps an absurd Retry-After: the caller gets a 503 with Retry-After at once, and the key recovers after the cap', async () => {
    const clock = await setup();
    h.sandbox.control.setFaults({ storm429: 1, storm429RetryAfter: 86_400 });
    // No clock movement allowed: the refusal must not wait for anything.
    const res = await drive(clock, h.get('/v1/tools/company'), 0);
    expect(res.status).toBe(503);
    expect(await errorCode(res)).toBe('upstream.rate_limited');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60); // the cap (maxPauseMs), not a day
    expect(log()).toHaveLength(1);
    const [limited] = log() as [LoggedRequest];

    // Shed fast while paused, without reaching Harvest.
    const again = await drive(clock, h.get('/v1/tools/time-entries?limit=1'), 0);
    expect(again.status).toBe(503);
    expect(log()).toHaveLength(1);

    clock.advance(retryAfter * 1000);
    const later = await drive(clock, h.get('/v1/tools/company'));
    expect(later.status).toBe(200);
    expect(log()).toHaveLength(2);
    expect(log()[1]!.at).toBeGreaterThanOrEqual(limited.at + retryAfter * 1000);
  });
});
