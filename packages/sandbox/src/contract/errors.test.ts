import { describe, expect, it } from 'vitest';
import { call, headersFor, testSandbox } from '../test-support';

/** Fact sheet §4 and the sandbox decisions: exact error bodies. */
describe('Harvest error bodies', () => {
  const s = testSandbox();

  it('404 is {"status":404,"error":"Not Found"}', async () => {
    for (const path of [
      '/v2/clients/1',
      '/v2/time_entries/abc',
      '/v2/no_such_thing',
      '/v2/invoices/99999999',
    ]) {
      const { status, body } = await call(s, 'GET', path);
      expect(status).toBe(404);
      expect(body).toEqual({ status: 404, error: 'Not Found' });
    }
  });

  it('403 is {"status":403,"error":"Forbidden"} (sandbox decision)', async () => {
    const { status, body } = await call(s, 'GET', '/v2/roles', { who: 'member' });
    expect(status).toBe(403);
    expect(body).toEqual({ status: 403, error: 'Forbidden' });
  });

  it('422 is {"message"} with several messages joined by ", "', async () => {
    const { status, body } = await call(s, 'POST', '/v2/time_entries', { body: { spent_date: 'nope' } });
    expect(status).toBe(422);
    expect(body).toEqual({
      message: "Project can't be blank, Task can't be blank, Spent date is not a valid date",
    });
  });

  it('accepts form bodies as well as JSON', async () => {
    const res = await s.app.request('/v2/clients', {
      method: 'POST',
      headers: { ...headersFor(s), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Form+Client&currency=EUR',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { currency: string }).currency).toBe('EUR');
  });

  it('answers malformed JSON with 400 and a non-object JSON body with 422', async () => {
    const headers = { ...headersFor(s), 'Content-Type': 'application/json' };
    expect((await s.app.request('/v2/clients', { method: 'POST', headers, body: '{' })).status).toBe(400);
    expect((await s.app.request('/v2/clients', { method: 'POST', headers, body: '[1]' })).status).toBe(422);
  });
});
