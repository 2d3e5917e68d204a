/** A finished call's answer, replayed as is for the same key. */
export interface StoredResult {
  fingerprint: string;
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in_progress' }
  | { state: 'done'; result: StoredResult };

/**
 * Remembers the first result of a write sent with an `Idempotency-Key`, so a replay gets it back instead of
 * writing to Harvest twice. Keys are scoped by the caller (tenant and account) before they reach the store.
 *
 * @example
 * const claim = await store.claim(key, fingerprint);
 * if (claim.state === 'done') return claim.result;
 */
export interface IdempotencyStore {
  /** Atomically claims `key`, or reports that it is in progress or done. */
  claim(key: string, fingerprint: string): Promise<IdempotencyClaim>;
  finish(key: string, result: StoredResult): Promise<void>;
  /** Drops a claim whose call failed before changing anything, so the caller may try again. */
  release(key: string): Promise<void>;
}

/**
 * The in-process store (one machine). Entries expire after `ttlMs` (default 24 h) and the map is bounded.
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

  async claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    this.expire();
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { at: this.o.now(), fingerprint, result: null });
      return { state: 'claimed' };
    }
    if (entry.result) return { state: 'done', result: entry.result };
    return { state: 'in_progress' };
  }

  async finish(key: string, result: StoredResult): Promise<void> {
    const entry = this.entries.get(key);
    if (entry) entry.result = result;
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private expire(): void {
    const cutoff = this.o.now() - (this.o.ttlMs ?? 86_400_000);
    for (const [key, entry] of this.entries) {
      if (entry.at > cutoff && this.entries.size <= (this.o.maxEntries ?? 100_000)) break;
      this.entries.delete(key);
    }
  }
}
