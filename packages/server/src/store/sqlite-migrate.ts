import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/**
 * Applies the `MIGRATIONS` this database has not seen yet, recording each in `schema_migrations`.
 *
 * @example
 * const db = new Database(':memory:');
 * migrateSqlite(db);
 */
export function migrateSqlite(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)',
  );
  // IMMEDIATE: two processes booting at once must not both apply the same migration.
  db.transaction(() => {
    const done = new Set(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((r) => (r as { version: number }).version),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    }
  }).immediate();
}
