import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { newestFirst } from '../http/query';
import { validate, zId, zText } from '../http/validate';
import { serializeRole } from '../serialize/users';
import type { AccountStore } from '../store/store';

const schema = z.object({ name: zText(255).min(1), user_ids: z.array(zId).max(50_000).optional() });

function checkUsers(account: AccountStore, ids: number[] | undefined): void {
  if (ids?.some((id) => !account.users.has(id))) throw HarvestError.unprocessable('User ids are invalid');
}

/** `/v2/roles` (fact sheet §5.3): administrators only; others get 403. Deleting a role unlinks its users. */
export function rolesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.use('/roles/*', async (c, next) => {
    requireRole(c, 'administrator');
    await next();
  });
  app.use('/roles', async (c, next) => {
    requireRole(c, 'administrator');
    await next();
  });
  app.get('/roles', (c) => {
    const paging = readPaging(c, { cursor: true });
    return c.json(paginate(c, 'roles', newestFirst(c.get('account').roles.values()), paging, serializeRole));
  });
  app.get('/roles/:id', (c) => c.json(serializeRole(found(c.get('account').roles.get(pathId(c))))));
  app.post('/roles', async (c) => {
    const account = c.get('account');
    const b = validate(schema, await readBody(c));
    checkUsers(account, b.user_ids);
    const now = rt.clock.now();
    const role = {
      id: rt.store.ids.next('role'),
      name: b.name,
      userIds: [...new Set(b.user_ids ?? [])],
      createdAt: now,
      updatedAt: now,
    };
    account.roles.set(role.id, role);
    return c.json(serializeRole(role), 201);
  });
  app.patch('/roles/:id', async (c) => {
    const account = c.get('account');
    const role = found(account.roles.get(pathId(c)));
    const b = validate(schema.partial(), await readBody(c));
    checkUsers(account, b.user_ids);
    if (b.name !== undefined) role.name = b.name;
    if (b.user_ids !== undefined) role.userIds = [...new Set(b.user_ids)];
    role.updatedAt = rt.clock.now();
    return c.json(serializeRole(role));
  });
  app.delete('/roles/:id', (c) => {
    const account = c.get('account');
    const role = found(account.roles.get(pathId(c)));
    account.roles.delete(role.id);
    return c.json(serializeRole(role));
  });
  return app;
}
