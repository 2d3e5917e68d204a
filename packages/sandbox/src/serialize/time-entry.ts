import type { HarvestTimeEntry } from '@harvest-connect/protocol';
import { formatClockTime, isoDateTime } from '../core/dates';
import type { TaskAssignmentRecord, TimeEntryRecord, UserAssignmentRecord } from '../store/records';
import type { AccountStore } from '../store/store';
import { projectRef } from './work';

/** Lookups a page of entries needs, built once per request. */
export interface EntryLookups {
  account: AccountStore;
  now: number;
  userAssignment(projectId: number, userId: number): UserAssignmentRecord | undefined;
  taskAssignment(projectId: number, taskId: number): TaskAssignmentRecord | undefined;
}

/**
 * @example
 * const lookups = entryLookups(account, clock.now());
 */
export function entryLookups(account: AccountStore, now: number): EntryLookups {
  let ua: Index<UserAssignmentRecord> | undefined;
  let ta: Index<TaskAssignmentRecord> | undefined;
  return {
    account,
    now,
    userAssignment(p, u) {
      ua ??= indexOf(account.userAssignments, (r) => r.userId);
      return ua.get(p)?.get(u);
    },
    taskAssignment(p, t) {
      ta ??= indexOf(account.taskAssignments, (r) => r.taskId);
      return ta.get(p)?.get(t);
    },
  };
}

type Index<T> = Map<number, Map<number, T>>;
const indexes = new WeakMap<object, { version: number; index: Index<unknown> }>();

/**
 * (project, other id) -> assignment, cached per map. The cache key is cheap to recompute (size plus the sum
 * of ids), so adds and deletes rebuild it while a page of 2000 entries costs one pass, not 2000.
 */
function indexOf<T extends { id: number; projectId: number }>(
  map: Map<number, T>,
  other: (r: T) => number,
): Index<T> {
  let version = map.size;
  for (const id of map.keys()) version += id;
  const cached = indexes.get(map);
  if (cached && cached.version === version) return cached.index as Index<T>;
  const index: Index<T> = new Map();
  for (const r of map.values()) {
    const inner = index.get(r.projectId) ?? new Map<number, T>();
    index.set(r.projectId, inner);
    inner.set(other(r), r);
  }
  indexes.set(map, { version, index });
  return index;
}

/** Hours including a running timer's elapsed time, to two decimals. */
export function currentHours(entry: TimeEntryRecord, now: number): number {
  const running = entry.timerStartedAt === null ? 0 : Math.max(0, now - entry.timerStartedAt) / 3_600_000;
  return Math.round((entry.hoursWithoutTimer + running) * 100) / 100;
}

/** Time rounding up to the quarter hour (the docs' example: 2.11 -> 2.25). */
export function roundedHours(hours: number): number {
  return Math.ceil(Math.round(hours * 400) / 100) / 4;
}

const stamp = (ms: number) => isoDateTime(ms);

export function serializeTimeEntry(l: EntryLookups, e: TimeEntryRecord): HarvestTimeEntry {
  const { account } = l;
  const user = account.users.get(e.userId);
  const project = account.projects.get(e.projectId);
  const client = project ? account.clients.get(project.clientId) : undefined;
  const ua = l.userAssignment(e.projectId, e.userId);
  const ta = l.taskAssignment(e.projectId, e.taskId);
  const hours = currentHours(e, l.now);
  const timestamps = account.company.wants_timestamp_timers;
  const clock = account.company.clock;
  const invoice = e.invoiceId === null ? undefined : account.invoices.get(e.invoiceId);
  const ext = e.externalReference;
  return {
    id: e.id,
    spent_date: e.spentDate,
    user: { id: e.userId, name: user ? `${user.firstName} ${user.lastName}` : '' },
    client: {
      id: client?.id ?? 0,
      name: client?.name ?? '',
      currency: client?.currency ?? account.company.currency,
    },
    project: projectRef(account, e.projectId),
    task: { id: e.taskId, name: account.tasks.get(e.taskId)?.name ?? '' },
    user_assignment: {
      id: ua?.id ?? 0,
      is_project_manager: ua?.isProjectManager ?? false,
      is_active: ua?.isActive ?? false,
      use_default_rates: ua?.useDefaultRates ?? true,
      budget: ua?.budget ?? null,
      created_at: stamp(ua?.createdAt ?? e.createdAt),
      updated_at: stamp(ua?.updatedAt ?? e.createdAt),
      hourly_rate: ua?.hourlyRate ?? null,
    },
    task_assignment: {
      id: ta?.id ?? 0,
      billable: ta?.billable ?? false,
      is_active: ta?.isActive ?? false,
      created_at: stamp(ta?.createdAt ?? e.createdAt),
      updated_at: stamp(ta?.updatedAt ?? e.createdAt),
      hourly_rate: ta?.hourlyRate ?? null,
      budget: ta?.budget ?? null,
    },
    hours,
    hours_without_timer: Math.round(e.hoursWithoutTimer * 100) / 100,
    rounded_hours: roundedHours(hours),
    notes: e.notes,
    created_at: stamp(e.createdAt),
    updated_at: stamp(e.updatedAt),
    is_locked: e.isLocked,
    locked_reason: e.lockedReason,
    is_closed: e.approvalStatus === 'approved',
    approval_status: e.approvalStatus,
    is_billed: e.isBilled,
    timer_started_at: e.timerStartedAt === null ? null : stamp(e.timerStartedAt),
    started_time: timestamps && e.startedTime !== null ? formatClockTime(e.startedTime, clock) : null,
    ended_time:
      timestamps && e.endedTime !== null && e.timerStartedAt === null
        ? formatClockTime(e.endedTime, clock)
        : null,
    is_running: e.timerStartedAt !== null,
    invoice: invoice ? { id: invoice.id, number: invoice.number } : null,
    external_reference: ext
      ? {
          id: ext.id,
          group_id: ext.groupId,
          account_id: ext.accountId,
          permalink: ext.permalink,
          service: ext.service,
          service_icon_url: ext.serviceIconUrl,
        }
      : null,
    billable: e.billable,
    budgeted: project ? project.budgetBy !== 'none' : false,
    billable_rate: e.billable ? (ta?.hourlyRate ?? ua?.hourlyRate ?? project?.hourlyRate ?? null) : null,
    cost_rate: user?.costRate ?? null,
  };
}
