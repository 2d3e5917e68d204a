import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Mutex } from './mutex';
import { fromDb, IDENTIFIER, type Row, toDb } from './sqlite-columns';
import { sqliteIdempotency } from './sqlite-idempotency';
import { sqliteLocks } from './sqlite-locks';
import { migrateSqlite } from './sqlite-migrate';
import type { CredentialRow, LockStore, Store } from './store';

/**
 * Opens (and migrates) the SQLite store: WAL, a busy timeout so several processes can share the file, and
 * foreign keys on. Returns the `Store` and the cross-process `LockStore` over the same connection.
 *
 * @example
 * const { store, locks } = openSqliteStore('.data/harvest-connect.sqlite');
 */
export function openSqliteStore(file: string): { store: Store; locks: LockStore; db: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrateSqlite(db);
  const store = new SqliteStore(db, new Mutex(), false);
  return { store, locks: sqliteLocks(db, (fn) => store.run(fn)), db };
}

const STATEMENTS = new WeakMap<Database.Database, Map<string, Database.Statement>>();

class SqliteStore implements Store {
  constructor(
    private readonly db: Database.Database,
    private readonly mutex: Mutex,
    private readonly inTx: boolean,
  ) {}

  /**
   * Idempotency keys live in their own file, on the same serialised connection. Built on first use: a store is
   * made for every transaction, and most never touch these keys.
   */
  private idempotencyTable: ReturnType<typeof sqliteIdempotency> | null = null;
  private get idempotency(): ReturnType<typeof sqliteIdempotency> {
    this.idempotencyTable ??= sqliteIdempotency(this.db, (fn) => this.exec(fn));
    return this.idempotencyTable;
  }

  /** A prepared statement, compiled once per connection: the same few SQL texts run on every request. */
  private prepare(sql: string): Database.Statement {
    const cache = STATEMENTS.get(this.db) ?? new Map<string, Database.Statement>();
    STATEMENTS.set(this.db, cache);
    const statement = cache.get(sql) ?? this.db.prepare(sql);
    cache.set(sql, statement);
    return statement;
  }

  private exec<T>(fn: () => T): Promise<T> {
    return this.inTx ? Promise.resolve().then(fn) : this.mutex.run(fn);
  }

  private insert(table: string, row: object): Promise<void> {
    return this.exec(() => {
      const cols = Object.keys(row);
      const values = cols.map((c) => toDb(table, c, (row as Row)[c]));
      this.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(
        ...values,
      );
    });
  }

  private one<T>(table: string, sql: string, ...args: unknown[]): Promise<T | null> {
    return this.exec(() => {
      const row = this.prepare(sql).get(...args) as Row | undefined;
      return row ? (fromDb(table, row) as T) : null;
    });
  }

  private many<T>(table: string, sql: string, ...args: unknown[]): Promise<T[]> {
    return this.exec(() => (this.prepare(sql).all(...args) as Row[]).map((r) => fromDb(table, r) as T));
  }

  private update(table: string, key: string, id: string, patch: object): Promise<boolean> {
    return this.exec(() => {
      const cols = Object.keys(patch).filter((c) => (patch as Row)[c] !== undefined);
      if (cols.length === 0) return true;
      const values = cols.map((c) => toDb(table, c, (patch as Row)[c]));
      const sql = `UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${key} = ?`;
      return this.prepare(sql).run(...values, id).changes > 0;
    });
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.mutex.run(async () => {
      // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing late.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteStore(this.db, this.mutex, true));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  insertTenant: Store['insertTenant'] = (row) => this.insert('tenants', row);
  getTenant: Store['getTenant'] = (id) => this.one('tenants', 'SELECT * FROM tenants WHERE id = ?', id);
  listTenants: Store['listTenants'] = () => this.many('tenants', 'SELECT * FROM tenants ORDER BY created_at');
  updateTenant: Store['updateTenant'] = (id, patch) => this.update('tenants', 'id', id, patch);

  insertApiKey: Store['insertApiKey'] = (row) => this.insert('api_keys', row);
  findApiKey: Store['findApiKey'] = (hash) =>
    this.one('api_keys', 'SELECT * FROM api_keys WHERE key_hash = ?', hash);
  revokeApiKey: Store['revokeApiKey'] = (id, now) =>
    this.exec(
      () =>
        this.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id)
          .changes > 0,
    );

  insertLinkToken: Store['insertLinkToken'] = (row) => this.insert('link_tokens', row);
  findLinkToken: Store['findLinkToken'] = (hash) =>
    this.one('link_tokens', 'SELECT * FROM link_tokens WHERE token_hash = ?', hash);
  getLinkTokenById: Store['getLinkTokenById'] = (id) =>
    this.one('link_tokens', 'SELECT * FROM link_tokens WHERE id = ?', id);
  consumeLinkToken: Store['consumeLinkToken'] = (id, now) =>
    this.exec(
      () =>
        this.prepare('UPDATE link_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, id)
          .changes > 0,
    );

  insertSession: Store['insertSession'] = (row) => this.insert('connect_sessions', row);
  getSession: Store['getSession'] = (id) =>
    this.one('connect_sessions', 'SELECT * FROM connect_sessions WHERE id = ?', id);
  getSessionByLinkToken: Store['getSessionByLinkToken'] = (id) =>
    this.one('connect_sessions', 'SELECT * FROM connect_sessions WHERE link_token_id = ?', id);
  updateSession: Store['updateSession'] = async (id, patch, now) => {
    await this.update('connect_sessions', 'id', id, { ...patch, updated_at: now });
  };
  bindSession: Store['bindSession'] = (id, hash, now) =>
    this.exec(
      () =>
        this.prepare(
          'UPDATE connect_sessions SET binding_hash = ?, updated_at = ? WHERE id = ? AND binding_hash IS NULL',
        ).run(hash, now, id).changes > 0,
    );
  finishSession: Store['finishSession'] = (id, o, now) =>
    this.exec(
      () =>
        this.prepare(
          `UPDATE connect_sessions SET status = ?, result = ?, error_code = ?, error_message = ?, updated_at = ?
             WHERE id = ? AND status = 'pending'`,
        ).run(o.status, o.result ? JSON.stringify(o.result) : null, o.error_code, o.error_message, now, id)
          .changes > 0,
    );

  insertOAuthState: Store['insertOAuthState'] = (row) => this.insert('oauth_states', row);
  consumeOAuthState: Store['consumeOAuthState'] = (hash, now) =>
    this.one(
      'oauth_states',
      'UPDATE oauth_states SET consumed_at = ? WHERE state_hash = ? AND consumed_at IS NULL RETURNING *',
      now,
      hash,
    );

  insertPendingGrant: Store['insertPendingGrant'] = (row) => this.insert('pending_grants', row);
  getPendingGrant: Store['getPendingGrant'] = (id) =>
    this.one('pending_grants', 'SELECT * FROM pending_grants WHERE id = ?', id);
  openPendingGrantOf: Store['openPendingGrantOf'] = (sessionId) =>
    this.one(
      'pending_grants',
      'SELECT * FROM pending_grants WHERE session_id = ? AND consumed_at IS NULL ORDER BY expires_at DESC LIMIT 1',
      sessionId,
    );
  consumePendingGrant: Store['consumePendingGrant'] = (id, now) =>
    this.one(
      'pending_grants',
      'UPDATE pending_grants SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL RETURNING *',
      now,
      id,
    );

  insertAccount: Store['insertAccount'] = (row) => this.insert('integrated_accounts', row);
  getAccount: Store['getAccount'] = (id) =>
    this.one('integrated_accounts', 'SELECT * FROM integrated_accounts WHERE id = ?', id);
  findAccountByHarvest: Store['findAccountByHarvest'] = (tenantId, endUserId, accountId, userId) =>
    this.one(
      'integrated_accounts',
      `SELECT * FROM integrated_accounts WHERE tenant_id = ? AND end_user_id = ? AND harvest_account_id = ?
       AND harvest_user_id = ? AND status != 'disconnected' ORDER BY created_at LIMIT 1`,
      tenantId,
      endUserId,
      accountId,
      userId,
    );
  listAccounts: Store['listAccounts'] = (tenantId, f) =>
    this.many(
      'integrated_accounts',
      `SELECT * FROM integrated_accounts WHERE tenant_id = ? AND status != 'disconnected'
       AND (? IS NULL OR end_user_id = ?) AND (? IS NULL OR id > ?) ORDER BY id LIMIT ?`,
      tenantId,
      f.endUserId ?? null,
      f.endUserId ?? null,
      f.afterId ?? null,
      f.afterId ?? null,
      f.limit,
    );
  updateAccount: Store['updateAccount'] = (id, patch) => this.update('integrated_accounts', 'id', id, patch);

  getCredentials: Store['getCredentials'] = (id) =>
    this.one('credentials', 'SELECT * FROM credentials WHERE account_id = ?', id);
  putCredentials: Store['putCredentials'] = (accountId, sealed, expiresAt, now) =>
    this.one<CredentialRow>(
      'credentials',
      `INSERT INTO credentials (account_id, sealed, expires_at, version, cooldown_until, updated_at)
       VALUES (?, ?, ?, 1, NULL, ?)
       ON CONFLICT (account_id) DO UPDATE SET sealed = excluded.sealed, expires_at = excluded.expires_at,
         version = credentials.version + 1, cooldown_until = NULL, updated_at = excluded.updated_at
       RETURNING *`,
      accountId,
      sealed,
      expiresAt,
      now,
    ) as Promise<CredentialRow>;
  updateCredentialsIfVersion: Store['updateCredentialsIfVersion'] = (accountId, expected, patch, now) =>
    this.exec(() => {
      const cols = Object.keys(patch).filter((c) => (patch as Row)[c] !== undefined && IDENTIFIER.test(c));
      const sets = [...cols.map((c) => `${c} = ?`), 'version = version + 1', 'updated_at = ?'];
      const row = this.prepare(
        `UPDATE credentials SET ${sets.join(', ')} WHERE account_id = ? AND version = ? RETURNING *`,
      ).get(...cols.map((c) => (patch as Row)[c]), now, accountId, expected) as CredentialRow | undefined;
      return row ?? null;
    });
  setCredentialCooldown: Store['setCredentialCooldown'] = (id, until) =>
    this.exec(() => {
      this.prepare('UPDATE credentials SET cooldown_until = ? WHERE account_id = ?').run(until, id);
    });
  deleteCredentials: Store['deleteCredentials'] = (id) =>
    this.exec(() => {
      this.prepare('DELETE FROM credentials WHERE account_id = ?').run(id);
    });
  listCredentials: Store['listCredentials'] = () => this.many('credentials', 'SELECT * FROM credentials');

  insertSessionToken: Store['insertSessionToken'] = (row) => this.insert('session_tokens', row);
  findSessionToken: Store['findSessionToken'] = (hash) =>
    this.one('session_tokens', 'SELECT * FROM session_tokens WHERE token_hash = ?', hash);
  deleteSessionTokensForAccount: Store['deleteSessionTokensForAccount'] = (id) =>
    this.exec(() => {
      this.prepare('DELETE FROM session_tokens WHERE account_id = ?').run(id);
    });

  insertDelivery: Store['insertDelivery'] = (row) => this.insert('webhook_deliveries', row);
  getDelivery: Store['getDelivery'] = (id) =>
    this.one('webhook_deliveries', 'SELECT * FROM webhook_deliveries WHERE id = ?', id);
  dueDeliveries: Store['dueDeliveries'] = (now, limit) =>
    this.many(
      'webhook_deliveries',
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
      now,
      limit,
    );
  updateDelivery: Store['updateDelivery'] = async (id, patch) => {
    await this.update('webhook_deliveries', 'id', id, patch);
  };
  listDeliveries: Store['listDeliveries'] = (tenantId) =>
    this.many(
      'webhook_deliveries',
      'SELECT * FROM webhook_deliveries WHERE tenant_id = ? ORDER BY created_at',
      tenantId,
    );

  claimIdempotencyKey: Store['claimIdempotencyKey'] = (row, now) => this.idempotency.claim(row, now);
  finishIdempotencyKey: Store['finishIdempotencyKey'] = (...args) => this.idempotency.finish(...args);
  releaseIdempotencyKey: Store['releaseIdempotencyKey'] = (...args) => this.idempotency.release(...args);
  deleteExpiredIdempotencyKeys: Store['deleteExpiredIdempotencyKeys'] = (now) =>
    this.idempotency.deleteExpired(now);

  ping: Store['ping'] = () =>
    this.exec(() => {
      this.prepare('SELECT 1').get();
    });
  close: Store['close'] = () =>
    this.mutex.run(() => {
      this.db.close();
    });

  /** For the lock store: run a statement through the same serialisation. */
  run<T>(fn: () => T): Promise<T> {
    return this.exec(fn);
  }
}
