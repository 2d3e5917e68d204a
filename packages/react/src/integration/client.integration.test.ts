import type { CompanyResponse } from '@harvest-connect/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataApi } from '../../../server/src/data-api/create-data-api';
import { harness, sessionToken, testVerifier } from '../../../server/src/data-api/test/harness';
import { ApiError } from '../../../server/src/errors';
import { createLogger } from '../../../server/src/logger';
import { errorHandler } from '../../../server/src/middleware/error-handler';
import { createClient } from '../client/createClient';
import { HarvestConnectError } from '../client/HarvestConnectError';

const EXPIRED = 'hc_st_expired';
const good = sessionToken('member', ['time:read']);
let h: Awaited<ReturnType<typeof harness>>;
let app: ReturnType<typeof createDataApi>;

beforeEach(async () => {
  h = await harness({ sandbox: { seed: 'react-client', now: Date.now() } });
  // The server's own data API and error handler; only the session-token check says this one token expired.
  const base = testVerifier();
  app = createDataApi(h.deps, {
    ...base,
    async verifySessionToken(token) {
      if (token === EXPIRED)
        throw new ApiError('auth.session_token_expired', 'The session token has expired.');
      return base.verifySessionToken(token);
    },
  });
  app.onError(errorHandler({ log: createLogger({ level: 'silent' }) }));
});
afterEach(() => h.close());

const serverFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(app.request(String(input), init))) as typeof fetch;

describe('createClient against the data API', () => {
  it('fetches a new session token once when the server says it expired', async () => {
    const getSessionToken = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce(EXPIRED)
      .mockResolvedValue(good);
    const client = createClient({ serverUrl: 'http://connect.test/', getSessionToken, fetch: serverFetch });
    const company = await client.get<CompanyResponse>('/v1/tools/company');
    expect(company.result.name).toBeTruthy();
    expect(getSessionToken).toHaveBeenCalledTimes(2);
  });

  it('gives up after one retry with the protocol code, and reports other errors as they are', async () => {
    const getSessionToken = vi.fn(async () => EXPIRED);
    const client = createClient({ serverUrl: 'http://connect.test', getSessionToken, fetch: serverFetch });
    const error = await client.get('/v1/tools/company').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HarvestConnectError);
    expect(error).toMatchObject({ code: 'auth.session_token_expired', status: 401 });
    expect(getSessionToken).toHaveBeenCalledTimes(2);

    const scoped = createClient({ serverUrl: 'http://connect.test', sessionToken: good, fetch: serverFetch });
    await expect(scoped.get('/v1/tools/invoices')).rejects.toMatchObject({
      code: 'auth.scope_denied',
      status: 403,
    });
    await expect(scoped.get('/v1/tools/time-entries', { limit: 0 })).rejects.toMatchObject({
      code: 'request.invalid',
    });
  });

  it('reports an unreachable server as client.network', async () => {
    const client = createClient({ serverUrl: 'http://127.0.0.1:9', sessionToken: good });
    await expect(client.get('/v1/tools/company')).rejects.toMatchObject({
      code: 'client.network',
      status: 0,
    });
  });
});
