import type { CurrentIntegratedAccountResponse } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWithOAuth } from '../test/flows';
import { APP_ORIGIN, createHarness, type Harness } from '../test/harness';

let h: Harness;
afterEach(async () => h?.close());

async function linkAdmin(h: Harness) {
  const admin = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === 'administrator')!;
  const { session } = await connectWithOAuth(h, admin.identity_id);
  const accountId = session.result!.integrated_account_id;
  const minted = await h.app.request('/v1/session-tokens', {
    method: 'POST',
    headers: h.apiHeaders,
    body: JSON.stringify({ integrated_account_id: accountId }),
  });
  const { session_token } = (await minted.json()) as { session_token: string };
  return { admin, accountId, sessionToken: session_token };
}

const current = (h: Harness, token: string, init: { origin?: string; query?: string } = {}) =>
  h.app.request(`/v1/integrated-accounts/current${init.query ?? ''}`, {
    headers: { authorization: `Bearer ${token}`, ...(init.origin ? { origin: init.origin } : {}) },
  });

describe('GET /v1/integrated-accounts/current', () => {
  it("answers a session token with its account (no credentials), with CORS for the tenant's origin", async () => {
    h = await createHarness();
    const { admin, accountId, sessionToken } = await linkAdmin(h);
    const res = await current(h, sessionToken, { origin: APP_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const text = await res.text();
    const { result } = JSON.parse(text) as CurrentIntegratedAccountResponse;
    expect(result).toMatchObject({
      id: accountId,
      status: 'active',
      auth_type: 'oauth',
      harvest_user: { name: admin.name, email: admin.email },
      harvest_account: { id: admin.account_id },
    });
    expect(text).not.toMatch(/token|secret/i);

    const preflight = await h.app.request('/v1/integrated-accounts/current', {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const foreign = await current(h, sessionToken, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('auth.origin_denied');
  });

  it('still lets the API key routes take ids, and /current is not an id for them', async () => {
    h = await createHarness();
    const { accountId } = await linkAdmin(h);
    expect(
      (await h.app.request(`/v1/integrated-accounts/${accountId}`, { headers: h.apiHeaders })).status,
    ).toBe(200);
    const del = await h.app.request('/v1/integrated-accounts/current', {
      method: 'DELETE',
      headers: h.apiHeaders,
    });
    expect(del.status).toBe(404);
  });

  it('answers an API key only when it names the account (documented), else a 400', async () => {
    h = await createHarness();
    const { accountId } = await linkAdmin(h);
    const apiKey = h.tenant.api_key;
    const unnamed = await current(h, apiKey);
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { code: string } }).error.code).toBe('request.invalid');
    const named = await current(h, apiKey, { query: `?integrated_account_id=${accountId}` });
    expect(named.status).toBe(200);
    expect(((await named.json()) as CurrentIntegratedAccountResponse).result.id).toBe(accountId);
    const other = await current(h, apiKey, { query: '?integrated_account_id=acc_nope' });
    expect(other.status).toBe(404);
  });

  it('refuses an expired session token with 401 auth.session_token_expired, readable by the widget', async () => {
    h = await createHarness();
    const { sessionToken } = await linkAdmin(h);
    h.clock.now += 16 * 60_000; // past the default 15 minutes
    const res = await current(h, sessionToken, { origin: APP_ORIGIN });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('auth.session_token_expired');
    const garbage = await current(h, 'hc_st_not_a_real_token_at_all_0000000000');
    expect(garbage.status).toBe(401);
  });

  it('describes an account Harvest stopped accepting as needs_reauth instead of refusing it', async () => {
    h = await createHarness();
    const { admin, sessionToken } = await linkAdmin(h);
    h.sandbox.control.revokeGrant(admin.identity_id);
    // The widget's next data call meets Harvest's 401, the forced refresh gets invalid_grant.
    const call = await h.app.request('/v1/unified/user-directory/me', {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(call.status).toBe(409);
    const res = await current(h, sessionToken, { origin: APP_ORIGIN });
    expect(res.status).toBe(200);
    expect(((await res.json()) as CurrentIntegratedAccountResponse).result.status).toBe('needs_reauth');
  });

  it('is described in /openapi.json', async () => {
    h = await createHarness();
    const spec = (await (await h.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(spec.paths['/v1/integrated-accounts/current']).toHaveProperty('get');
  });

  it('stops answering once the product disconnects the account (its session tokens are wiped)', async () => {
    h = await createHarness();
    const { accountId, sessionToken } = await linkAdmin(h);
    await h.app.request(`/v1/integrated-accounts/${accountId}`, { method: 'DELETE', headers: h.apiHeaders });
    const res = await current(h, sessionToken);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('auth.invalid_session_token');
  });
});
