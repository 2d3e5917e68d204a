import { type CreateLinkTokenResponse, TOKEN_PREFIXES } from '@harvest-connect/protocol';
import { hashSecret, looksLikeSecret, newId, newSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { LinkTokenRow, TenantRow } from '../store/store';
import { getAccountOf } from './accounts';
import { type Deps, LIFETIMES } from './deps';

/** The URL the popup opens; the only URL that ever carries a link token (and it redirects it away at once). */
export function connectUrl(publicUrl: string, linkToken: string): string {
  return `${publicUrl}/connect?link_token=${encodeURIComponent(linkToken)}`;
}

/**
 * Mints a single-use link token for one end user and one allowed origin. Only its hash is stored.
 *
 * @example
 * const { link_token } = await createLinkToken(deps, tenant, { end_user_id: 'u1', origin: 'https://app.acme.test' });
 */
export async function createLinkToken(
  deps: Deps,
  tenant: TenantRow,
  body: { end_user_id: string; origin: string; integrated_account_id?: string | undefined },
): Promise<CreateLinkTokenResponse> {
  if (!tenant.allowed_origins.includes(body.origin)) {
    throw new ApiError(
      'link_token.origin_not_allowed',
      'origin is not one of this tenant’s allowed origins.',
    );
  }
  if (body.integrated_account_id) {
    const account = await getAccountOf(deps.store, tenant.id, body.integrated_account_id);
    if (account.end_user_id !== body.end_user_id) {
      throw new ApiError('integrated_account.not_found', 'No such integrated account for this end user.');
    }
  }
  const token = newSecret(TOKEN_PREFIXES.linkToken);
  const now = deps.now();
  const row: LinkTokenRow = {
    id: newId('lt'),
    tenant_id: tenant.id,
    token_hash: hashSecret(token),
    end_user_id: body.end_user_id,
    origin: body.origin,
    integrated_account_id: body.integrated_account_id ?? null,
    expires_at: now + LIFETIMES.linkToken,
    created_at: now,
    used_at: null,
  };
  await deps.store.insertLinkToken(row);
  return {
    link_token: token,
    expires_at: new Date(row.expires_at).toISOString(),
    connect_url: connectUrl(deps.config.publicUrl, token),
  };
}

/**
 * Finds the row of a presented link token. Malformed, truncated, wrong-prefix and unknown tokens are all
 * `link_token.invalid` (no hint which); expiry is checked by the caller, which knows whether it matters.
 *
 * @example
 * const row = await findLinkToken(deps, bearer);
 */
export async function findLinkToken(deps: Deps, token: string | undefined | null): Promise<LinkTokenRow> {
  if (!token || !looksLikeSecret(token, TOKEN_PREFIXES.linkToken)) {
    throw new ApiError('link_token.invalid', 'This link is not valid.');
  }
  const row = await deps.store.findLinkToken(hashSecret(token));
  if (!row) throw new ApiError('link_token.invalid', 'This link is not valid.');
  return row;
}

export function assertNotExpired(deps: Deps, row: LinkTokenRow): void {
  if (deps.now() >= row.expires_at) throw new ApiError('link_token.expired', 'This link has expired.');
}
