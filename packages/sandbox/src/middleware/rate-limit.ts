import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';

/** Reports allow 100 per 15 minutes where the rest allows 100 per 15 seconds: the same 60x factor here. */
const REPORTS_FACTOR = HARVEST_LIMITS.reportWindowMs / HARVEST_LIMITS.windowMs;

/**
 * 100 requests per window per token (sandbox decision: keyed by token). Over the limit: 429 with an empty
 * body and `Retry-After` in whole seconds, unless `retryAfter` is switched off (as seen live in 2020).
 *
 * @example
 * app.use('/v2/*', rateLimit(runtime));
 */
export function rateLimit(rt: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const token = c.get('token');
    const reports = /\/v2\/reports(\/|$)/.test(c.req.path);
    const windowMs = rt.settings.rateWindowMs * (reports ? REPORTS_FACTOR : 1);
    const key = `${token.id}${reports ? ':reports' : ''}`;
    const now = rt.clock.now();
    let bucket = rt.buckets.get(key);
    if (!bucket || now - bucket.start >= windowMs || now < bucket.start) {
      bucket = { start: now, count: 0 };
      rt.buckets.set(key, bucket);
    }
    if (bucket.count >= HARVEST_LIMITS.requestsPerWindow) {
      const headers: Record<string, string> = {};
      if (rt.settings.retryAfter) {
        headers['Retry-After'] = String(Math.max(1, Math.ceil((bucket.start + windowMs - now) / 1000)));
      }
      return c.body(null, 429, headers);
    }
    bucket.count++;
    await next();
  };
}
