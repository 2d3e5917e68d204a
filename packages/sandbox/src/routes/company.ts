import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { requireRole } from '../http/access';
import { readBody } from '../http/body';
import { validate, zBool } from '../http/validate';

const schema = z.object({
  wants_timestamp_timers: zBool.optional(),
  weekly_capacity: z.coerce.number().int().min(0).max(604_800).optional(),
});

/** `/v2/company` (fact sheet §5.6): readable by every role (sandbox decision); administrators may patch. */
export function companyRoutes(_rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/company', (c) => c.json(c.get('account').company));
  app.patch('/company', async (c) => {
    requireRole(c, 'administrator');
    const b = validate(schema, await readBody(c));
    const company = c.get('account').company;
    if (b.wants_timestamp_timers !== undefined) company.wants_timestamp_timers = b.wants_timestamp_timers;
    if (b.weekly_capacity !== undefined) company.weekly_capacity = b.weekly_capacity;
    return c.json(company);
  });
  return app;
}
