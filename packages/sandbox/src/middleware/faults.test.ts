import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

describe('faults', () => {
  it('answers a 429 storm for the next N requests, then recovers', async () => {
    const s = testSandbox();
    s.control.setFaults({ storm429: 2, storm429RetryAfter: false });
    const a = await s.app.request('/v2/users/me', { headers: headersFor(s) });
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBeNull();
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(429);
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(200);
  });

  it('sends the configured Retry-After on the storm: 1 by default, seconds, an HTTP-date, verbatim, absurd', async () => {
    const s = testSandbox();
    const retryAfter = async () => {
      const res = await s.app.request('/v2/users/me', { headers: headersFor(s) });
      expect(res.status).toBe(429);
      return res.headers.get('retry-after');
    };
    s.control.setFaults({ storm429: 6 });
    expect(await retryAfter()).toBe('1');
    s.control.setFaults({ storm429RetryAfter: 7 });
    expect(await retryAfter()).toBe('7');
    s.control.setFaults({ storm429RetryAfter: 86_400 });
    expect(await retryAfter()).toBe('86400');
    // The sandbox clock stands at TEST_NOW (a whole second): the date is exactly 7 s later.
    s.control.setFaults({ storm429RetryAfter: 7, storm429RetryAfterFormat: 'http-date' });
    const date = (await retryAfter())!;
    expect(date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Date.parse(date) - s.clock.now()).toBe(7000);
    // Part of a second: rounded up, never earlier than asked.
    s.clock.advance(300);
    const later = (await retryAfter())!;
    expect(Date.parse(later) - s.clock.now()).toBe(7700);
    s.control.setFaults({ storm429RetryAfter: 'soon' });
    expect(await retryAfter()).toBe('soon');
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(200);
  });

  it('injects 5xx at the given rate', async () => {
    const s = testSandbox();
    s.control.setFaults({ errorRate: 1, errorStatus: 503 });
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(503);
    s.control.clearFaults();
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(200);
  });

  it('truncates bodies and resets connections (in process: the body stream fails)', async () => {
    const s = testSandbox();
    s.control.setFaults({ truncateBodies: 1 });
    const cut = await s.app.request('/v2/users/me', { headers: headersFor(s) });
    await expect(cut.text()).rejects.toThrow();
    s.control.setFaults({ resetConnections: 1 });
    const reset = await s.app.request('/v2/users/me', { headers: headersFor(s) });
    await expect(reset.text()).rejects.toThrow();
  });

  it('never touches the control API', async () => {
    const s = testSandbox();
    s.control.setFaults({ errorRate: 1 });
    expect((await s.app.request('/__sandbox/credentials')).status).toBe(200);
  });
});
