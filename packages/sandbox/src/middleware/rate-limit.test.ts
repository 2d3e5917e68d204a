import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

describe('rateLimit (fact sheet §2; sandbox decisions: per token, Retry-After in seconds)', () => {
  it('allows 100 requests per window, then 429 with an empty body and Retry-After', async () => {
    const s = testSandbox({ rateWindowMs: 10_000 });
    const headers = headersFor(s);
    for (let i = 0; i < 100; i++) expect((await s.app.request('/v2/users/me', { headers })).status).toBe(200);
    const limited = await s.app.request('/v2/users/me', { headers });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('');
    expect(limited.headers.get('retry-after')).toBe('10');
    s.clock.advance(4_000);
    expect((await s.app.request('/v2/users/me', { headers })).headers.get('retry-after')).toBe('6');
    s.clock.advance(6_000);
    expect((await s.app.request('/v2/users/me', { headers })).status).toBe(200);
  });

  it('keys the limit by token: another token is not limited', async () => {
    const s = testSandbox({ rateWindowMs: 10_000 });
    for (let i = 0; i < 101; i++)
      await s.app.request('/v2/users/me', { headers: headersFor(s, 'administrator') });
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s, 'administrator') })).status).toBe(
      429,
    );
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s, 'member') })).status).toBe(200);
  });

  it('can answer 429 without Retry-After (seen live in 2020)', async () => {
    const s = testSandbox({ rateWindowMs: 10_000, retryAfter: false });
    let last: Response | undefined;
    for (let i = 0; i < 101; i++) last = await s.app.request('/v2/users/me', { headers: headersFor(s) });
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toBeNull();
  });

  it('gives reports a window 60 times longer (15 s vs 15 min)', async () => {
    const s = testSandbox({ rateWindowMs: 1_000 });
    const q = '/v2/reports/time/team?from=20250501&to=20250531';
    for (let i = 0; i < 100; i++) await s.app.request(q, { headers: headersFor(s) });
    const limited = await s.app.request(q, { headers: headersFor(s) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});
