import { describe, expect, it } from 'vitest';
import { headersFor, TEST_NOW, testSandbox } from '../test-support';

describe('requestLog', () => {
  it('records method, path, status and a token id, never the token or the query', async () => {
    const s = testSandbox();
    const cred = s.credentials.personal_access_tokens[0]!;
    await s.app.request(`/v2/users/me?access_token=${cred.token}&account_id=${cred.account_id}`, {
      headers: { 'User-Agent': 'T (t@example.com)' },
    });
    await s.app.request('/v2/users/me', { headers: { ...headersFor(s), Authorization: 'Bearer wrong' } });
    const log = s.control.requests();
    expect(log).toEqual([
      { at: TEST_NOW, method: 'GET', path: '/v2/users/me', status: 200, token_id: `pat_${cred.identity_id}` },
      { at: TEST_NOW, method: 'GET', path: '/v2/users/me', status: 401, token_id: null },
    ]);
    expect(JSON.stringify(log)).not.toContain(cred.token);
    s.control.clearRequests();
    expect(s.control.requests()).toEqual([]);
  });
});
