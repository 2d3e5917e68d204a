import type { HarvestRole, HarvestUser, UnifiedRole, UnifiedUser } from '@harvest-connect/protocol';

/**
 * Maps a Harvest user to the unified shape. `weekly_capacity` is seconds in Harvest (fact sheet §5.1); a user's
 * `roles` are names, turned into role ids when the caller may read `/v2/roles` (else the name stands as id).
 *
 * @example
 * toUnifiedUser(harvestUser, new Map([['Developer', '617630']]), false);
 */
export function toUnifiedUser(
  u: HarvestUser,
  roleIds: ReadonlyMap<string, string> | null,
  includeRemote: boolean,
): UnifiedUser {
  const first = u.first_name ?? '';
  const last = u.last_name ?? '';
  const user: UnifiedUser = {
    id: String(u.id),
    first_name: first,
    last_name: last,
    name: `${first} ${last}`.trim(),
    emails: u.email ? [{ email: u.email, type: 'work', is_primary: true }] : [],
    status: u.is_active ? 'active' : 'inactive',
    roles: (u.roles ?? []).map((name) => ({ id: roleIds?.get(name) ?? name, name })),
    access_roles: u.access_roles ?? [],
    is_contractor: Boolean(u.is_contractor),
    employment_type: u.is_contractor ? 'contractor' : 'employee',
    avatar_url: u.avatar_url || null,
    timezone: u.timezone || null,
    weekly_capacity_hours: Math.round(((u.weekly_capacity ?? 0) / 3600) * 100) / 100,
    created_at: u.created_at,
    updated_at: u.updated_at,
  };
  if (includeRemote) user.remote_data = u;
  return user;
}

/**
 * Maps a Harvest role (fact sheet §5.3) to the unified shape.
 *
 * @example
 * toUnifiedRole({ id: 1, name: 'Developer', user_ids: [2], created_at, updated_at }, false);
 */
export function toUnifiedRole(r: HarvestRole, includeRemote: boolean): UnifiedRole {
  const role: UnifiedRole = {
    id: String(r.id),
    name: r.name,
    user_ids: (r.user_ids ?? []).map(String),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
  if (includeRemote) role.remote_data = r;
  return role;
}

/** Role name -> id, for `toUnifiedUser`. */
export function roleIdsByName(roles: readonly HarvestRole[] | null): Map<string, string> | null {
  return roles ? new Map(roles.map((r) => [r.name, String(r.id)])) : null;
}
