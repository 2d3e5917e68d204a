import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

const BODY = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};

describe('tokenAuth (fact sheet §1.6, §1.7, §4)', () => {
  const sandbox = testSandbox();
  const cred = sandbox.credentials.personal_access_tokens[0]!;
  const ua = { 'User-Agent': 'T (t@example.com)' };

  it('accepts a personal access token by header', async () => {
    const res = await sandbox.app.request('/v2/users/me', { headers: headersFor(sandbox) });
    expect(res.status).toBe(200);
  });

  it('accepts access_token and account_id query parameters', async () => {
    const res = await sandbox.app.request(
      `/v2/users/me?access_token=${cred.token}&account_id=${cred.account_id}`,
      { headers: ua },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: number }).id).toBe(cred.user_id);
  });

  it('answers a bad token with the recorded 401 body and WWW-Authenticate', async () => {
    const res = await sandbox.app.request('/v2/users/me', {
      headers: { ...headersFor(sandbox), Authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(BODY);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="Rack::OAuth2 Protected Resources", error="invalid_token"/,
    );
  });

  it('gives 401 invalid_token for a missing or unknown Harvest-Account-Id', async () => {
    const { 'Harvest-Account-Id': _id, ...missing } = headersFor(sandbox);
    for (const headers of [
      missing,
      { ...missing, 'Harvest-Account-Id': '999' },
      { ...missing, 'Harvest-Account-Id': 'abc' },
    ]) {
      const res = await sandbox.app.request('/v2/users/me', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(BODY);
    }
  });

  it('treats the account header name case-insensitively', async () => {
    const res = await sandbox.app.request('/v2/users/me', {
      headers: {
        Authorization: `Bearer ${cred.token}`,
        'harvest-account-ID': String(cred.account_id),
        ...ua,
      },
    });
    expect(res.status).toBe(200);
  });

  it('rejects a revoked or expired token', async () => {
    const s = testSandbox();
    const [admin, manager] = s.credentials.personal_access_tokens;
    s.control.revokeToken(admin!.token);
    s.control.expireToken(manager!.token);
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s, 'administrator') })).status).toBe(
      401,
    );
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s, 'manager') })).status).toBe(401);
    expect((await s.app.request('/v2/users/me', { headers: headersFor(s, 'member') })).status).toBe(200);
  });
});
