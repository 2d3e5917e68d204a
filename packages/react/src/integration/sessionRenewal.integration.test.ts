// @vitest-environment node
import type {
  CompanyResponse,
  CreateSessionTokenResponse,
  RunningTimerResponse,
} from '@harvest-connect/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWithOAuth } from '../../../server/src/test/flows';
import { createHarness, type Harness } from '../../../server/src/test/harness';
import { createClient } from '../client/createClient';

let h: Harness;
afterEach(() => h?.close());

describe('the whole server: a linked account, a session token from the host backend, the data API', () => {
  it('calls the data API with renewed session tokens, retrying once when one expired', async () => {
    h = await createHarness();
    const person = h.sandbox.credentials.personal_access_tokens[0]!;
    const { session } = await connectWithOAuth(h, person.identity_id);
    const accountId = session.result!.integrated_account_id;
    // The host's backend: mints a session token with its API key (what getSessionToken fetches in a real app).
    const getSessionToken = vi.fn(async () => {
      const res = await h.app.request('/v1/session-tokens', {
        method: 'POST',
        headers: h.apiHeaders,
        body: JSON.stringify({
          integrated_account_id: accountId,
          scopes: ['time:read', 'time:write'],
          expires_in: 600,
        }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as CreateSessionTokenResponse;
      // Returned bare (no expires_at): the server's clock moves in this test, not the browser's, so only the
      // server's 401 can renew it.
      return body.session_token;
    });
    const client = createClient({
      serverUrl: 'http://127.0.0.1:4000',
      getSessionToken,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
        Promise.resolve(h.app.request(String(input), init))) as typeof fetch,
    });
    const company = await client.get<CompanyResponse>('/v1/tools/company');
    expect(company.result.name).toBeTruthy();
    expect(getSessionToken).toHaveBeenCalledTimes(1);
    h.clock.now += 601_000;
    const running = await client.get<RunningTimerResponse>('/v1/tools/timers/running');
    expect(running).toHaveProperty('result');
    expect(getSessionToken).toHaveBeenCalledTimes(2);
  });
});
