import type Database from 'better-sqlite3';
import type { LockStore } from './store';

/**
 * Leases in the `locks` table: one statement takes a lease if it is free, expired, or already ours, so it is
 * atomic across every process that shares the file. `run` serialises the statements with the store's other
 * calls on the same connection.
 *
 * @example
 * const locks = sqliteLocks(db, (fn) => Promise.resolve().then(fn));
 * await locks.tryAcquire('refresh:acc_1', owner, 30_000, Date.now());
 */
export function sqliteLocks(db: Database.Database, run: <T>(fn: () => T) => Promise<T>): LockStore {
  return {
    tryAcquire: (name, owner, ttlMs, now) =>
      run(
        () =>
          db
            .prepare(
              `INSERT INTO locks (name, owner, expires_at) VALUES (?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
               WHERE locks.expires_at <= ? OR locks.owner = excluded.owner`,
            )
            .run(name, owner, now + ttlMs, now).changes > 0,
      ),
    release: (name, owner) =>
      run(() => {
        db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner);
      }),
  };
}
