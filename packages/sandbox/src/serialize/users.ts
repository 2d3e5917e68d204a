import type { HarvestAccessRole, HarvestRate, HarvestRole, HarvestUser } from '@harvest-connect/protocol';
import { isoDateTime } from '../core/dates';
import type { RateRecord, RoleRecord, UserRecord } from '../store/records';
import type { AccountStore } from '../store/store';

const CLAIMS: Record<string, string[]> = {
  member: ['expenses:read:own', 'expenses:write:own', 'timers:read:own', 'timers:write:own'],
  manager: [
    'expenses:read:own',
    'expenses:write:own',
    'expenses:read:assigned',
    'timers:read:own',
    'timers:write:own',
    'timers:read:assigned',
    'timers:write:assigned',
  ],
  administrator: [
    'billing:read',
    'billing:write',
    'expenses:read:all',
    'expenses:write:all',
    'timers:read:all',
    'timers:write:all',
    'users:read',
    'users:write',
  ],
};

/** Business role names of one user (no map of everyone: `/users/me` is called far more than lists). */
export function roleNamesOf(account: AccountStore, userId: number): Map<number, string[]> {
  const names: string[] = [];
  for (const role of account.roles.values()) if (role.userIds.includes(userId)) names.push(role.name);
  return new Map([[userId, names]]);
}

const roleCache = new WeakMap<object, { version: string; names: Map<number, string[]> }>();

/**
 * Business role names per user id for lists. Cached per account under a key (each role's id, name, size and
 * a hash of its members) that changes whenever a role or its members change and is cheap to recompute.
 */
export function roleNamesByUser(account: AccountStore): Map<number, string[]> {
  let version = '';
  for (const role of account.roles.values()) {
    let hash = 0;
    for (const id of role.userIds) hash = (Math.imul(hash, 31) + id) | 0;
    version += `${role.id}:${role.name}:${role.userIds.length}:${hash};`;
  }
  const cached = roleCache.get(account.roles);
  if (cached?.version === version) return cached.names;
  const names = buildRoleNames(account);
  roleCache.set(account.roles, { version, names });
  return names;
}

function buildRoleNames(account: AccountStore): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const role of account.roles.values()) {
    for (const id of role.userIds) {
      const names = out.get(id);
      if (names) names.push(role.name);
      else out.set(id, [role.name]);
    }
  }
  return out;
}

/**
 * @example
 * c.json(serializeUser(user, roleNamesByUser(account)));
 */
export function serializeUser(user: UserRecord, roles: Map<number, string[]>): HarvestUser {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    telephone: user.telephone,
    timezone: user.timezone,
    weekly_capacity: user.weeklyCapacity,
    has_access_to_all_future_projects: user.hasAccessToAllFutureProjects,
    is_contractor: user.isContractor,
    is_active: user.isActive,
    calendar_integration_enabled: false,
    calendar_integration_source: null,
    created_at: isoDateTime(user.createdAt),
    updated_at: isoDateTime(user.updatedAt),
    can_create_projects:
      user.accessRole === 'administrator' || user.extraAccessRoles.includes('project_creator'),
    default_hourly_rate: user.defaultHourlyRate,
    cost_rate: user.costRate,
    roles: roles.get(user.id) ?? [],
    access_roles: [user.accessRole, ...(user.extraAccessRoles as HarvestAccessRole[])],
    permissions_claims: CLAIMS[user.accessRole] ?? [],
    avatar_url: `https://d3s3969qhosaug.cloudfront.net/v2/default-avatars/${user.avatarSeed.toString(16).padStart(4, '0')}.png`,
  };
}

export function serializeRole(role: RoleRecord): HarvestRole {
  return {
    id: role.id,
    name: role.name,
    user_ids: [...role.userIds],
    created_at: isoDateTime(role.createdAt),
    updated_at: isoDateTime(role.updatedAt),
  };
}

/** A rate's `end_date` is computed: the day before the next rate starts (fact sheet §5.2). */
export function serializeRate(rate: RateRecord, next: RateRecord | undefined): HarvestRate {
  let endDate: string | null = null;
  if (next?.startDate)
    endDate = new Date(Date.parse(`${next.startDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    id: rate.id,
    amount: rate.amount,
    start_date: rate.startDate,
    end_date: endDate,
    created_at: isoDateTime(rate.createdAt),
    updated_at: isoDateTime(rate.updatedAt),
  };
}
