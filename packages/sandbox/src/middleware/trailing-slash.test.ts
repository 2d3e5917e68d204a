import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

describe('trailing slashes (issue: accepted as Harvest does)', () => {
  it('serves /v2/users/me/ like /v2/users/me', async () => {
    const s = testSandbox();
    const a = await s.app.request('/v2/users/me/', { headers: headersFor(s) });
    expect(a.status).toBe(200);
    expect(((await a.json()) as { id: number }).id).toBe(s.credentials.personal_access_tokens[0]!.user_id);
  });
});
