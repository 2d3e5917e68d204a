import type { SessionScope } from '@harvest-connect/protocol';
import { TOKEN_PREFIXES } from '@harvest-connect/protocol';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';

/** Who is calling the data API, once authenticated. */
export interface DataApiCaller {
  tenantId: string;
  /** The integrated account every call of this request acts for. */
  accountId: string;
  via: 'api_key' | 'session_token';
  /** `all` for an API key; a session token carries the scopes it was minted with. */
  scopes: readonly SessionScope[] | 'all';
  /** The tenant's allowed browser origins (CORS for session tokens). */
  allowedOrigins: readonly string[];
}

/**
 * What the data API needs from the tenant and token services (part of the server that owns keys and tokens).
 * Each method throws an `ApiError` with the right code (`auth.invalid_api_key`, `integrated_account.not_found`,
 * `auth.session_token_expired`, `integrated_account.needs_reauth`, ...).
 */
export interface DataApiVerifier {
  /** An API key's tenant and its allowed origins. */
  verifyApiKey(apiKey: string): Promise<{ tenantId: string; allowedOrigins: readonly string[] }>;
  /** Checks the integrated account belongs to the tenant and can be used. */
  checkAccount(tenantId: string, accountId: string): Promise<void>;
  /** A session token's tenant, account, scopes and allowed origins. */
  verifySessionToken(token: string): Promise<{
    tenantId: string;
    accountId: string;
    scopes: readonly SessionScope[];
    allowedOrigins: readonly string[];
  }>;
  /** Whether any tenant allows this origin: a CORS preflight carries no credentials to tell which. */
  isKnownOrigin(origin: string): Promise<boolean>;
}

export type DataApiEnv = { Variables: { caller: DataApiCaller } };

/** The header that names the integrated account on an API-key call (the query `integrated_account_id` also works). */
export const ACCOUNT_HEADER = 'Harvest-Connect-Account';

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,128}$/;

function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-allow-headers': `authorization, content-type, idempotency-key, ${ACCOUNT_HEADER.toLowerCase()}`,
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'access-control-expose-headers': 'retry-after',
    'access-control-max-age': '600',
  };
}

/**
 * Authenticates a data API call: `Authorization: Bearer hc_sk_...` plus the account (`integrated_account_id` or
 * the `Harvest-Connect-Account` header), or `Authorization: Bearer hc_st_...` (a session token bound to one
 * account). Browser calls are only answered with CORS headers for the tenant's allowed origins. Credentials in
 * the query string are refused: URLs end up in logs.
 *
 * @example
 * api.use('/v1/unified/*', dataApiAuth(verifier));
 */
export function dataApiAuth(verifier: DataApiVerifier): MiddlewareHandler<DataApiEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (origin && (await verifier.isKnownOrigin(origin))) return c.body(null, 204, corsHeaders(origin));
      return c.body(null, 204);
    }
    const url = new URL(c.req.url);
    for (const name of ['api_key', 'session_token', 'access_token', 'token']) {
      if (url.searchParams.has(name))
        throw new ApiError(
          'auth.missing_credentials',
          'Send credentials in the Authorization header, never in the URL.',
        );
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{1,512})$/.exec(header);
    if (!match)
      throw new ApiError(
        'auth.missing_credentials',
        'Send Authorization: Bearer <API key or session token>.',
      );
    const credential = match[1] as string;
    const named = url.searchParams.get('integrated_account_id') ?? c.req.header(ACCOUNT_HEADER) ?? undefined;
    if (named !== undefined && !ACCOUNT_ID.test(named))
      throw new ApiError('request.invalid', 'integrated_account_id is not a valid id.');
    let caller: DataApiCaller;
    if (credential.startsWith(TOKEN_PREFIXES.apiKey)) {
      const key = await verifier.verifyApiKey(credential);
      if (!named)
        throw new ApiError(
          'request.invalid',
          `Name the account: ?integrated_account_id= or ${ACCOUNT_HEADER}.`,
        );
      await verifier.checkAccount(key.tenantId, named);
      caller = {
        tenantId: key.tenantId,
        accountId: named,
        via: 'api_key',
        scopes: 'all',
        allowedOrigins: key.allowedOrigins,
      };
    } else if (credential.startsWith(TOKEN_PREFIXES.sessionToken)) {
      let session: Awaited<ReturnType<DataApiVerifier['verifySessionToken']>>;
      try {
        session = await verifier.verifySessionToken(credential);
      } catch (error) {
        // A widget must be able to read "expired" to fetch a new token: answer its origin if any tenant allows it.
        if (origin && (await verifier.isKnownOrigin(origin)))
          for (const [k, v] of Object.entries(corsHeaders(origin))) c.header(k, v);
        throw error;
      }
      if (named && named !== session.accountId)
        throw new ApiError('auth.tenant_mismatch', 'This session token is for another integrated account.');
      if (origin && !session.allowedOrigins.includes(origin))
        throw new ApiError('auth.origin_denied', 'This origin is not allowed for the tenant.');
      caller = { ...session, via: 'session_token' };
    } else {
      throw new ApiError(
        'auth.invalid_api_key',
        'Unrecognised credential: expected an API key or a session token.',
      );
    }
    c.set('caller', caller);
    await next();
    if (origin && caller.via === 'session_token')
      for (const [k, v] of Object.entries(corsHeaders(origin))) c.header(k, v);
  };
}

/**
 * Refuses a session token that lacks `scope` (API keys hold every scope).
 *
 * @example
 * users.get('/', requireScope('user_directory:read'), handler);
 */
export function requireScope(scope: SessionScope): MiddlewareHandler<DataApiEnv> {
  return async (c, next) => {
    const { scopes } = c.get('caller');
    if (scopes !== 'all' && !scopes.includes(scope))
      throw new ApiError('auth.scope_denied', `This session token lacks the ${scope} scope.`);
    await next();
  };
}
