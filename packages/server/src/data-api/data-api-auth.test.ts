import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWED_ORIGIN,
  API_KEY,
  type Harness,
  harness,
  OTHER_TENANT_KEY,
  sessionToken,
} from './test/harness';

let h: Harness;
afterEach(() => h?.close());

const me = '/v1/unified/user-directory/me';
const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const session = sessionToken('member', ['user_directory:read', 'time:read']);

describe('data API authentication', () => {
  it('takes an API key with the account in the query or the Harvest-Connect-Account header', async () => {
    h = await harness();
    const auth = { authorization: `Bearer ${API_KEY}` };
    expect((await h.app.request(`${me}?integrated_account_id=member`, { headers: auth })).status).toBe(200);
    expect(
      (await h.app.request(me, { headers: { ...auth, 'Harvest-Connect-Account': 'member' } })).status,
    ).toBe(200);
    const none = await h.app.request(me, { headers: auth });
    expect(none.status).toBe(400);
  });

  it('refuses missing, malformed and unknown credentials, and credentials in the URL', async () => {
    h = await harness();
    const cases: Array<[Record<string, string>, string, number, string]> = [
      [{}, me, 401, 'auth.missing_credentials'],
      [{ authorization: 'Basic abc' }, me, 401, 'auth.missing_credentials'],
      [
        { authorization: 'Bearer hc_sk_unknown' },
        `${me}?integrated_account_id=member`,
        401,
        'auth.invalid_api_key',
      ],
      [
        { authorization: 'Bearer hc_lt_link_token' },
        `${me}?integrated_account_id=member`,
        401,
        'auth.invalid_api_key',
      ],
      [{ authorization: 'Bearer hc_st_forged' }, me, 401, 'auth.invalid_session_token'],
      [{}, `${me}?session_token=${session}`, 401, 'auth.missing_credentials'],
      [{ authorization: `Bearer ${API_KEY}` }, `${me}?integrated_account_id=../../x`, 400, 'request.invalid'],
    ];
    for (const [headers, path, status, expected] of cases) {
      const res = await h.app.request(path, { headers });
      expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(status);
      expect(await code(res)).toBe(expected);
    }
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it("keeps tenants apart: another tenant's key cannot use this tenant's account", async () => {
    h = await harness();
    const res = await h.app.request(`${me}?integrated_account_id=member`, {
      headers: { authorization: `Bearer ${OTHER_TENANT_KEY}` },
    });
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('integrated_account.not_found');
  });

  it('binds a session token to its account', async () => {
    h = await harness();
    const own = await h.app.request(me, { headers: { authorization: `Bearer ${session}` } });
    expect(own.status).toBe(200);
    const other = await h.app.request(`${me}?integrated_account_id=administrator`, {
      headers: { authorization: `Bearer ${session}` },
    });
    expect(other.status).toBe(403);
    expect(await code(other)).toBe('auth.tenant_mismatch');
  });

  it("limits CORS to the tenant's allowed origins", async () => {
    h = await harness();
    const preflight = (origin: string) =>
      h.app.request(me, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const ok = await h.app.request(me, {
      headers: { authorization: `Bearer ${session}`, origin: ALLOWED_ORIGIN },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const foreign = await h.app.request(me, {
      headers: { authorization: `Bearer ${session}`, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await code(foreign)).toBe('auth.origin_denied');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    // Errors after authentication (here Harvest's 403 for a member) still carry CORS, so the widget can read them.
    const forbidden = await h.app.request('/v1/unified/user-directory/users', {
      headers: { authorization: `Bearer ${session}`, origin: ALLOWED_ORIGIN },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);

    // An expired token from an allowed origin: the widget can read the code and fetch a new token.
    const expired = await h.app.request(me, {
      headers: { authorization: 'Bearer hc_st_expired', origin: ALLOWED_ORIGIN },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(await code(expired)).toBe('auth.session_token_expired');
    const expiredForeign = await h.app.request(me, {
      headers: { authorization: 'Bearer hc_st_expired', origin: 'https://evil.example' },
    });
    expect(expiredForeign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
