import type Database from 'better-sqlite3';
import type { IdempotencyRow, Store } from './store';

type Run = <T>(fn: () => T) => Promise<T>;

/**
 * The `idempotency_keys` table for the SQLite store. `run` serialises each statement with the store's other calls
 * on the same connection (and runs it inside the store's transaction when there is one).
 *
 * @example
 * const idempotency = sqliteIdempotency(db, (fn) => Promise.resolve().then(fn));
 * await idempotency.claim({ tenant_id: 't', key: 'k', fingerprint: 'f', created_at: 0, expires_at: 1, locked_until: 1 }, 0);
 */
export function sqliteIdempotency(db: Database.Database, run: Run) {
  const read = (row: Record<string, unknown>): IdempotencyRow => ({
    ...(row as unknown as IdempotencyRow),
    response_body: typeof row.response_body === 'string' ? JSON.parse(row.response_body) : null,
  });
  const upsert = db.prepare(
    `INSERT INTO idempotency_keys
       (tenant_id, key, fingerprint, state, response_status, response_body, created_at, expires_at, locked_until)
     VALUES (?, ?, ?, 'in_progress', NULL, NULL, ?, ?, ?)
     ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, state = 'in_progress',
       response_status = NULL, response_body = NULL, created_at = excluded.created_at,
       expires_at = excluded.expires_at, locked_until = excluded.locked_until
     WHERE idempotency_keys.expires_at <= ?
       OR (idempotency_keys.state = 'in_progress' AND idempotency_keys.locked_until <= ?
           AND idempotency_keys.fingerprint = excluded.fingerprint)`,
  );
  const holder = db.prepare('SELECT * FROM idempotency_keys WHERE tenant_id = ? AND key = ?');
  // One write transaction (a savepoint inside the store's own): the upsert and the read of the winner see the
  // same row, across processes sharing the file too.
  const claim = db.transaction(
    (
      row: Parameters<Store['claimIdempotencyKey']>[0],
      now: number,
    ): Awaited<ReturnType<Store['claimIdempotencyKey']>> => {
      const taken = upsert.run(
        row.tenant_id,
        row.key,
        row.fingerprint,
        row.created_at,
        row.expires_at,
        row.locked_until,
        now,
        now,
      );
      if (taken.changes > 0) return { claimed: true };
      return { claimed: false, row: read(holder.get(row.tenant_id, row.key) as Record<string, unknown>) };
    },
  );
  return {
    claim: (row: Parameters<Store['claimIdempotencyKey']>[0], now: number) =>
      run(() => claim.immediate(row, now)),
    finish: (
      tenantId: string,
      key: string,
      fingerprint: string,
      response: { status: number; body: unknown },
    ) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ?, locked_until = NULL
               WHERE tenant_id = ? AND key = ? AND fingerprint = ? AND state = 'in_progress'`,
            )
            .run(response.status, JSON.stringify(response.body), tenantId, key, fingerprint).changes > 0,
      ),
    release: (tenantId: string, key: string, fingerprint: string) =>
      run(() => {
        db.prepare(
          `DELETE FROM idempotency_keys
           WHERE tenant_id = ? AND key = ? AND fingerprint = ? AND state = 'in_progress'`,
        ).run(tenantId, key, fingerprint);
      }),
    deleteExpired: (now: number) =>
      run(() => db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes),
  };
}
