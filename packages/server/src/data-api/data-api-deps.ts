import type { HarvestCallContext, HarvestClient } from '../harvest-client/harvest-client';
import type { TokenSource } from '../harvest-client/token-source';
import type { Metrics } from '../metrics/metrics-registry';
import type { Clock } from '../rate-limit/clock';
import type { DataApiCaller } from './data-api-auth';
import type { IdempotencyStore } from './idempotency-store';

/**
 * What the data API routes share: one Harvest client (and its limiter), the token source (for cache keys),
 * metrics, the clock, and the store of idempotent results.
 *
 * @example
 * const deps: DataApiDeps = { client, tokens, metrics, clock: systemClock, idempotency: new StoreIdempotencyStore({ store, now: Date.now }) };
 */
export interface DataApiDeps {
  client: HarvestClient;
  tokens: TokenSource;
  metrics: Metrics;
  clock: Clock;
  idempotency: IdempotencyStore;
  /** Seconds a user directory stays cached per account and token (default 30). */
  directoryTtlMs?: number;
  /** Utilization thresholds (defaults 0.6 and 1.0). */
  utilization?: { under: number; over: number };
}

/**
 * The Harvest call context of an authenticated request.
 *
 * @example
 * await deps.client.request(callContext(c.get('caller'), c.req.raw.signal), { path: '/v2/users/me' });
 */
export function callContext(caller: DataApiCaller, signal?: AbortSignal): HarvestCallContext {
  return { accountId: caller.accountId, tenantId: caller.tenantId, ...(signal ? { signal } : {}) };
}
