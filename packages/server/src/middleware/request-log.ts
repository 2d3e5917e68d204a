import { createMiddleware } from 'hono/factory';
import type { Logger } from '../logger';

/**
 * One log line per request: method, path (never the query string, where link tokens and OAuth codes travel),
 * status and duration.
 *
 * @example
 * app.use('*', requestLog({ log }));
 */
export function requestLog(options: { log: Logger }) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    options.log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
}
