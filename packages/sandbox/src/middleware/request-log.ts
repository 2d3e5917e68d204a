import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';

/**
 * Records method, path (never the query: it may hold `access_token`), status and the token's public id.
 *
 * @example
 * app.use('*', requestLog(runtime));
 */
export function requestLog(rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith('/__sandbox')) return next();
    const at = rt.clock.now();
    try {
      await next();
    } finally {
      rt.log.add({
        at,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        token_id: c.get('token')?.id ?? null,
      });
    }
  };
}
