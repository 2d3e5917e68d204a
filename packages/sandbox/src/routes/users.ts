import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { roleNamesByUser, serializeUser } from '../serialize/users';

/** `/v2/users` (fact sheet §5.1). */
export function usersRoutes(_rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/users/me', (c) => c.json(serializeUser(c.get('user'), roleNamesByUser(c.get('account')))));
  return app;
}
