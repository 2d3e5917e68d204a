import type { MiddlewareHandler } from 'hono';

/**
 * Harvest answers 400 when `User-Agent` is missing (fact sheet §1.7).
 *
 * @example
 * app.use('/v2/*', userAgent());
 */
export function userAgent(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.header('user-agent')?.trim()) return c.json({ status: 400, error: 'Bad Request' }, 400);
    await next();
  };
}
