import { describe, expect, it } from 'vitest';
import { createSandbox } from '../create-sandbox';
import { call, headersFor, TEST_NOW, testSandbox } from '../test-support';

/** The control API under /__sandbox (issue §2 "Control API"). */
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe('control API', () => {
  it('hands out credentials: an OAuth client and PATs for an administrator, a manager and a member', async () => {
    const s = testSandbox();
    const creds = (await (await s.app.request('/__sandbox/credentials')).json()) as typeof s.credentials;
    expect(creds.oauth_client).toEqual({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      redirect_uri: expect.any(String),
    });
    expect(creds.personal_access_tokens.map((p) => p.access_role)).toEqual([
      'administrator',
      'manager',
      'member',
    ]);
    expect(creds.personal_access_tokens[0]!.token).toMatch(/^\d+\.pt\.[0-9a-f]+$/);
    expect(creds.multi_account_person.accounts).toHaveLength(2);
  });

  it('is deterministic per seed', () => {
    const a = createSandbox({ seed: 'same', now: TEST_NOW }).credentials;
    const b = createSandbox({ seed: 'same', now: TEST_NOW }).credentials;
    const c = createSandbox({ seed: 'other', now: TEST_NOW }).credentials;
    expect(a).toEqual(b);
    expect(c.personal_access_tokens[0]!.token).not.toBe(a.personal_access_tokens[0]!.token);
  });

  it('logs requests and clears the log', async () => {
    const s = testSandbox();
    await call(s, 'GET', '/v2/users/me');
    const log = (await (await s.app.request('/__sandbox/requests')).json()) as {
      requests: Array<Record<string, unknown>>;
    };
    expect(log.requests).toEqual([
      { at: TEST_NOW, method: 'GET', path: '/v2/users/me', status: 200, token_id: expect.any(String) },
    ]);
    await s.app.request('/__sandbox/requests', { method: 'DELETE' });
    expect(
      ((await (await s.app.request('/__sandbox/requests')).json()) as { requests: unknown[] }).requests,
    ).toEqual([]);
  });

  it('sets and advances the clock', async () => {
    const s = testSandbox();
    const set = await (await s.app.request('/__sandbox/clock', json({ set: '2025-07-01T12:00:00Z' }))).json();
    expect(set).toMatchObject({ now: '2025-07-01T12:00:00.000Z', frozen: true });
    const adv = (await (await s.app.request('/__sandbox/clock', json({ advance_ms: 60_000 }))).json()) as {
      now_ms: number;
    };
    expect(adv.now_ms).toBe(Date.parse('2025-07-01T12:01:00Z'));
    expect((await s.app.request('/__sandbox/clock', json({ set: 'yesterday-ish' }))).status).toBe(422);
  });

  it('expires and revokes tokens by value or id, and issues OAuth tokens', async () => {
    const s = testSandbox();
    const admin = s.credentials.personal_access_tokens[0]!;
    expect((await s.app.request('/__sandbox/tokens/expire', json({ token: admin.token }))).status).toBe(200);
    expect((await call(s, 'GET', '/v2/users/me')).status).toBe(401);
    const member = s.credentials.personal_access_tokens[2]!;
    await s.app.request('/__sandbox/tokens/revoke', json({ token_id: `pat_${member.identity_id}` }));
    expect((await call(s, 'GET', '/v2/users/me', { who: 'member' })).status).toBe(401);
    expect((await s.app.request('/__sandbox/tokens/revoke', json({ token: 'nope' }))).status).toBe(404);
    const issued = (await (
      await s.app.request('/__sandbox/tokens/issue', json({ identity_id: member.identity_id }))
    ).json()) as { access_token: string };
    const headers = {
      Authorization: `Bearer ${issued.access_token}`,
      'Harvest-Account-Id': String(member.account_id),
      'User-Agent': 'T',
    };
    expect((await s.app.request('/v2/users/me', { headers })).status).toBe(200);
    expect(
      (
        (await (
          await s.app.request('/__sandbox/tokens/revoke-grant', json({ identity_id: member.identity_id }))
        ).json()) as { revoked: number }
      ).revoked,
    ).toBe(2);
    expect((await s.app.request('/v2/users/me', { headers })).status).toBe(401);
    const again = (await (
      await s.app.request('/__sandbox/tokens/issue', json({ identity_id: member.identity_id }))
    ).json()) as { access_token: string };
    const byUser = (await (
      await s.app.request('/__sandbox/tokens/revoke-grant', json({ user_id: member.user_id }))
    ).json()) as { revoked: number };
    expect(byUser.revoked).toBe(2);
    expect(again.access_token).toBeTruthy();
  });

  it('switches settings (rotation, Retry-After, window, lifetime) and faults', async () => {
    const s = testSandbox();
    const res = await s.app.request('/__sandbox/settings', {
      ...json({ refresh_rotation: false, retry_after: false, rate_window_ms: 500 }),
      method: 'PATCH',
    });
    expect(await res.json()).toMatchObject({
      refresh_rotation: false,
      retry_after: false,
      rate_window_ms: 500,
    });
    await s.app.request('/__sandbox/faults', { ...json({ storm_429: 1 }), method: 'PUT' });
    const limited = await s.app.request('/v2/users/me', { headers: headersFor(s) });
    expect(limited.status).toBe(429);
    expect(
      (await s.app.request('/__sandbox/faults', { ...json({ error_rate: 2 }), method: 'PUT' })).status,
    ).toBe(422);
    await s.app.request('/__sandbox/faults', { method: 'DELETE' });
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s) })).status).toBe(200);
  });

  it("sets the storm's Retry-After over HTTP: seconds, HTTP-date, none, absurd, verbatim; refuses header injection", async () => {
    const s = testSandbox();
    const put = (body: unknown) => s.app.request('/__sandbox/faults', { ...json(body), method: 'PUT' });
    const header = async () => (await s.app.request('/v2/users/me', { headers: headersFor(s) })).headers;
    const seven = await put({ storm_429: 10, storm_429_retry_after: 7 });
    expect(await seven.json()).toMatchObject({
      storm_429: 10,
      storm_429_retry_after: 7,
      storm_429_retry_after_format: 'seconds',
    });
    expect((await header()).get('retry-after')).toBe('7');
    await put({ storm_429_retry_after: '86400' });
    expect((await header()).get('retry-after')).toBe('86400');
    await put({ storm_429_retry_after: 7, storm_429_retry_after_format: 'http-date' });
    expect(Date.parse((await header()).get('retry-after')!) - s.clock.now()).toBe(7000);
    await put({ storm_429_retry_after: false });
    expect((await header()).has('retry-after')).toBe(false);
    await put({ storm_429_retry_after: 'true', storm_429_retry_after_format: 'seconds' });
    expect((await header()).get('retry-after')).toBe('1');
    await put({ storm_429_retry_after: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect((await header()).get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    for (const bad of ['1\r\nX-Evil: yes', '', -1, 1.5, { a: 1 }]) {
      expect((await put({ storm_429_retry_after: bad })).status, JSON.stringify(bad)).toBe(422);
    }
    expect((await put({ storm_429_retry_after_format: 'minutes' })).status).toBe(422);
  });

  it('resets and reseeds', async () => {
    const s = testSandbox();
    await call(s, 'POST', '/v2/clients', { body: { name: 'Temp' } });
    const before = s.credentials.personal_access_tokens[0]!.token;
    await s.app.request('/__sandbox/reset', json({ seed: 'another' }));
    expect(s.credentials.personal_access_tokens[0]!.token).not.toBe(before);
    const names = (await call(s, 'GET', '/v2/clients')).body.clients.map((c: { name: string }) => c.name);
    expect(names).not.toContain('Temp');
  });

  it('lists its endpoints at /__sandbox', async () => {
    const s = testSandbox();
    const body = (await (await s.app.request('/__sandbox')).json()) as { endpoints: string[] };
    expect(body.endpoints).toContain('GET /__sandbox/credentials');
  });

  it('can be switched off', async () => {
    const s = testSandbox({ control: false });
    expect((await s.app.request('/__sandbox/credentials')).status).toBe(404);
  });

  it('registers another OAuth client at run time', async () => {
    const s = testSandbox();
    const body = {
      client_id: 'demo',
      client_secret: 'demo-secret',
      redirect_uri: 'http://127.0.0.1:5173/callback',
      name: 'Demo',
    };
    expect((await s.app.request('/__sandbox/clients', json(body))).status).toBe(201);
    const page = await s.app.request('/oauth2/authorize?client_id=demo&response_type=code');
    expect(await page.text()).toContain('Authorize Demo');
    expect((await s.app.request('/__sandbox/clients', json({ client_id: 'x' }))).status).toBe(422);
  });
});
