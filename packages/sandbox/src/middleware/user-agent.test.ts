import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

describe('userAgent (fact sheet §1.7: missing User-Agent -> 400)', () => {
  const sandbox = testSandbox();
  it('rejects a request without User-Agent', async () => {
    const { 'User-Agent': _ua, ...headers } = headersFor(sandbox);
    const res = await sandbox.app.request('/v2/users/me', { headers });
    expect(res.status).toBe(400);
  });
  it('rejects a blank User-Agent and accepts a real one', async () => {
    const blank = await sandbox.app.request('/v2/users/me', {
      headers: { ...headersFor(sandbox), 'User-Agent': ' ' },
    });
    expect(blank.status).toBe(400);
    const ok = await sandbox.app.request('/v2/users/me', { headers: headersFor(sandbox) });
    expect(ok.status).toBe(200);
  });
});
