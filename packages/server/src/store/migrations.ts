/**
 * Versioned schema migrations, applied in order inside one transaction each; `schema_migrations` records what ran.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, allowed_origins TEXT NOT NULL,
        webhook_url TEXT, webhook_secret_sealed TEXT, created_at INTEGER NOT NULL);
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), key_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL, revoked_at INTEGER);
      CREATE TABLE link_tokens (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), token_hash TEXT NOT NULL UNIQUE,
        end_user_id TEXT NOT NULL, origin TEXT NOT NULL, integrated_account_id TEXT,
        expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, used_at INTEGER);
      CREATE TABLE connect_sessions (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, link_token_id TEXT NOT NULL UNIQUE REFERENCES link_tokens(id),
        nonce TEXT, mode TEXT NOT NULL, return_url TEXT, status TEXT NOT NULL, result TEXT,
        error_code TEXT, error_message TEXT, binding_hash TEXT,
        expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE oauth_states (
        state_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES connect_sessions(id),
        binding_hash TEXT NOT NULL, verifier_sealed TEXT NOT NULL, expires_at INTEGER NOT NULL, consumed_at INTEGER);
      CREATE TABLE pending_grants (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES connect_sessions(id), tokens_sealed TEXT NOT NULL,
        expires_in INTEGER NOT NULL, harvest_user TEXT NOT NULL, accounts TEXT NOT NULL,
        expires_at INTEGER NOT NULL, consumed_at INTEGER);
      CREATE TABLE integrated_accounts (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), end_user_id TEXT NOT NULL,
        harvest_account_id INTEGER NOT NULL, harvest_account_name TEXT NOT NULL,
        harvest_user_id INTEGER NOT NULL, harvest_user_name TEXT NOT NULL, harvest_user_email TEXT NOT NULL,
        auth_type TEXT NOT NULL, status TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_refreshed_at INTEGER);
      CREATE INDEX integrated_accounts_by_user ON integrated_accounts (tenant_id, end_user_id, id);
      CREATE TABLE credentials (
        account_id TEXT PRIMARY KEY REFERENCES integrated_accounts(id), sealed TEXT NOT NULL, expires_at INTEGER,
        version INTEGER NOT NULL, cooldown_until INTEGER, updated_at INTEGER NOT NULL);
      CREATE TABLE session_tokens (
        token_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, account_id TEXT NOT NULL, scopes TEXT NOT NULL,
        expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
      CREATE INDEX session_tokens_by_account ON session_tokens (account_id);
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
        payload TEXT NOT NULL, url TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
        next_attempt_at INTEGER, last_status INTEGER, last_error TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE TABLE locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'idempotency_keys',
    // One row per tenant and Idempotency-Key: the request's fingerprint, and once finished the response to replay.
    sql: `
      CREATE TABLE idempotency_keys (
        tenant_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
        response_status INTEGER, response_body TEXT,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, locked_until INTEGER,
        PRIMARY KEY (tenant_id, key));
      CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
    `,
  },
];
