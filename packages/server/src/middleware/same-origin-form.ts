import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';

/**
 * Form posts of the popup must come from our own pages. Our pages send `Referrer-Policy: no-referrer`, under
 * which browsers serialise the `Origin` of a form post as `null`; so `Sec-Fetch-Site` decides when present,
 * a real `Origin` must match, and the SameSite=Lax binding cookie (checked by the routes) covers the rest.
 *
 * @example
 * pages.use('/connect/sessions/*', sameOriginForm({ publicUrl }));
 */
export function sameOriginForm(options: { publicUrl: string }) {
  const expected = new URL(options.publicUrl).origin;
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'POST') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const crossSite =
        site !== undefined
          ? site !== 'same-origin'
          : origin !== undefined && origin !== 'null' && origin !== expected;
      if (crossSite)
        throw new ApiError('auth.origin_denied', 'This form must be sent from the connect page.');
    }
    await next();
  });
}
