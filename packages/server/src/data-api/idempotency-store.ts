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
 * writing to Harvest twice. The server's implementation persists through its `Store`
 * (`StoreIdempotencyStore`); `MemoryIdempotencyStore` is for a single process that may forget on restart.
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

/**
 * The in-process store (one process; a restart forgets). Entries expire after `ttlMs` (default 24 h) and the map
 * is bounded.
 *
 * @example
 * const store = new MemoryIdempotencyStore({ now: Date.now });
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<
    string,
    { at: number; fingerprint: string; result: StoredResult | null }
  >();

  constructor(
    private readonly o: { now: () => number; ttlMs?: number; maxEntries?: number } = { now: Date.now },
  ) {}

  async claim(scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyClaim> {
    this.expire();
    const id = idOf(scope);
    const entry = this.entries.get(id);
    if (!entry) {
      this.entries.set(id, { at: this.o.now(), fingerprint, result: null });
      return { state: 'claimed' };
    }
    if (entry.result) return { state: 'done', result: entry.result };
    return { state: 'in_progress', fingerprint: entry.fingerprint };
  }

  async finish(scope: IdempotencyScope, result: StoredResult): Promise<void> {
    const entry = this.entries.get(idOf(scope));
    if (entry && entry.fingerprint === result.fingerprint) entry.result = result;
  }

  async release(scope: IdempotencyScope, fingerprint: string): Promise<void> {
    const id = idOf(scope);
    const entry = this.entries.get(id);
    if (entry && !entry.result && entry.fingerprint === fingerprint) this.entries.delete(id);
  }

  private expire(): void {
    const cutoff = this.o.now() - (this.o.ttlMs ?? IDEMPOTENCY_TTL_MS);
    for (const [key, entry] of this.entries) {
      if (entry.at > cutoff && this.entries.size <= (this.o.maxEntries ?? 100_000)) break;
      this.entries.delete(key);
    }
  }
}

const idOf = (scope: IdempotencyScope) => `${scope.tenantId}\u0000${scope.key}`;
