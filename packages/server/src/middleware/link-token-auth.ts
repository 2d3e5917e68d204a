import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';
import type { Deps } from '../services/deps';
import { findLinkToken } from '../services/link-tokens';
import type { LinkTokenRow } from '../store/store';
import { bearerOf } from './api-key-auth';

/**
 * Requires `Authorization: Bearer hc_lt_...` (never a query string: a link token in a URL ends up in logs and
 * history) and a request `Origin`, when present, equal to the origin recorded on the token; then answers CORS
 * for that one origin. Puts the token row in `c.var.link`.
 *
 * @example
 * sessions.use('*', linkTokenAuth({ deps }));
 */
export function linkTokenAuth(options: { deps: Deps }) {
  return createMiddleware<{ Variables: { link: LinkTokenRow } }>(async (c, next) => {
    if (new URL(c.req.url).searchParams.has('link_token')) {
      throw new ApiError(
        'link_token.invalid',
        'Send the link token in the Authorization header, not the URL.',
      );
    }
    const header = c.req.header('authorization');
    if (!header)
      throw new ApiError(
        'auth.missing_credentials',
        'Send the link token as Authorization: Bearer hc_lt_...',
      );
    const link = await findLinkToken(options.deps, bearerOf(header));
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== link.origin) {
      throw new ApiError('auth.origin_denied', 'This link token was issued for another origin.');
    }
    c.set('link', link);
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    await next();
  });
}

/**
 * CORS preflight for the link-token routes. A preflight carries no token, so it is answered for origins some
 * tenant allows; the real request then checks the token's own origin (linkTokenAuth). Other origins get no
 * allow header at all.
 *
 * @example
 * app.options('/v1/connect-sessions/*', linkTokenPreflight({ isAllowedOrigin }));
 */
export function linkTokenPreflight(options: { isAllowedOrigin: (origin: string) => Promise<boolean> }) {
  return createMiddleware(async (c) => {
    const origin = c.req.header('origin');
    c.header('Vary', 'Origin');
    if (origin && (await options.isAllowedOrigin(origin))) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'GET, POST');
      c.header('Access-Control-Allow-Headers', 'authorization, content-type');
      c.header('Access-Control-Max-Age', '600');
    }
    return c.body(null, 204);
  });
}
