import type {
  HarvestClient,
  HarvestProject,
  HarvestProjectAssignment,
  HarvestProjectRef,
  HarvestTask,
  HarvestTaskAssignment,
  HarvestUserAssignment,
} from '@harvest-connect/protocol';
import { isoDateTime } from '../core/dates';
import type {
  ClientRecord,
  ProjectRecord,
  TaskAssignmentRecord,
  TaskRecord,
  UserAssignmentRecord,
} from '../store/records';
import type { AccountStore } from '../store/store';

const stamps = (r: { createdAt: number; updatedAt: number }) => ({
  created_at: isoDateTime(r.createdAt),
  updated_at: isoDateTime(r.updatedAt),
});

export function serializeClient(c: ClientRecord): HarvestClient {
  return {
    id: c.id,
    name: c.name,
    is_active: c.isActive,
    address: c.address,
    statement_key: c.statementKey,
    currency: c.currency,
    ...stamps(c),
  };
}

/** `{id, name, code}` of a project; tolerates a deleted project. */
export function projectRef(account: AccountStore, id: number | null): HarvestProjectRef {
  const p = id === null ? undefined : account.projects.get(id);
  return { id: id ?? 0, name: p?.name ?? '', code: p?.code ?? null };
}

export function serializeProject(account: AccountStore, p: ProjectRecord): HarvestProject {
  const client = account.clients.get(p.clientId);
  return {
    id: p.id,
    client: {
      id: p.clientId,
      name: client?.name ?? '',
      currency: client?.currency ?? account.company.currency,
    },
    name: p.name,
    code: p.code,
    is_active: p.isActive,
    is_billable: p.isBillable,
    is_fixed_fee: p.isFixedFee,
    bill_by: p.billBy,
    hourly_rate: p.hourlyRate,
    budget_by: p.budgetBy,
    budget_is_monthly: p.budgetIsMonthly,
    budget: p.budget,
    cost_budget: p.costBudget,
    cost_budget_include_expenses: p.costBudgetIncludeExpenses,
    notify_when_over_budget: p.notifyWhenOverBudget,
    over_budget_notification_percentage: p.overBudgetNotificationPercentage,
    over_budget_notification_date: null,
    show_budget_to_all: p.showBudgetToAll,
    fee: p.fee,
    notes: p.notes,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    ...stamps(p),
  };
}

export function serializeTask(t: TaskRecord): HarvestTask {
  return {
    id: t.id,
    name: t.name,
    billable_by_default: t.billableByDefault,
    default_hourly_rate: t.defaultHourlyRate,
    is_default: t.isDefault,
    is_active: t.isActive,
    ...stamps(t),
  };
}

export function serializeUserAssignment(
  account: AccountStore,
  ua: UserAssignmentRecord,
): HarvestUserAssignment {
  const user = account.users.get(ua.userId);
  return {
    id: ua.id,
    project: projectRef(account, ua.projectId),
    user: { id: ua.userId, name: user ? `${user.firstName} ${user.lastName}` : '' },
    is_active: ua.isActive,
    is_project_manager: ua.isProjectManager,
    use_default_rates: ua.useDefaultRates,
    hourly_rate: ua.hourlyRate,
    budget: ua.budget,
    ...stamps(ua),
  };
}

export function serializeTaskAssignment(
  account: AccountStore,
  ta: TaskAssignmentRecord,
): HarvestTaskAssignment {
  return {
    id: ta.id,
    project: projectRef(account, ta.projectId),
    task: { id: ta.taskId, name: account.tasks.get(ta.taskId)?.name ?? '' },
    is_active: ta.isActive,
    billable: ta.billable,
    hourly_rate: ta.hourlyRate,
    budget: ta.budget,
    ...stamps(ta),
  };
}

/** Task assignments grouped by project, built once per list (fact sheet §5.4 keeps their order stable). */
export function taskAssignmentsByProject(account: AccountStore): Map<number, TaskAssignmentRecord[]> {
  const out = new Map<number, TaskAssignmentRecord[]>();
  for (const ta of account.taskAssignments.values()) {
    if (!ta.isActive) continue;
    const list = out.get(ta.projectId);
    if (list) list.push(ta);
    else out.set(ta.projectId, [ta]);
  }
  return out;
}

export function serializeProjectAssignment(
  account: AccountStore,
  ua: UserAssignmentRecord,
  tasks: Map<number, TaskAssignmentRecord[]>,
): HarvestProjectAssignment {
  const project = account.projects.get(ua.projectId);
  const client = project ? account.clients.get(project.clientId) : undefined;
  return {
    id: ua.id,
    is_project_manager: ua.isProjectManager,
    is_active: ua.isActive,
    use_default_rates: ua.useDefaultRates,
    hourly_rate: ua.hourlyRate,
    budget: ua.budget,
    ...stamps(ua),
    project: projectRef(account, ua.projectId),
    client: { id: client?.id ?? 0, name: client?.name ?? '' },
    task_assignments: (tasks.get(ua.projectId) ?? []).map((ta) => {
      const { project: _p, ...rest } = serializeTaskAssignment(account, ta);
      return rest;
    }),
  };
}
