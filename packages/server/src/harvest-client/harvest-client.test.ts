import type { LoggedRequest } from '@harvest-connect/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, sandboxTokens } from '../data-api/test/harness';
import { ApiError } from '../errors';
import type { HarvestClient } from './harvest-client';
import type { HarvestAccess } from './token-source';

let h: Harness;
afterEach(() => h?.close());

const admin = { accountId: 'administrator' };
const me = { path: '/v2/users/me' };
const client = (h: Harness): HarvestClient => h.deps.client;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ApiError,
  );

/** The largest number of logged requests in any window of `windowMs` (a rolling window, as Harvest counts). */
function maxInWindow(log: LoggedRequest[], windowMs: number): number {
  const at = log.map((r) => r.at).sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while ((at[i] as number) - (at[j] as number) >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('HarvestClient against the sandbox', () => {
  it('paces 500 queued calls on one key so no rolling window holds more than the budget, with no 429', async () => {
    h = await harness({
      loopback: true,
      sandbox: { now: undefined, rateWindowMs: 1000 },
      limiter: { windowMs: 1000, maxWaitMs: 60_000 },
    });
    const results = await Promise.all(
      Array.from({ length: 500 }, () =>
        client(h)
          .request(admin, me)
          .then((r) => r.status),
      ),
    );
    expect(results.every((s) => s === 200)).toBe(true);
    const log = h.sandbox.control.requests().filter((r) => r.path === '/v2/users/me');
    expect(log).toHaveLength(500);
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
    expect(maxInWindow(log, 1000)).toBeLessThanOrEqual(100);
  }, 30_000);

  it.each([256, 4])(
    "keeps another tenant's calls moving while one tenant floods its key (in-flight cap %i)",
    async (maxInFlight) => {
      h = await harness({
        loopback: true,
        sandbox: { now: undefined, rateWindowMs: 3000 },
        limiter: { windowMs: 3000, maxWaitMs: 60_000, maxInFlight },
      });
      let floodDone = 0;
      const flood = Array.from({ length: 150 }, () =>
        client(h)
          .request({ accountId: 'administrator', tenantId: 'tenant-a' }, me)
          .then(() => {
            floodDone++;
          }),
      );
      const seenByB: number[] = [];
      for (let i = 0; i < 5; i++) {
        await client(h).request({ accountId: 'manager', tenantId: 'tenant-b' }, me);
        seenByB.push(floodDone);
      }
      // Tenant A needs two 3 s windows for its flood; tenant B is served within the first (a shared FIFO would
      // make B wait behind all of A's calls).
      expect(seenByB.every((n) => n <= 100)).toBe(true);
      await Promise.all(flood);
      expect(floodDone).toBe(150);
    },
    30_000,
  );

  it('after a 429 with Retry-After, the key stays silent for that long, then the GET succeeds', async () => {
    h = await harness({ loopback: true, sandbox: { now: undefined } });
    h.sandbox.control.setFaults({ storm429: 2, storm429RetryAfter: true });
    const res = await client(h).request(admin, me);
    expect(res.status).toBe(200);
    const log = h.sandbox.control.requests();
    expect(log.map((r) => r.status)).toEqual([429, 429, 200]);
    // The sandbox's storm sends `Retry-After: 1`.
    expect((log[1] as LoggedRequest).at - (log[0] as LoggedRequest).at).toBeGreaterThanOrEqual(1000);
    expect((log[2] as LoggedRequest).at - (log[1] as LoggedRequest).at).toBeGreaterThanOrEqual(1000);
    expect(h.deps.metrics.render()).toMatch(/harvest_connect_upstream_429_total\{retry_after="seconds"\} 2/);
  });

  it('backs off with jitter when a 429 has no Retry-After, and gives up with a 503 and Retry-After in a storm', async () => {
    h = await harness({ loopback: true, sandbox: { now: undefined }, limiter: { backoffBaseMs: 100 } });
    h.sandbox.control.setFaults({ storm429: 1, storm429RetryAfter: false });
    expect((await client(h).request(admin, me)).status).toBe(200);
    const [first, second] = h.sandbox.control.requests() as [LoggedRequest, LoggedRequest];
    expect(second.at - first.at).toBeGreaterThanOrEqual(100);
    h.sandbox.control.setFaults({ storm429: 50, storm429RetryAfter: false });
    const error = await failure(client(h).request(admin, me));
    expect(error).toMatchObject({ code: 'upstream.rate_limited', status: 503 });
    expect((error as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('retries a GET on 5xx, but never re-sends a POST', async () => {
    h = await harness();
    h.sandbox.control.setFaults({ errorRate: 1, errorStatus: 503 });
    expect(await failure(client(h).request(admin, me))).toMatchObject({
      code: 'upstream.unavailable',
      status: 503,
    });
    expect(h.sandbox.control.requests()).toHaveLength(3);
    h.sandbox.control.clearRequests();
    const post = await failure(
      client(h).request(admin, { method: 'POST', path: '/v2/clients', body: { name: 'Acme' } }),
    );
    expect(post).toMatchObject({ code: 'upstream.unavailable' });
    expect(h.sandbox.control.requests()).toHaveLength(1);
  });

  it('retries a GET after a connection reset, and not a POST', async () => {
    h = await harness({ loopback: true, sandbox: { now: undefined } });
    h.sandbox.control.setFaults({ resetConnections: 1 });
    expect((await client(h).request(admin, me)).status).toBe(200);
    h.sandbox.control.clearRequests();
    h.sandbox.control.setFaults({ resetConnections: 1 });
    const post = await failure(
      client(h).request(admin, { method: 'POST', path: '/v2/clients', body: { name: 'Acme' } }),
    );
    expect(post).toMatchObject({ code: 'upstream.unavailable' });
    expect(h.sandbox.control.requests()).toHaveLength(1);
  });

  it('never returns a truncated body: retries, then answers 502 upstream.bad_response', async () => {
    h = await harness({ loopback: true, sandbox: { now: undefined } });
    h.sandbox.control.setFaults({ truncateBodies: 1 });
    const ok = await client(h).request<{ id: number }>(admin, me);
    expect(ok.body.id).toBeTypeOf('number');
    h.sandbox.control.setFaults({ truncateBodies: 10 });
    const error = await failure(client(h).request(admin, me));
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code === 'upstream.bad_response' || error?.code === 'upstream.unavailable').toBe(true);
    expect([502, 503]).toContain(error?.status);
  });

  it('times out a hung call and frees its slot', async () => {
    h = await harness({
      loopback: true,
      sandbox: { now: undefined },
      limiter: { budget: 1, windowMs: 100 },
      client: { timeoutMs: 150, maxAttempts: 1 },
    });
    h.sandbox.control.setFaults({ latencyMs: 2000 });
    expect(await failure(client(h).request(admin, me))).toMatchObject({
      code: 'upstream.timeout',
      status: 504,
    });
    expect(h.limiter.stats().inFlight).toBe(0);
    h.sandbox.control.clearFaults();
    expect((await client(h).request(admin, me)).status).toBe(200);
  });

  it('refreshes once on a 401 and retries; a second 401 means the account needs reauth', async () => {
    let refreshes = 0;
    h = await harness({
      tokens: (sandbox) => {
        const real = sandboxTokens(sandbox);
        return {
          get: async (id) => ({ ...(await real.get(id)), accessToken: 'stale-token' }),
          refresh: async (id, stale: HarvestAccess) => {
            refreshes++;
            expect(stale.accessToken).toBe('stale-token');
            return id === 'administrator' ? real.get(id) : stale;
          },
        };
      },
    });
    expect((await client(h).request(admin, me)).status).toBe(200);
    expect(refreshes).toBe(1);
    const error = await failure(client(h).request({ accountId: 'member' }, me));
    expect(error).toMatchObject({ code: 'integrated_account.needs_reauth' });
    expect(refreshes).toBe(2);
  });

  it('never leaves the configured origin or /v2, whatever path it is handed', async () => {
    h = await harness();
    for (const path of [
      '/v2/../oauth2/token',
      '//evil.example/v2/users',
      '/v2/..%2f..%2f',
      '/oauth2/token',
      '/v2/users\\..\\..\\x',
      'https://evil.example/v2/users',
    ]) {
      const error = await failure(client(h).request(admin, { path }));
      if (error === null) throw new Error(`${path} was sent`);
      expect(
        h.sandbox.control.requests().every((r) => r.path.startsWith('/v2/')),
        path,
      ).toBe(true);
    }
    // Only the percent-encoded one is sent, and it stays an (unknown) path under /v2 at the same host.
    expect(h.sandbox.control.requests().map((r) => r.path)).toEqual(['/v2/..%2f..%2f']);
  });

  it('maps Harvest errors to protocol codes', async () => {
    h = await harness();
    expect(await failure(client(h).request(admin, { path: '/v2/nothing-here' }))).toMatchObject({
      code: 'upstream.not_found',
      status: 404,
    });
  });
});
