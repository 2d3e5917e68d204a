import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { usersRoutes } from './users';

/** Every `/v2` resource group, one route file each. */
export function v2Routes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.route('/', usersRoutes(rt));
  return app;
}
