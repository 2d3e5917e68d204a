/** A finished call's answer, replayed as is for the same key. */
export interface StoredResult {
  fingerprint: string;
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in_progress'; fingerprint: string }
  | { state: 'done'; result: StoredResult };

/** Whose key: an `Idempotency-Key` is unique per tenant (the account is part of the request's fingerprint). */
export interface IdempotencyScope {
  tenantId: string;
  key: string;
}

/** How long a key and its result are kept (24 h). */
export const IDEMPOTENCY_TTL_MS = 86_400_000;

/**
 * Remembers the first result of a write sent with an `Idempotency-Key`, so a replay gets it back instead of
 * writing to Harvest twice. The implementation is `StoreIdempotencyStore`, which persists through the server's
 * `Store` (an in-memory SQLite store where nothing needs to survive a restart).
 *
 * @example
 * const claim = await idempotency.claim({ tenantId, key }, fingerprint);
 * if (claim.state === 'done') return claim.result;
 */
export interface IdempotencyStore {
  /** Atomically claims the key, or reports that it is in progress or done (across processes for a shared store). */
  claim(scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyClaim>;
  finish(scope: IdempotencyScope, result: StoredResult): Promise<void>;
  /** Drops a claim whose call failed before changing anything, so the caller may try again. */
  release(scope: IdempotencyScope, fingerprint: string): Promise<void>;
}
