import { TOKEN_PREFIXES } from '@harvest-connect/protocol';
import { createMiddleware } from 'hono/factory';
import { hashSecret, looksLikeSecret } from '../crypto/secrets';
import { ApiError } from '../errors';
import type { Store, TenantRow } from '../store/store';

/** The bearer token of a request, or null. */
export function bearerOf(header: string | undefined): string | null {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * Requires `Authorization: Bearer hc_sk_...` of an unrevoked API key and puts its tenant in `c.var.tenant`.
 *
 * @example
 * app.use('/v1/link-tokens', apiKeyAuth({ store }));
 */
export function apiKeyAuth(options: { store: Store }) {
  return createMiddleware<{ Variables: { tenant: TenantRow } }>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header)
      throw new ApiError('auth.missing_credentials', 'Send your API key as Authorization: Bearer hc_sk_...');
    const key = bearerOf(header);
    if (!key || !looksLikeSecret(key, TOKEN_PREFIXES.apiKey))
      throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
    const row = await options.store.findApiKey(hashSecret(key));
    if (!row || row.revoked_at !== null) throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
    const tenant = await options.store.getTenant(row.tenant_id);
    if (!tenant) throw new ApiError('auth.invalid_api_key', 'Invalid API key.');
    c.set('tenant', tenant);
    await next();
  });
}
