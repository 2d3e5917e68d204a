import { TOKEN_PREFIXES } from '@harvest-connect/protocol';
import { hashSecret, looksLikeSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import { HarvestClient } from '../harvest-client/harvest-client';
import type { HarvestAccess, TokenSource } from '../harvest-client/token-source';
import { Metrics } from '../metrics/metrics-registry';
import { systemClock } from '../rate-limit/clock';
import {
  InProcessRateLimiter,
  type InProcessRateLimiterOptions,
} from '../rate-limit/in-process-rate-limiter';
import { getAccountOf } from '../services/accounts';
import type { Deps } from '../services/deps';
import { verifySessionToken } from '../services/session-tokens';
import type { TokenProvider } from '../services/token-provider';
import { createDataApi } from './create-data-api';
import type { DataApiVerifier } from './data-api-auth';
import { StoreIdempotencyStore } from './store-idempotency-store';

/**
 * The server's token provider as the Harvest client's `TokenSource`. The rate-limit key is the Harvest account
 * plus the integrated account (one grant), so a refreshed token keeps counting against the same budget (the
 * safe side if Harvest's limit follows the person rather than the token; fact sheet §2 leaves it open).
 *
 * @example
 * const tokens = tokenSourceOf(createTokenProvider(deps, webhooks));
 */
export function tokenSourceOf(provider: TokenProvider): TokenSource {
  const wrap = (a: { accessToken: string; harvestAccountId: number; accountId: string }): HarvestAccess => ({
    accessToken: a.accessToken,
    harvestAccountId: a.harvestAccountId,
    tokenId: a.accountId,
  });
  return {
    get: async (accountId) => wrap(await provider.get(accountId)),
    async refresh(accountId, stale) {
      // The provider forces its one refresh (locked, fenced, needs_reauth on invalid_grant) when a call it runs
      // answers 401: report the 401 for the stale token, and keep whatever token it hands out next.
      let fresh: HarvestAccess | null = null;
      await provider.call(accountId, async (access) => {
        if (access.accessToken === stale.accessToken && fresh === null) {
          fresh = wrap(access);
          return new Response(null, { status: 401 });
        }
        fresh = wrap(access);
        return new Response(null, { status: 200 });
      });
      if (fresh === null)
        throw new ApiError(
          'integrated_account.needs_reauth',
          'The end user must reconnect this Harvest account.',
        );
      return fresh;
    },
  };
}

/**
 * The data API's credential checks over the server's store: API keys, tenant-owned accounts, session tokens and
 * the tenants' allowed origins.
 *
 * @example
 * createDataApi(dataDeps, verifierOf(deps));
 */
export function verifierOf(deps: Deps): DataApiVerifier {
  const tenantOf = async (id: string) => {
    const tenant = await deps.store.getTenant(id);
    if (!tenant) throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
    return tenant;
  };
  return {
    async verifyApiKey(apiKey) {
      if (!looksLikeSecret(apiKey, TOKEN_PREFIXES.apiKey))
        throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
      const row = await deps.store.findApiKey(hashSecret(apiKey));
      if (!row || row.revoked_at !== null) throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
      const tenant = await tenantOf(row.tenant_id);
      return { tenantId: tenant.id, allowedOrigins: tenant.allowed_origins };
    },
    async checkAccount(tenantId, accountId) {
      const account = await getAccountOf(deps.store, tenantId, accountId);
      if (account.status === 'needs_reauth')
        throw new ApiError(
          'integrated_account.needs_reauth',
          'The end user must reconnect this Harvest account.',
        );
    },
    async verifySessionToken(token) {
      const row = await verifySessionToken(deps, token);
      const tenant = await tenantOf(row.tenant_id);
      await getAccountOf(deps.store, tenant.id, row.account_id);
      return {
        tenantId: tenant.id,
        accountId: row.account_id,
        scopes: row.scopes,
        allowedOrigins: tenant.allowed_origins,
      };
    },
    async isKnownOrigin(origin) {
      return (await deps.store.listTenants()).some((t) => t.allowed_origins.includes(origin));
    },
  };
}

/**
 * Builds the data API for the server: one limiter and one Harvest client for the process.
 *
 * @example
 * app.route('/', dataApiForServer(deps, tokens, { apiUrl: config.harvestApiUrl, userAgent: config.userAgent }));
 */
export function dataApiForServer(
  deps: Deps,
  provider: TokenProvider,
  options: { apiUrl: string; userAgent: string; fetch?: typeof fetch; limiter?: InProcessRateLimiterOptions },
) {
  const metrics = new Metrics();
  const limiter = new InProcessRateLimiter({
    ...options.limiter,
  });
  metrics.gauge(
    'harvest_connect_limiter_queued',
    'Calls waiting for a rate-limit slot.',
    () => limiter.stats().queued,
  );
  metrics.gauge(
    'harvest_connect_limiter_in_flight',
    'Calls to Harvest in flight.',
    () => limiter.stats().inFlight,
  );
  metrics.gauge(
    'harvest_connect_limiter_paused_keys',
    'Keys paused by a 429.',
    () => limiter.stats().pausedKeys,
  );
  const tokens = tokenSourceOf(provider);
  const client = new HarvestClient({
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    tokens,
    limiter,
    metrics,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createDataApi(
    {
      client,
      tokens,
      metrics,
      clock: { ...systemClock, now: deps.now },
      // Persisted in the server's store: survives restarts, shared by processes on one store.
      idempotency: new StoreIdempotencyStore({ store: deps.store, now: deps.now }),
    },
    verifierOf(deps),
    { publicUrl: deps.config.publicUrl },
  );
}
