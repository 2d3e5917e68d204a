import { createPrng } from '../core/prng';
import { createIdAllocator, type IdAllocator } from '../store/ids';
import type { AccountStore, Identity, SandboxStore } from '../store/store';
import { TimeEntryTable } from '../store/time-entry-table';
import type { SeedContext } from './context';
import { COMPANY_SUFFIXES, COMPANY_WORDS } from './names';
import { seedBilling } from './seed-billing';
import { seedCompany } from './seed-company';
import { seedPeople } from './seed-people';
import { FIRST_TIME_ENTRY_ID, seedRunningTimer, seedTime } from './seed-time';
import { seedWork } from './seed-work';

/** How much data to generate. */
export interface SeedOptions {
  seed: string | number;
  users: number;
  timeEntries: number;
  /** Clock reading the data is anchored to (epoch ms). */
  now: number;
  timestampTimers: boolean;
}

/** Counts for the named scales (`large` meets the 10,000 users and 1,000,000 entries). */
export const SCALES = {
  small: { users: 24, timeEntries: 3000 },
  large: { users: 10_000, timeEntries: 1_000_000 },
} as const;

/**
 * Builds the whole world from a seed: a main company, a second smaller company, and one person who belongs
 * to both (a member in the first, an administrator in the second).
 *
 * @example
 * const store = seedStore({ seed: 'demo', ...SCALES.small, now: Date.now(), timestampTimers: false });
 */
export function seedStore(options: SeedOptions): SandboxStore {
  const rng = createPrng(options.seed);
  const ids = createIdAllocator();
  const identities = new Map<number, Identity>();
  const word = rng.pick(COMPANY_WORDS);
  const mainName = `${word} ${rng.pick(COMPANY_SUFFIXES)}`;
  const main = buildAccount(ids, mainName, options.timestampTimers);
  const mainCtx: SeedContext = {
    rng,
    ids,
    account: main,
    identities,
    now: options.now,
    domain: `${slug(mainName)}.example`,
  };
  const users = seedPeople(mainCtx, Math.max(3, options.users));
  const plan = seedWork(mainCtx, users, Math.max(6, Math.round(options.users / 50)));
  const billed = seedBilling(mainCtx, plan, users[0]!, 3);
  main.timeEntries = seedTime(mainCtx, plan, billed, options.timeEntries, 120);
  seedRunningTimer(mainCtx, plan, users[2]!);

  const secondName = `${rng.pick(COMPANY_WORDS.filter((w) => w !== word))} Consulting`;
  const second = buildAccount(ids, secondName, false);
  const secondCtx: SeedContext = { ...mainCtx, account: second, domain: `${slug(secondName)}.example` };
  const secondUsers = seedPeople(secondCtx, 5);
  const secondPlan = seedWork(secondCtx, secondUsers, 2);
  const secondBilled = seedBilling(secondCtx, secondPlan, secondUsers[0]!, 2);
  // The person of both accounts: administrator of the second company (its first user), member in the first.
  const dual = identities.get(second.users.get(secondUsers[0]!)!.identityId)!;
  const dualUserId = ids.next('user');
  const at = options.now - 200 * 86_400_000;
  main.users.set(dualUserId, {
    ...second.users.get(secondUsers[0]!)!,
    id: dualUserId,
    accessRole: 'member',
    extraAccessRoles: [],
    teammateIds: [],
    hasAccessToAllFutureProjects: false,
    createdAt: at,
    updatedAt: at,
  });
  dual.memberships.unshift({ accountId: main.id, userId: dualUserId });
  const firstProject = [...main.projects.keys()][0]!;
  const uaId = ids.next('userAssignment');
  main.userAssignments.set(uaId, {
    id: uaId,
    projectId: firstProject,
    userId: dualUserId,
    isActive: true,
    isProjectManager: false,
    useDefaultRates: true,
    hourlyRate: null,
    budget: null,
    createdAt: at,
    updatedAt: at,
  });
  second.timeEntries = seedTime(
    secondCtx,
    secondPlan,
    secondBilled,
    60,
    60,
    FIRST_TIME_ENTRY_ID + 900_000_000,
  );

  const people = {
    administrator: main.users.get(users[0]!)!.identityId,
    manager: main.users.get(users[1]!)!.identityId,
    member: main.users.get(users[2]!)!.identityId,
    multiAccount: dual.id,
  };
  const personalTokens = new Map<number, string>();
  for (const identityId of Object.values(people))
    personalTokens.set(identityId, `${identityId}.pt.${rng.hex(40)}`);
  return {
    accounts: new Map([
      [main.id, main],
      [second.id, second],
    ]),
    identities,
    people,
    ids,
    personalTokens,
  };
}

function buildAccount(ids: IdAllocator, name: string, timestampTimers: boolean): AccountStore {
  return {
    id: ids.next('account'),
    company: seedCompany(name, slug(name), timestampTimers),
    users: new Map(),
    roles: new Map(),
    billableRates: new Map(),
    costRates: new Map(),
    clients: new Map(),
    projects: new Map(),
    tasks: new Map(),
    userAssignments: new Map(),
    taskAssignments: new Map(),
    invoices: new Map(),
    payments: new Map(),
    messages: new Map(),
    expenseCategories: new Map(),
    expenses: new Map(),
    timeEntries: new TimeEntryTable(0, [], 0, { length: 0, at: () => ({}) as never }),
  };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
