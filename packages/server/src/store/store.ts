import type {
  AuthType,
  ConnectMode,
  ConnectSessionStatus,
  ConnectSuccess,
  ErrorCode,
  IntegratedAccountStatus,
  SessionScope,
  WebhookEventType,
} from '@harvest-connect/protocol';

// Rows as the store keeps them. Times are epoch milliseconds; sealed values come from crypto/cipher.

export interface TenantRow {
  id: string;
  name: string;
  allowed_origins: string[];
  webhook_url: string | null;
  /** The webhook signing secret, sealed (it must be readable to sign, so it is encrypted, not hashed). */
  webhook_secret_sealed: string | null;
  created_at: number;
}

export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  key_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface LinkTokenRow {
  id: string;
  tenant_id: string;
  token_hash: string;
  end_user_id: string;
  origin: string;
  integrated_account_id: string | null;
  expires_at: number;
  created_at: number;
  used_at: number | null;
}

export interface ConnectSessionRow {
  id: string;
  tenant_id: string;
  link_token_id: string;
  nonce: string | null;
  mode: ConnectMode;
  return_url: string | null;
  status: ConnectSessionStatus;
  result: ConnectSuccess | null;
  error_code: ErrorCode | null;
  error_message: string | null;
  /** Hash of the popup's browser-binding cookie, set when the popup first opened `/connect`. */
  binding_hash: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

export interface OAuthStateRow {
  state_hash: string;
  session_id: string;
  binding_hash: string;
  verifier_sealed: string;
  expires_at: number;
  consumed_at: number | null;
}

/** A grant exchanged but not yet bound to one Harvest account (the user is on the account picker). */
export interface PendingGrantRow {
  id: string;
  session_id: string;
  tokens_sealed: string;
  expires_in: number;
  harvest_user: { id: number; name: string; email: string };
  accounts: Array<{ id: number; name: string }>;
  expires_at: number;
  consumed_at: number | null;
}

export interface AccountRow {
  id: string;
  tenant_id: string;
  end_user_id: string;
  harvest_account_id: number;
  harvest_account_name: string;
  harvest_user_id: number;
  harvest_user_name: string;
  harvest_user_email: string;
  auth_type: AuthType;
  status: IntegratedAccountStatus;
  created_at: number;
  updated_at: number;
  last_refreshed_at: number | null;
}

export interface CredentialRow {
  account_id: string;
  /** Sealed JSON `{ access_token, refresh_token }`. */
  sealed: string;
  /** When the access token expires (our clock at receipt + `expires_in`); null for personal access tokens. */
  expires_at: number | null;
  /** Bumped by every write: a writer that read version n may only write if it is still n (the fence). */
  version: number;
  cooldown_until: number | null;
  updated_at: number;
}

export interface SessionTokenRow {
  token_hash: string;
  tenant_id: string;
  account_id: string;
  scopes: SessionScope[];
  expires_at: number;
  created_at: number;
}

export interface WebhookDeliveryRow {
  id: string;
  tenant_id: string;
  event_id: string;
  event_type: WebhookEventType;
  payload: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/**
 * A write sent with an `Idempotency-Key`, per tenant and key. `in_progress` while the first request runs (its
 * claim holds until `locked_until`), then `done` with the response every replay gets until `expires_at`.
 */
export interface IdempotencyRow {
  tenant_id: string;
  key: string;
  /** Hash of what the request asked for (operation, account, body): the same key with another is a conflict. */
  fingerprint: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  /** The JSON response body (never a secret: only results the caller already saw). */
  response_body: unknown;
  created_at: number;
  expires_at: number;
  locked_until: number | null;
}

/**
 * Everything the server persists. Methods are async so a PostgreSQL implementation fits the same shape;
 * `transaction` runs its callback with a store bound to one transaction (serialised with other writers).
 * "Consume" methods are atomic: of any number of concurrent callers, exactly one gets the row.
 *
 * @example
 * const account = await store.transaction(async (tx) => {
 *   await tx.insertAccount(row);
 *   await tx.putCredentials(row.id, sealed, expiresAt, now);
 *   return row;
 * });
 */
export interface Store {
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  insertTenant(row: TenantRow): Promise<void>;
  getTenant(id: string): Promise<TenantRow | null>;
  listTenants(): Promise<TenantRow[]>;
  updateTenant(id: string, patch: Partial<Omit<TenantRow, 'id' | 'created_at'>>): Promise<boolean>;

  insertApiKey(row: ApiKeyRow): Promise<void>;
  findApiKey(keyHash: string): Promise<ApiKeyRow | null>;
  revokeApiKey(id: string, now: number): Promise<boolean>;

  insertLinkToken(row: LinkTokenRow): Promise<void>;
  findLinkToken(tokenHash: string): Promise<LinkTokenRow | null>;
  getLinkTokenById(id: string): Promise<LinkTokenRow | null>;
  /** Marks a link token used; false when it already was. */
  consumeLinkToken(id: string, now: number): Promise<boolean>;

  insertSession(row: ConnectSessionRow): Promise<void>;
  getSession(id: string): Promise<ConnectSessionRow | null>;
  getSessionByLinkToken(linkTokenId: string): Promise<ConnectSessionRow | null>;
  updateSession(
    id: string,
    patch: Partial<Pick<ConnectSessionRow, 'binding_hash' | 'nonce' | 'mode' | 'return_url'>>,
    now: number,
  ): Promise<void>;
  /** Binds a session to a browser once; false when another browser was first. */
  bindSession(id: string, bindingHash: string, now: number): Promise<boolean>;
  /** Records the outcome of a pending session; false when it was no longer pending (first outcome wins). */
  finishSession(
    id: string,
    outcome: Pick<ConnectSessionRow, 'status' | 'result' | 'error_code' | 'error_message'>,
    now: number,
  ): Promise<boolean>;

  insertOAuthState(row: OAuthStateRow): Promise<void>;
  /** Returns the state row and marks it consumed, or null when unknown or already consumed. */
  consumeOAuthState(stateHash: string, now: number): Promise<OAuthStateRow | null>;

  insertPendingGrant(row: PendingGrantRow): Promise<void>;
  getPendingGrant(id: string): Promise<PendingGrantRow | null>;
  /** The newest grant of a session still waiting for the account picker. */
  openPendingGrantOf(sessionId: string): Promise<PendingGrantRow | null>;
  consumePendingGrant(id: string, now: number): Promise<PendingGrantRow | null>;

  insertAccount(row: AccountRow): Promise<void>;
  getAccount(id: string): Promise<AccountRow | null>;
  findAccountByHarvest(
    tenantId: string,
    endUserId: string,
    harvestAccountId: number,
    harvestUserId: number,
  ): Promise<AccountRow | null>;
  listAccounts(
    tenantId: string,
    filter: { endUserId?: string; afterId?: string; limit: number },
  ): Promise<AccountRow[]>;
  updateAccount(
    id: string,
    patch: Partial<Omit<AccountRow, 'id' | 'tenant_id' | 'created_at'>>,
  ): Promise<boolean>;

  getCredentials(accountId: string): Promise<CredentialRow | null>;
  /** Inserts or replaces the credentials unconditionally (a new grant); bumps the version. */
  putCredentials(
    accountId: string,
    sealed: string,
    expiresAt: number | null,
    now: number,
  ): Promise<CredentialRow>;
  /** Writes only if the row is still at `expectedVersion`; returns the new row, or null when fenced out. */
  updateCredentialsIfVersion(
    accountId: string,
    expectedVersion: number,
    patch: Partial<Pick<CredentialRow, 'sealed' | 'expires_at' | 'cooldown_until'>>,
    now: number,
  ): Promise<CredentialRow | null>;
  /** Sets the refresh cool-down without bumping the version (nothing about the tokens changed). */
  setCredentialCooldown(accountId: string, until: number | null): Promise<void>;
  deleteCredentials(accountId: string): Promise<void>;
  listCredentials(): Promise<CredentialRow[]>;

  insertSessionToken(row: SessionTokenRow): Promise<void>;
  findSessionToken(tokenHash: string): Promise<SessionTokenRow | null>;
  deleteSessionTokensForAccount(accountId: string): Promise<void>;

  insertDelivery(row: WebhookDeliveryRow): Promise<void>;
  getDelivery(id: string): Promise<WebhookDeliveryRow | null>;
  dueDeliveries(now: number, limit: number): Promise<WebhookDeliveryRow[]>;
  updateDelivery(id: string, patch: Partial<Omit<WebhookDeliveryRow, 'id'>>): Promise<void>;
  listDeliveries(tenantId: string): Promise<WebhookDeliveryRow[]>;

  /**
   * Atomically claims (tenant, key) for a request: inserts an `in_progress` row, or takes over a row that has
   * expired, or an abandoned claim (`in_progress` past `locked_until`, its process gone) with the same
   * fingerprint. Of concurrent callers exactly one gets `claimed: true`; the others get the row that holds the key.
   * (PostgreSQL: `INSERT ... ON CONFLICT (tenant_id, key) DO UPDATE ... WHERE ... RETURNING`.)
   */
  claimIdempotencyKey(
    row: Pick<
      IdempotencyRow,
      'tenant_id' | 'key' | 'fingerprint' | 'created_at' | 'expires_at' | 'locked_until'
    >,
    now: number,
  ): Promise<{ claimed: true } | { claimed: false; row: IdempotencyRow }>;
  /** Stores the response of a claim still held with this fingerprint; false when the claim was lost. */
  finishIdempotencyKey(
    tenantId: string,
    key: string,
    fingerprint: string,
    response: { status: number; body: unknown },
  ): Promise<boolean>;
  /** Drops an unfinished claim (the request failed and changed nothing), so the key may be used again. */
  releaseIdempotencyKey(tenantId: string, key: string, fingerprint: string): Promise<void>;
  /** Deletes expired rows; returns how many. */
  deleteExpiredIdempotencyKeys(now: number): Promise<number>;

  /** A cheap query proving the store answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A named lease shared by every process using the same store: one owner at a time until `ttlMs` passes.
 * The fence (credential version) still guards writes of a holder that outlived its lease.
 *
 * @example
 * if (await locks.tryAcquire('refresh:acc_1', owner, 30_000)) try { ... } finally { await locks.release('refresh:acc_1', owner); }
 */
export interface LockStore {
  tryAcquire(name: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}
