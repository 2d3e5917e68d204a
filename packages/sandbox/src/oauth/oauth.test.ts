import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testSandbox } from '../test-support';

/** Contract tests from fact sheet §1 and the sandbox decisions table. */
const REDIRECT = 'http://127.0.0.1:4000/connect/oauth/callback';

function setup(options: Parameters<typeof testSandbox>[0] = {}) {
  const s = testSandbox(options);
  const { client_id, client_secret } = s.credentials.oauth_client;
  const approve = async (
    fields: Record<string, string> = {},
    person = s.credentials.personal_access_tokens[0]!.identity_id,
  ) => {
    const res = await s.app.request('/oauth2/authorize', {
      method: 'POST',
      body: new URLSearchParams({
        client_id,
        response_type: 'code',
        state: 'st-1',
        person_id: String(person),
        decision: 'approve',
        ...fields,
      }),
    });
    return { res, location: new URL(res.headers.get('location') ?? 'http://invalid/') };
  };
  const token = (fields: Record<string, string>, json = false) =>
    s.app.request('/api/v2/oauth2/token', {
      method: 'POST',
      headers: json ? { 'Content-Type': 'application/json' } : {},
      body: json
        ? JSON.stringify({ client_id, client_secret, ...fields })
        : new URLSearchParams({ client_id, client_secret, ...fields }),
    });
  return { s, client_id, client_secret, approve, token };
}

describe('GET /oauth2/authorize', () => {
  it('renders an accessible consent page with a "Sign in as" picker and Approve/Deny buttons', async () => {
    const { s, client_id } = setup();
    const res = await s.app.request(`/oauth2/authorize?client_id=${client_id}&response_type=code&state=abc`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="person">Sign in as</label>');
    expect(html).toMatch(/<button[^>]*value="approve">Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
    expect(html).toContain('(administrator at ');
    expect(html).toContain('name="state" value="abc"');
    const account = s.store.accounts.get(s.credentials.accounts[0]!.id)!;
    const archived = [...account.users.values()].find((u) => !u.isActive)!;
    expect(html).not.toContain(`value="${archived.identityId}"`);
  });

  it('refuses an unknown client or a redirect_uri that does not start with the registered URL', async () => {
    const { s, client_id } = setup();
    expect((await s.app.request('/oauth2/authorize?client_id=nope&response_type=code')).status).toBe(400);
    const bad = encodeURIComponent('https://evil.example/callback');
    expect(
      (await s.app.request(`/oauth2/authorize?client_id=${client_id}&response_type=code&redirect_uri=${bad}`))
        .status,
    ).toBe(400);
    const ok = encodeURIComponent(`${REDIRECT}?from=popup`);
    expect(
      (await s.app.request(`/oauth2/authorize?client_id=${client_id}&response_type=code&redirect_uri=${ok}`))
        .status,
    ).toBe(200);
  });
});

describe('authorization code flow', () => {
  it('Approve redirects with code, scope harvest:<ACCOUNT_ID> and the state', async () => {
    const { s, approve } = setup();
    const { res, location } = await approve();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('scope')).toBe(`harvest:${s.credentials.accounts[0]!.id}`);
    expect(res.headers.get('location')).toContain(`scope=harvest%3A${s.credentials.accounts[0]!.id}`);
  });

  it('joins several accounts with "+" (a space once decoded) for a person in two accounts', async () => {
    const { s, approve } = setup();
    const { res, location } = await approve({}, s.credentials.multi_account_person.identity_id);
    const [a, b] = s.credentials.accounts;
    expect(res.headers.get('location')).toContain(`scope=harvest%3A${a!.id}+harvest%3A${b!.id}`);
    expect(location.searchParams.get('scope')).toBe(`harvest:${a!.id} harvest:${b!.id}`);
  });

  it('Deny redirects with error=access_denied and the state', async () => {
    const { approve } = setup();
    const { location } = await approve({ decision: 'deny' });
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('exchanges a code once (form or JSON) for bearer tokens that expire in 1209599 s', async () => {
    const { approve, token } = setup();
    const code = (await approve()).location.searchParams.get('code')!;
    const res = await token({ grant_type: 'authorization_code', code }, true);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1209599,
    });
    const again = await token({ grant_type: 'authorization_code', code });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('lets a code expire after 10 minutes', async () => {
    const { s, approve, token } = setup();
    const code = (await approve()).location.searchParams.get('code')!;
    s.clock.advance(10 * 60_000);
    expect((await token({ grant_type: 'authorization_code', code })).status).toBe(400);
  });

  it('answers a wrong client secret with invalid_client', async () => {
    const { s, approve } = setup();
    const code = (await approve()).location.searchParams.get('code')!;
    const res = await s.app.request('/api/v2/oauth2/token', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: s.credentials.oauth_client.client_id,
        client_secret: 'wrong',
        grant_type: 'authorization_code',
        code,
      }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/client identifier provided is invalid/);
  });

  it('checks PKCE S256 when a challenge was sent', async () => {
    const { approve, token } = setup();
    const verifier = `${'a'.repeat(20) + 'B'.repeat(23)}-._~`;
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const c1 = (await approve(pkce)).location.searchParams.get('code')!;
    expect(
      (await token({ grant_type: 'authorization_code', code: c1, code_verifier: `${verifier}x` })).status,
    ).toBe(400);
    const c2 = (await approve(pkce)).location.searchParams.get('code')!;
    expect((await token({ grant_type: 'authorization_code', code: c2 })).status).toBe(400);
    const c3 = (await approve(pkce)).location.searchParams.get('code')!;
    expect(
      (await token({ grant_type: 'authorization_code', code: c3, code_verifier: verifier })).status,
    ).toBe(200);
  });
});

describe('refresh_token grant', () => {
  const pair = async (ctx: ReturnType<typeof setup>) => {
    const code = (await ctx.approve()).location.searchParams.get('code')!;
    return (await (await ctx.token({ grant_type: 'authorization_code', code })).json()) as {
      access_token: string;
      refresh_token: string;
    };
  };

  it('rotates the refresh token by default: the old one stops working', async () => {
    const ctx = setup();
    const first = await pair(ctx);
    const res = await ctx.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    const next = (await res.json()) as { refresh_token: string; access_token: string };
    expect(next.refresh_token).not.toBe(first.refresh_token);
    const reuse = await ctx.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await ctx.token({ grant_type: 'refresh_token', refresh_token: next.refresh_token })).status).toBe(
      200,
    );
  });

  it('keeps the same refresh token when rotation is switched off', async () => {
    const ctx = setup({ refreshRotation: false });
    const first = await pair(ctx);
    for (let i = 0; i < 2; i++) {
      const body = (await (
        await ctx.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
      ).json()) as { refresh_token: string };
      expect(body.refresh_token).toBe(first.refresh_token);
    }
  });

  it('issues access tokens with the configured lifetime that stop working when expired', async () => {
    const ctx = setup({ accessTokenLifetimeSeconds: 60 });
    const { access_token } = await pair(ctx);
    const accountId = String(ctx.s.credentials.accounts[0]!.id);
    const headers = {
      Authorization: `Bearer ${access_token}`,
      'Harvest-Account-Id': accountId,
      'User-Agent': 'T (t@e.com)',
    };
    expect((await ctx.s.app.request('/v2/users/me', { headers })).status).toBe(200);
    ctx.s.clock.advance(60_000);
    expect((await ctx.s.app.request('/v2/users/me', { headers })).status).toBe(401);
  });

  it('revoking the grant kills access and refresh tokens', async () => {
    const ctx = setup();
    const tokens = await pair(ctx);
    ctx.s.control.revokeGrant(ctx.s.credentials.personal_access_tokens[0]!.identity_id);
    expect(
      (await ctx.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status,
    ).toBe(400);
    const res = await ctx.s.app.request('/api/v2/accounts', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(401);
  });

  it('rejects unknown grant types and missing grant_type', async () => {
    const ctx = setup();
    expect(((await (await ctx.token({ grant_type: 'password' })).json()) as { error: string }).error).toBe(
      'unsupported_grant_type',
    );
    expect(((await (await ctx.token({})).json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('response_type=token and GET /api/v2/accounts', () => {
  it('returns the token in the redirect query and lists the harvest accounts in scope', async () => {
    const { s, approve } = setup();
    const { location } = await approve(
      { response_type: 'token' },
      s.credentials.multi_account_person.identity_id,
    );
    expect(location.searchParams.get('token_type')).toBe('bearer');
    expect(location.searchParams.get('expires_in')).toBe('1209599');
    const access = location.searchParams.get('access_token')!;
    const res = await s.app.request('/api/v2/accounts', { headers: { Authorization: `Bearer ${access}` } });
    const body = (await res.json()) as {
      user: { email: string };
      accounts: Array<{ id: number; product: string }>;
    };
    expect(body.user.email).toBe(s.credentials.multi_account_person.email);
    expect(body.accounts.map((a) => a.id)).toEqual(s.credentials.accounts.map((a) => a.id));
    expect(body.accounts.every((a) => a.product === 'harvest')).toBe(true);
  });

  it('needs a valid token', async () => {
    const { s } = setup();
    const res = await s.app.request('/api/v2/accounts');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });
});
