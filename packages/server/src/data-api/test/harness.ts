import type { SessionScope } from '@harvest-connect/protocol';
import {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type StartedSandbox,
  startSandbox,
} from '@harvest-connect/sandbox';
import { Hono } from 'hono';
import { expect } from 'vitest';
import { ApiError } from '../../errors';
import { HarvestClient } from '../../harvest-client/harvest-client';
import { type HarvestAccess, staticTokenSource, type TokenSource } from '../../harvest-client/token-source';
import { createLogger } from '../../logger';
import { Metrics } from '../../metrics/metrics-registry';
import { errorHandler } from '../../middleware/error-handler';
import { systemClock } from '../../rate-limit/clock';
import {
  InProcessRateLimiter,
  type InProcessRateLimiterOptions,
} from '../../rate-limit/in-process-rate-limiter';
import { openSqliteStore } from '../../store/sqlite-store';
import { createDataApi } from '../create-data-api';
import type { DataApiVerifier } from '../data-api-auth';
import type { DataApiDeps } from '../data-api-deps';
import { StoreIdempotencyStore } from '../store-idempotency-store';

export type Who = 'administrator' | 'manager' | 'member';
export const API_KEY = 'hc_sk_test_key_tenant_one';
export const OTHER_TENANT_KEY = 'hc_sk_test_key_tenant_two';
export const ALLOWED_ORIGIN = 'https://app.tenant-one.test';

/**
 * Session tokens for tests: `hc_st_<who>_<scope--scope>`. The verifier below stands in for the server's session
 * token service so the data API can be tested before that service is wired in.
 */
export function sessionToken(who: Who, scopes: SessionScope[]): string {
  return `hc_st_${who}_${scopes.map((s) => s.replace(':', '-')).join('--')}`;
}

export function testVerifier(): DataApiVerifier {
  const accounts = new Set<string>(['administrator', 'manager', 'member']);
  return {
    async verifyApiKey(key) {
      if (key === API_KEY) return { tenantId: 'tenant_one', allowedOrigins: [ALLOWED_ORIGIN] };
      if (key === OTHER_TENANT_KEY) return { tenantId: 'tenant_two', allowedOrigins: [] };
      throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
    },
    async checkAccount(tenantId, accountId) {
      if (tenantId !== 'tenant_one' || !accounts.has(accountId))
        throw new ApiError('integrated_account.not_found', 'No such integrated account.');
    },
    async verifySessionToken(token) {
      if (token === 'hc_st_expired')
        throw new ApiError('auth.session_token_expired', 'The session token has expired.');
      const m = /^hc_st_(administrator|manager|member)_([a-z_-]*)$/.exec(token);
      if (!m) throw new ApiError('auth.invalid_session_token', 'Invalid session token.');
      const scopes = (m[2] as string)
        .split('--')
        .filter(Boolean)
        .map((s) => s.replace('-', ':')) as SessionScope[];
      return { tenantId: 'tenant_one', accountId: m[1] as string, scopes, allowedOrigins: [ALLOWED_ORIGIN] };
    },
    async isKnownOrigin(origin) {
      return origin === ALLOWED_ORIGIN;
    },
  };
}

/** Integrated accounts `administrator`, `manager` and `member`, one per seeded personal access token. */
export function sandboxTokens(sandbox: Sandbox): TokenSource {
  const map: Record<string, HarvestAccess> = {};
  for (const pat of sandbox.credentials.personal_access_tokens) {
    map[pat.access_role] = {
      accessToken: pat.token,
      harvestAccountId: pat.account_id,
      tokenId: `pat_${pat.access_role}`,
    };
  }
  return staticTokenSource(map);
}

export interface Harness {
  sandbox: Sandbox;
  app: Hono;
  deps: DataApiDeps;
  limiter: InProcessRateLimiter;
  /** Calls the data API in process as `who` with the API key. */
  get(path: string, who?: Who, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The data API over a sandbox: in process (`app.request`) by default, on loopback when `loopback` is set (for
 * sockets, resets and timing). The error handler is the server's own.
 */
export async function harness(
  options: {
    sandbox?: SandboxOptions;
    limiter?: InProcessRateLimiterOptions;
    loopback?: boolean;
    client?: Partial<ConstructorParameters<typeof HarvestClient>[0]>;
    tokens?: (sandbox: Sandbox) => TokenSource;
  } = {},
): Promise<Harness> {
  const sandboxOptions: SandboxOptions = {
    seed: 'server-part-2',
    now: Date.UTC(2026, 5, 3, 9),
    ...options.sandbox,
  };
  let started: StartedSandbox | null = null;
  let sandbox: Sandbox;
  let baseUrl = 'http://sandbox.test';
  let fetchFn: typeof fetch;
  if (options.loopback) {
    started = await startSandbox({ ...sandboxOptions, port: 0, host: '127.0.0.1' });
    sandbox = started;
    baseUrl = started.url;
    fetchFn = globalThis.fetch;
  } else {
    const s = createSandbox(sandboxOptions);
    sandbox = s;
    fetchFn = (input, init) =>
      Promise.resolve(s.app.request(input instanceof URL ? input.href : (input as string), init));
  }
  const { store } = openSqliteStore(':memory:');
  const tokens = options.tokens?.(sandbox) ?? sandboxTokens(sandbox);
  const metrics = new Metrics();
  const limiter = new InProcessRateLimiter({
    windowMs: sandboxOptions.rateWindowMs ?? 15_000,
    ...options.limiter,
  });
  const client = new HarvestClient({
    baseUrl,
    userAgent: 'Harvest Connect tests (tests@example.com)',
    tokens,
    limiter,
    fetch: fetchFn,
    metrics,
    retryBaseMs: 10,
    ...options.client,
  });
  const deps: DataApiDeps = {
    client,
    tokens,
    metrics,
    // Dates the data API derives ("today", the current week) follow the sandbox's clock, like its data.
    clock: { ...systemClock, now: () => sandbox.clock.now() },
    // The server's persistent implementation, over an in-memory SQLite store.
    idempotency: new StoreIdempotencyStore({ store, now: () => sandbox.clock.now() }),
  };
  const app = new Hono();
  app.route('/', createDataApi(deps, testVerifier()));
  app.notFound(() => {
    throw new ApiError('request.not_found', 'No such endpoint.');
  });
  app.onError(errorHandler({ log: createLogger({ level: 'silent' }) }));
  return {
    sandbox,
    app,
    deps,
    limiter,
    get(path, who = 'administrator', init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${API_KEY}`);
      if (!headers.has('harvest-connect-account')) headers.set('harvest-connect-account', who);
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
    close: async () => {
      await started?.close();
      await store.close();
    },
  };
}

/**
 * Reads a JSON answer after checking its status; the body is in the failure message, so a wrong status
 * shows why.
 *
 * @example
 * const page = await json<ListResponse<InvoiceWithStatus>>(await h.app.request('/v1/tools/invoices'));
 */
export async function json<T>(res: Response, status = 200): Promise<T> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(status);
  return body as T;
}
