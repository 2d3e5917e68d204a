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
