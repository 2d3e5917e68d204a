import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { INVALID_TOKEN_BODY, WWW_AUTHENTICATE } from '../http/harvest-errors';
import { bearerToken } from './bearer';

/** The recorded 401: body plus `WWW-Authenticate` (fact sheet §4). */
export function invalidToken(c: Context): Response {
  c.header('WWW-Authenticate', WWW_AUTHENTICATE);
  return c.json(INVALID_TOKEN_BODY, 401);
}

/**
 * Resolves token, account and user for `/v2` calls. A bad, expired or revoked token, or a missing, unknown
 * or out-of-scope `Harvest-Account-Id` (or `account_id` query) all give the same 401 `invalid_token`.
 *
 * @example
 * app.use('/v2/*', tokenAuth(runtime));
 */
export function tokenAuth(rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const value = bearerToken(c);
    const token = value ? rt.auth.find(value, rt.clock.now(), ['access', 'personal']) : null;
    if (!token) return invalidToken(c);
    c.set('token', token);
    const raw = c.req.header('harvest-account-id') ?? c.req.query('account_id') ?? '';
    const accountId = /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    const inScope = token.accountIds === 'all' || token.accountIds.includes(accountId);
    const account = rt.store.accounts.get(accountId);
    const link = rt.store.identities
      .get(token.identityId)
      ?.memberships.find((m) => m.accountId === accountId);
    const user = link ? account?.users.get(link.userId) : undefined;
    if (!inScope || !account || !user) return invalidToken(c);
    c.set('account', account);
    c.set('user', user);
    await next();
  };
}
