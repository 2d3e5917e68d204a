import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { accountsRoute } from './accounts-route';
import { authorizeRoutes } from './authorize-routes';
import { tokenRoute } from './token-route';

/** Everything Harvest ID serves: authorize page, token endpoint and accounts list. */
export function oauthRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.route('/', authorizeRoutes(rt));
  app.route('/', tokenRoute(rt));
  app.route('/', accountsRoute(rt));
  return app;
}
