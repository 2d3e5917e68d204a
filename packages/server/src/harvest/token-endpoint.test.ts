import { createSandbox } from '@harvest-connect/sandbox';
import { describe, expect, it } from 'vitest';
import { sandboxFetch } from '../test/harness';
import { refreshTokens } from './token-endpoint';
import type { HarvestHttp } from './types';

function setup() {
  const sandbox = createSandbox({ seed: 'token-endpoint' });
  const http: HarvestHttp = {
    fetch: sandboxFetch(sandbox, 'http://id.test'),
    idUrl: 'http://id.test',
    apiUrl: 'http://id.test',
    userAgent: 'tests (t@example.com)',
    timeoutMs: 1000,
  };
  const { client_id, client_secret, redirect_uri } = sandbox.credentials.oauth_client;
  const client = { clientId: client_id, clientSecret: client_secret, redirectUri: redirect_uri };
  const person = sandbox.credentials.personal_access_tokens[0]!.identity_id;
  return { sandbox, http, client, person };
}

describe('refreshTokens', () => {
  it('returns the new pair, keeping the old refresh token when none comes back', async () => {
    const { sandbox, http, client, person } = setup();
    const pair = sandbox.control.issueOAuthTokens(person);
    const next = await refreshTokens(http, client, pair.refresh_token);
    expect(next.access_token).not.toBe(pair.access_token);
    expect(next.refresh_token).not.toBe(pair.refresh_token); // the sandbox rotates by default
    expect(next.expires_in).toBe(pair.expires_in);
    sandbox.control.setRefreshRotation(false);
    expect((await refreshTokens(http, client, next.refresh_token)).refresh_token).toBe(next.refresh_token);
  });

  it('classifies failures: invalid_grant, rejected client, unavailable', async () => {
    const { sandbox, http, client, person } = setup();
    const pair = sandbox.control.issueOAuthTokens(person);
    await expect(refreshTokens(http, client, 'nope')).rejects.toMatchObject({
      kind: 'invalid_grant',
      status: 400,
    });
    await expect(
      refreshTokens(http, { ...client, clientSecret: 'wrong' }, pair.refresh_token),
    ).rejects.toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    sandbox.control.setFaults({ errorRate: 1, errorStatus: 502 });
    await expect(refreshTokens(http, client, pair.refresh_token)).rejects.toMatchObject({
      kind: 'unavailable',
    });
    sandbox.control.clearFaults();
    const down = {
      ...http,
      fetch: (() => Promise.reject(new TypeError('connection refused'))) as unknown as typeof fetch,
    };
    await expect(refreshTokens(down, client, pair.refresh_token)).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});
