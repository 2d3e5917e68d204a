import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole, visibleUsers } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, listFilters, newestFirst, readQuery } from '../http/query';
import { validate, zBool, zNumber, zText } from '../http/validate';
import { roleNamesByUser, roleNamesOf, serializeUser } from '../serialize/users';
import type { UserRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const ACCESS = ['administrator', 'manager', 'member'] as const;
const EXTRA = [
  'project_creator',
  'billable_rates_manager',
  'managed_projects_invoice_drafter',
  'managed_projects_invoice_manager',
  'client_and_task_manager',
  'time_and_expenses_manager',
  'estimates_manager',
] as const;

const editable = {
  first_name: zText(255).min(1).optional(),
  last_name: zText(255).min(1).optional(),
  email: z.string().max(255).email('is invalid').optional(),
  telephone: zText(255).optional(),
  timezone: zText(255).optional(),
  has_access_to_all_future_projects: zBool.optional(),
  is_contractor: zBool.optional(),
  is_active: zBool.optional(),
  weekly_capacity: z.coerce.number().int().min(0).max(604_800).optional(),
  roles: z.array(zText(255)).max(100).optional(),
  access_roles: z
    .array(z.enum([...ACCESS, ...EXTRA]))
    .max(10)
    .refine((r) => r.filter((x) => (ACCESS as readonly string[]).includes(x)).length <= 1, 'is invalid')
    .optional(),
};
const createSchema = z.object({
  ...editable,
  first_name: zText(255).min(1),
  last_name: zText(255).min(1),
  email: z.string().max(255).email('is invalid'),
  default_hourly_rate: zNumber.optional(),
  cost_rate: zNumber.optional(),
});
const updateSchema = z.object(editable);

/** Sets business roles by name, creating roles that do not exist yet. */
function setRoles(
  account: AccountStore,
  userId: number,
  names: string[],
  now: number,
  nextId: () => number,
): void {
  for (const role of account.roles.values()) role.userIds = role.userIds.filter((id) => id !== userId);
  for (const name of new Set(names)) {
    let role = [...account.roles.values()].find((r) => r.name === name);
    if (!role) {
      role = { id: nextId(), name, userIds: [], createdAt: now, updatedAt: now };
      account.roles.set(role.id, role);
    }
    role.userIds.push(userId);
    role.updatedAt = now;
  }
}

function applyAccess(user: UserRecord, roles: string[] | undefined): void {
  if (!roles) return;
  user.accessRole =
    (roles.find((r) => (ACCESS as readonly string[]).includes(r)) as UserRecord['accessRole']) ?? 'member';
  user.extraAccessRoles =
    user.accessRole === 'manager' ? roles.filter((r) => !(ACCESS as readonly string[]).includes(r)) : [];
  if (user.accessRole !== 'manager') user.teammateIds = [];
  // people_manager follows from having teammates (fact sheet §5.1), not from the request.
  user.extraAccessRoles = user.extraAccessRoles.filter((r) => r !== 'people_manager');
  if (user.teammateIds.length) user.extraAccessRoles.push('people_manager');
}

/**
 * `/v2/users` (fact sheet §5.1): administrators manage people; managers read themselves and their teammates;
 * members get 403 except on `/users/me` and their own record.
 */
export function usersRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const show = (account: AccountStore, user: UserRecord) =>
    serializeUser(user, roleNamesOf(account, user.id));

  app.get('/users/me', (c) => c.json(show(c.get('account'), c.get('user'))));

  app.get('/users', (c) => {
    const visible = visibleUsers(c);
    const f = readQuery(c, listFilters);
    const paging = readPaging(c, { cursor: true });
    const account = c.get('account');
    const roles = roleNamesByUser(account);
    const rows = applyCommon(newestFirst(account.users.values()), f).filter(
      (u) => !visible || visible.has(u.id),
    );
    return c.json(paginate(c, 'users', rows, paging, (u) => serializeUser(u, roles)));
  });

  app.get('/users/:id', (c) => {
    const id = pathId(c);
    const visible = id === c.get('user').id ? undefined : visibleUsers(c);
    if (visible && !visible.has(id)) throw HarvestError.forbidden();
    return c.json(show(c.get('account'), found(c.get('account').users.get(id))));
  });

  app.post('/users', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const b = validate(createSchema, await readBody(c));
    const email = b.email.toLowerCase();
    if ([...account.users.values()].some((u) => u.email.toLowerCase() === email)) {
      throw HarvestError.unprocessable('Email has already been taken');
    }
    const now = rt.clock.now();
    const identityId = rt.store.ids.next('identity');
    const id = rt.store.ids.next('user');
    rt.store.identities.set(identityId, {
      id: identityId,
      firstName: b.first_name,
      lastName: b.last_name,
      email: b.email,
      memberships: [{ accountId: account.id, userId: id }],
    });
    const user: UserRecord = {
      id,
      identityId,
      firstName: b.first_name,
      lastName: b.last_name,
      email: b.email,
      telephone: b.telephone ?? '',
      timezone: b.timezone ?? 'Eastern Time (US & Canada)',
      hasAccessToAllFutureProjects: b.has_access_to_all_future_projects ?? false,
      isContractor: b.is_contractor ?? false,
      isActive: b.is_active ?? true,
      weeklyCapacity: b.weekly_capacity ?? 126000,
      defaultHourlyRate: b.default_hourly_rate ?? null,
      costRate: b.cost_rate ?? null,
      accessRole: 'member',
      extraAccessRoles: [],
      teammateIds: [],
      avatarSeed: id % 0xffff,
      createdAt: now,
      updatedAt: now,
    };
    applyAccess(user, b.access_roles);
    account.users.set(id, user);
    if (b.roles) setRoles(account, id, b.roles, now, () => rt.store.ids.next('role'));
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/users/${id}`);
    return c.json(show(account, user), 201);
  });

  app.patch('/users/:id', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const user = found(account.users.get(pathId(c)));
    const b = validate(updateSchema, await readBody(c));
    const renames = b.first_name !== undefined || b.last_name !== undefined || b.email !== undefined;
    if (renames && !user.isActive && b.is_active !== true) {
      throw HarvestError.unprocessable("Names and email can't be changed on inactive users");
    }
    const now = rt.clock.now();
    Object.assign(user, {
      firstName: b.first_name ?? user.firstName,
      lastName: b.last_name ?? user.lastName,
      email: b.email ?? user.email,
      telephone: b.telephone ?? user.telephone,
      timezone: b.timezone ?? user.timezone,
      hasAccessToAllFutureProjects: b.has_access_to_all_future_projects ?? user.hasAccessToAllFutureProjects,
      isContractor: b.is_contractor ?? user.isContractor,
      isActive: b.is_active ?? user.isActive,
      weeklyCapacity: b.weekly_capacity ?? user.weeklyCapacity,
      updatedAt: now,
    });
    applyAccess(user, b.access_roles);
    if (b.roles) setRoles(account, user.id, b.roles, now, () => rt.store.ids.next('role'));
    return c.json(show(account, user));
  });

  app.delete('/users/:id', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const user = found(account.users.get(pathId(c)));
    const hasExpenses = [...account.expenses.values()].some((e) => e.userId === user.id);
    if (hasExpenses || account.timeEntries.some({ userIds: new Set([user.id]) })) {
      throw HarvestError.unprocessable(
        'This user has tracked time or expenses and cannot be deleted. Archive the user instead.',
      );
    }
    account.users.delete(user.id);
    for (const role of account.roles.values()) role.userIds = role.userIds.filter((id) => id !== user.id);
    for (const [id, ua] of account.userAssignments)
      if (ua.userId === user.id) account.userAssignments.delete(id);
    const identity = rt.store.identities.get(user.identityId);
    if (identity) identity.memberships = identity.memberships.filter((m) => m.accountId !== account.id);
    return c.json(show(account, user));
  });
  return app;
}
