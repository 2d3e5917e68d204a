import type { Store } from '../store/store';
import {
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyScope,
  type IdempotencyStore,
  type StoredResult,
} from './idempotency-store';

/**
 * Idempotency keys in the server's `Store` (the `idempotency_keys` table): they survive a restart and are shared
 * by every process on the same store, so a concurrent duplicate sent to another process is refused too. A claim
 * holds for `leaseMs` (default 10 minutes); if its process dies mid-call, the same request may take the key over
 * afterwards (provisioning finds what it already created by name). Expired rows are purged at most once a minute.
 *
 * @example
 * const idempotency = new StoreIdempotencyStore({ store: deps.store, now: deps.now });
 */
export class StoreIdempotencyStore implements IdempotencyStore {
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(private readonly o: { store: Store; now: () => number; ttlMs?: number; leaseMs?: number }) {}

  async claim(scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyClaim> {
    const now = this.o.now();
    if (now - this.lastPurge >= 60_000) {
      this.lastPurge = now;
      await this.o.store.deleteExpiredIdempotencyKeys(now);
    }
    const answer = await this.o.store.claimIdempotencyKey(
      {
        tenant_id: scope.tenantId,
        key: scope.key,
        fingerprint,
        created_at: now,
        expires_at: now + (this.o.ttlMs ?? IDEMPOTENCY_TTL_MS),
        locked_until: now + (this.o.leaseMs ?? 10 * 60_000),
      },
      now,
    );
    if (answer.claimed) return { state: 'claimed' };
    const { row } = answer;
    if (row.state === 'done' && row.response_status !== null)
      return {
        state: 'done',
        result: { fingerprint: row.fingerprint, status: row.response_status, body: row.response_body },
      };
    return { state: 'in_progress', fingerprint: row.fingerprint };
  }

  async finish(scope: IdempotencyScope, result: StoredResult): Promise<void> {
    await this.o.store.finishIdempotencyKey(scope.tenantId, scope.key, result.fingerprint, {
      status: result.status,
      body: result.body,
    });
  }

  async release(scope: IdempotencyScope, fingerprint: string): Promise<void> {
    await this.o.store.releaseIdempotencyKey(scope.tenantId, scope.key, fingerprint);
  }
}
