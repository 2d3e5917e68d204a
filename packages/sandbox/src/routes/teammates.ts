import type { HarvestTeammate } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { validate, zId } from '../http/validate';
import type { UserRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const teammate = (u: UserRecord): HarvestTeammate => ({
  id: u.id,
  first_name: u.firstName,
  last_name: u.lastName,
  email: u.email,
});

function teammatesOf(account: AccountStore, manager: UserRecord): UserRecord[] {
  return manager.teammateIds
    .map((id) => account.users.get(id))
    .filter((u): u is UserRecord => u !== undefined)
    .sort((a, b) => b.id - a.id);
}

/**
 * `/v2/users/{id}/teammates` (fact sheet §5.1): read by administrators or the manager; set by
 * administrators. A non-manager has no teammates: 422. Teammates grant the `people_manager` role.
 */
export function teammatesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const manager = (c: Parameters<typeof requireRole>[0]) => {
    const user = found(c.get('account').users.get(pathId(c)));
    if (user.id !== c.get('user').id) requireRole(c, 'administrator');
    if (user.accessRole !== 'manager')
      throw HarvestError.unprocessable('Teammates can only be managed for users with the manager role');
    return user;
  };
  app.get('/users/:id/teammates', (c) => {
    const user = manager(c);
    const rows = teammatesOf(c.get('account'), user);
    return c.json(paginate(c, 'teammates', rows, readPaging(c, { cursor: true }), teammate));
  });
  app.patch('/users/:id/teammates', async (c) => {
    requireRole(c, 'administrator');
    const user = manager(c);
    const account = c.get('account');
    const b = validate(z.object({ teammate_ids: z.array(zId).max(10_000) }), await readBody(c));
    if (b.teammate_ids.some((id) => !account.users.has(id) || id === user.id))
      throw HarvestError.unprocessable('Teammate ids are invalid');
    user.teammateIds = [...new Set(b.teammate_ids)];
    user.extraAccessRoles = user.extraAccessRoles.filter((r) => r !== 'people_manager');
    if (user.teammateIds.length) user.extraAccessRoles.push('people_manager');
    user.updatedAt = rt.clock.now();
    return c.json({ teammates: teammatesOf(account, user).map(teammate) });
  });
  return app;
}
