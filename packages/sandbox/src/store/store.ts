import type { HarvestBaseAccessRole } from '@harvest-connect/protocol';
import type { IdAllocator } from './ids';
import type {
  ClientRecord,
  CompanyRecord,
  ExpenseCategoryRecord,
  ExpenseRecord,
  InvoiceRecord,
  MessageRecord,
  PaymentRecord,
  ProjectRecord,
  RateRecord,
  RoleRecord,
  TaskAssignmentRecord,
  TaskRecord,
  UserAssignmentRecord,
  UserRecord,
} from './records';
import type { TimeEntryTable } from './time-entry-table';

/** One Harvest account (a company) and everything in it. */
export interface AccountStore {
  id: number;
  company: CompanyRecord;
  users: Map<number, UserRecord>;
  roles: Map<number, RoleRecord>;
  billableRates: Map<number, RateRecord>;
  costRates: Map<number, RateRecord>;
  clients: Map<number, ClientRecord>;
  projects: Map<number, ProjectRecord>;
  tasks: Map<number, TaskRecord>;
  userAssignments: Map<number, UserAssignmentRecord>;
  taskAssignments: Map<number, TaskAssignmentRecord>;
  invoices: Map<number, InvoiceRecord>;
  payments: Map<number, PaymentRecord>;
  messages: Map<number, MessageRecord>;
  expenseCategories: Map<number, ExpenseCategoryRecord>;
  expenses: Map<number, ExpenseRecord>;
  timeEntries: TimeEntryTable;
}

/** A Harvest ID person: one login, one user in each account they belong to. */
export interface Identity {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  memberships: Array<{ accountId: number; userId: number }>;
}

/** People the control API hands out credentials for. */
export interface SeededPeople {
  administrator: number;
  manager: number;
  member: number;
  /** The identity that belongs to two accounts. */
  multiAccount: number;
}

/** The whole in-memory world. */
export interface SandboxStore {
  accounts: Map<number, AccountStore>;
  identities: Map<number, Identity>;
  people: SeededPeople;
  ids: IdAllocator;
  /** Deterministic personal access tokens, by identity id. */
  personalTokens: Map<number, string>;
}

/** The base access role of `identity` in `account`, or null when not a member. */
export function membership(
  store: SandboxStore,
  identityId: number,
  accountId: number,
): { account: AccountStore; user: { id: number; accessRole: HarvestBaseAccessRole } } | null {
  const identity = store.identities.get(identityId);
  const account = store.accounts.get(accountId);
  const link = identity?.memberships.find((m) => m.accountId === accountId);
  const user = link && account?.users.get(link.userId);
  return account && user ? { account, user } : null;
}
