import { createMiddleware } from 'hono/factory';

/**
 * Security headers of every popup page and the OAuth callback. No inline script or style at all; forms may
 * post to ourselves (and be redirected on to Harvest ID); no framing; no referrer leaks the callback's code.
 * Deliberately no `Cross-Origin-Opener-Policy: same-origin`: the opener must keep its window reference.
 *
 * @example
 * app.use('/connect/*', popupHeaders({ harvestIdUrl: 'https://id.getharvest.com' }));
 */
export function popupHeaders(options: { harvestIdUrl: string }) {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self' ${new URL(options.harvestIdUrl).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return createMiddleware(async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('X-Frame-Options', 'DENY');
  });
}
