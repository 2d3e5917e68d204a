import {
  type CreateSessionTokenResponse,
  SESSION_SCOPES,
  type SessionScope,
  TOKEN_PREFIXES,
} from '@harvest-connect/protocol';
import { hashSecret, looksLikeSecret, newSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { SessionTokenRow, TenantRow } from '../store/store';
import { getAccountOf } from './accounts';
import { type Deps, LIFETIMES } from './deps';

/** Scopes a session token gets when the product asks for none: read-only. */
export const DEFAULT_SCOPES: SessionScope[] = SESSION_SCOPES.filter((s) => s.endsWith(':read'));

/**
 * Mints a session token for the browser widgets: bound to one integrated account, its scopes, and (checked at
 * use) the tenant's allowed origins.
 *
 * Why opaque and hashed rather than a signed JWT: the data API must load the account and its credentials on
 * every call anyway, so one more indexed lookup costs nothing, while a stored token can be revoked at once
 * (deleting an account wipes its tokens) and there is no signing key to protect, rotate or leak.
 *
 * @example
 * const { session_token } = await createSessionToken(deps, tenant, { integrated_account_id: 'acc_1' });
 */
export async function createSessionToken(
  deps: Deps,
  tenant: TenantRow,
  body: {
    integrated_account_id: string;
    scopes?: SessionScope[] | undefined;
    expires_in?: number | undefined;
  },
): Promise<CreateSessionTokenResponse> {
  const account = await getAccountOf(deps.store, tenant.id, body.integrated_account_id);
  if (account.status === 'needs_reauth') {
    throw new ApiError(
      'integrated_account.needs_reauth',
      'The end user must reconnect this Harvest account first.',
    );
  }
  const ttl = body.expires_in === undefined ? LIFETIMES.sessionTokenDefault : body.expires_in * 1000;
  const token = newSecret(TOKEN_PREFIXES.sessionToken);
  const now = deps.now();
  const row: SessionTokenRow = {
    token_hash: hashSecret(token),
    tenant_id: tenant.id,
    account_id: account.id,
    scopes: [...new Set(body.scopes ?? DEFAULT_SCOPES)],
    expires_at: now + ttl,
    created_at: now,
  };
  await deps.store.insertSessionToken(row);
  return { session_token: token, expires_at: new Date(row.expires_at).toISOString() };
}

/**
 * Resolves a presented session token (for the data API of part 2): valid, unexpired, account still linked.
 *
 * @example
 * const row = await verifySessionToken(deps, bearer);
 */
export async function verifySessionToken(deps: Deps, token: string): Promise<SessionTokenRow> {
  if (!looksLikeSecret(token, TOKEN_PREFIXES.sessionToken)) {
    throw new ApiError('auth.invalid_session_token', 'Invalid session token.');
  }
  const row = await deps.store.findSessionToken(hashSecret(token));
  if (!row) throw new ApiError('auth.invalid_session_token', 'Invalid session token.');
  if (deps.now() >= row.expires_at)
    throw new ApiError('auth.session_token_expired', 'The session token has expired.');
  return row;
}
