import type { UnifiedMe } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWithOAuth } from '../test/flows';
import { APP_ORIGIN, createHarness, type Harness } from '../test/harness';

let h: Harness;
afterEach(async () => h?.close());

async function connectAdmin(h: Harness): Promise<string> {
  const admin = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === 'administrator')!;
  const { session } = await connectWithOAuth(h, admin.identity_id);
  return session.result!.integrated_account_id;
}

describe('data API wired into the server', () => {
  it('answers an API key with a linked account, using its stored OAuth token', async () => {
    h = await createHarness();
    const accountId = await connectAdmin(h);
    const res = await h.app.request(`/v1/unified/user-directory/me?integrated_account_id=${accountId}`, {
      headers: { authorization: h.apiHeaders.authorization },
    });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: UnifiedMe };
    expect(result.user.access_roles).toContain('administrator');
    const unknown = await h.app.request('/v1/unified/user-directory/me?integrated_account_id=acc_nope', {
      headers: { authorization: h.apiHeaders.authorization },
    });
    expect(unknown.status).toBe(404);
  });

  it('answers a session token from an allowed origin, with CORS, and enforces its scopes', async () => {
    h = await createHarness();
    const accountId = await connectAdmin(h);
    const minted = await h.app.request('/v1/session-tokens', {
      method: 'POST',
      headers: h.apiHeaders,
      body: JSON.stringify({ integrated_account_id: accountId, scopes: ['user_directory:read'] }),
    });
    const { session_token } = (await minted.json()) as { session_token: string };
    const ok = await h.app.request('/v1/unified/user-directory/users?limit=2', {
      headers: { authorization: `Bearer ${session_token}`, origin: APP_ORIGIN },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const denied = await h.app.request('/v1/tools/time-entries', {
      headers: { authorization: `Bearer ${session_token}` },
    });
    expect(denied.status).toBe(403);
    const foreign = await h.app.request('/v1/unified/user-directory/me', {
      headers: { authorization: `Bearer ${session_token}`, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('refreshes once when Harvest refuses the access token before its expiry, and retries', async () => {
    h = await createHarness();
    const accountId = await connectAdmin(h);
    const before = (await h.server.tokens.get(accountId)).accessToken;
    h.sandbox.control.expireToken(before);
    const res = await h.app.request(`/v1/tools/company?integrated_account_id=${accountId}`, {
      headers: { authorization: h.apiHeaders.authorization },
    });
    expect(res.status).toBe(200);
    expect((await h.server.tokens.get(accountId)).accessToken).not.toBe(before);
    const calls = h.sandbox.control
      .requests()
      .filter((r) => r.path === '/v2/company')
      .map((r) => r.status);
    expect(calls).toEqual([401, 200]);
  });

  it('serves /openapi.json, the reference page and /metrics', async () => {
    h = await createHarness();
    const spec = (await (await h.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/v1/unified/user-directory/users');
    const page = await h.app.request('/reference');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).not.toMatch(/https?:\/\/(?!127)/);
    const metrics = await (await h.app.request('/metrics')).text();
    expect(metrics).toContain('# TYPE harvest_connect_upstream_calls_total counter');
  });
});
