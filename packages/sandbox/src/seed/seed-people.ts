import type { HarvestBaseAccessRole } from '@harvest-connect/protocol';
import type { UserRecord } from '../store/records';
import { daysAgo, type SeedContext } from './context';
import { FIRST_NAMES, LAST_NAMES, ROLE_NAMES, TIMEZONES } from './names';

/** Forced roles for the first users, so credentials always find an active one of each. */
const LEADING_ROLES: HarvestBaseAccessRole[] = ['administrator', 'manager', 'member'];

/**
 * Adds `count` users with identities, business roles and rates. Returns the user ids in creation order.
 *
 * @example
 * const userIds = seedPeople(ctx, 24);
 */
export function seedPeople(ctx: SeedContext, count: number): number[] {
  const { rng, ids, account } = ctx;
  const userIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const leading = LEADING_ROLES[i];
    const roll = rng.next();
    const accessRole: HarvestBaseAccessRole =
      leading ?? (roll < 0.08 ? 'administrator' : roll < 0.28 ? 'manager' : 'member');
    const created = daysAgo(ctx, 400 - Math.floor((i * 200) / Math.max(1, count)));
    const identityId = ids.next('identity');
    const id = ids.next('user');
    const email = `${first}.${last}${i > 40 ? i : ''}@${ctx.domain}`.toLowerCase();
    ctx.identities.set(identityId, {
      id: identityId,
      firstName: first,
      lastName: last,
      email,
      memberships: [{ accountId: account.id, userId: id }],
    });
    const rate = 80 + rng.int(0, 14) * 10;
    const user: UserRecord = {
      id,
      identityId,
      firstName: first,
      lastName: last,
      email,
      telephone: rng.chance(0.5) ? `+1 555 01${String(rng.int(0, 99)).padStart(2, '0')}` : '',
      timezone: rng.pick(TIMEZONES),
      hasAccessToAllFutureProjects: accessRole === 'administrator',
      isContractor: i > 2 && rng.chance(0.15),
      isActive: i <= 2 || !rng.chance(0.07),
      weeklyCapacity: rng.pick([126000, 144000, 72000]),
      defaultHourlyRate: rate,
      costRate: Math.round(rate * 0.55),
      accessRole,
      extraAccessRoles: accessRole === 'manager' ? ['project_creator', 'time_and_expenses_manager'] : [],
      teammateIds: [],
      avatarSeed: rng.int(0, 0xffff),
      createdAt: created,
      updatedAt: created,
    };
    account.users.set(id, user);
    userIds.push(id);
    for (const [map, amount] of [
      [account.billableRates, user.defaultHourlyRate],
      [account.costRates, user.costRate],
    ] as const) {
      const rateId = ids.next('rate');
      map.set(rateId, {
        id: rateId,
        userId: id,
        amount: amount ?? 0,
        startDate: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  seedRoles(ctx, userIds);
  seedTeammates(ctx, userIds);
  return userIds;
}

function seedRoles(ctx: SeedContext, userIds: number[]): void {
  const roleIds = ROLE_NAMES.map((name, i) => {
    const id = ctx.ids.next('role');
    const at = daysAgo(ctx, 420 - i);
    ctx.account.roles.set(id, { id, name, userIds: [], createdAt: at, updatedAt: at });
    return id;
  });
  for (const userId of userIds) {
    if (ctx.rng.chance(0.15)) continue;
    ctx.account.roles.get(ctx.rng.pick(roleIds))?.userIds.push(userId);
  }
}

/**
 * Each manager manages up to three active members (the first manager always includes the first member, so
 * the seeded manager credential sees the member credential's time). Managing people grants `people_manager`.
 */
function seedTeammates(ctx: SeedContext, userIds: number[]): void {
  const users = userIds.map((id) => ctx.account.users.get(id)!);
  const members = users.filter((u) => u.accessRole === 'member' && u.isActive);
  if (!members.length) return;
  for (const [n, manager] of users.filter((u) => u.accessRole === 'manager').entries()) {
    const picked = new Set<number>(n === 0 ? [members[0]!.id] : []);
    for (let k = 0; k < 6 && picked.size < Math.min(3, members.length); k++)
      picked.add(ctx.rng.pick(members).id);
    manager.teammateIds = [...picked];
    manager.extraAccessRoles = [...manager.extraAccessRoles, 'people_manager'];
  }
}
