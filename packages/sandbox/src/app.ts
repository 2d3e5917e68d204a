import { Hono } from 'hono';
import type { SandboxControl } from './control/control';
import { controlRoutes } from './control/control-routes';
import type { SandboxEnv, SandboxRuntime } from './core/runtime';
import { HarvestError, WWW_AUTHENTICATE } from './http/harvest-errors';
import { faults } from './middleware/faults';
import { rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { tokenAuth } from './middleware/token-auth';
import { userAgent } from './middleware/user-agent';
import { oauthRoutes } from './oauth/oauth-routes';
import { v2Routes } from './routes/v2-routes';

/**
 * Assembles the sandbox: Harvest ID (OAuth pages, token endpoint, accounts), the v2 API (also under
 * `/api/v2`, where real `Location` headers point) and, unless disabled, the control API.
 *
 * @example
 * const app = buildApp(runtime, createControl(runtime));
 */
export function buildApp(rt: SandboxRuntime, control: SandboxControl): Hono<SandboxEnv> {
  // strict: false -> `/v2/users/` and `/v2/users` are the same route (Harvest accepts trailing slashes).
  const app = new Hono<SandboxEnv>({ strict: false });
  app.use('*', requestLog(rt));
  app.use('*', faults(rt));
  app.route('/', oauthRoutes(rt));
  if (rt.settings.control) app.route('/__sandbox', controlRoutes(rt, control));
  const api = new Hono<SandboxEnv>({ strict: false });
  api.use('*', userAgent(), tokenAuth(rt), rateLimit(rt));
  api.route('/', v2Routes(rt));
  app.route('/v2', api);
  app.route('/api/v2', api);
  app.notFound((c) => c.json({ status: 404, error: 'Not Found' }, 404));
  app.onError((err, c) => {
    if (err instanceof HarvestError) {
      if (err.status === 401 && 'error' in err.body && err.body.error === 'invalid_token') {
        c.header('WWW-Authenticate', WWW_AUTHENTICATE);
      }
      return c.json(err.body, err.status);
    }
    console.error('[sandbox] unexpected error', err);
    return c.json({ status: 500, error: 'Internal Server Error' }, 500);
  });
  return app;
}
