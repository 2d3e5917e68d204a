import type { HarvestTimeEntry } from '@harvest-connect/protocol';
import { formatClockTime, isoDateTime } from '../core/dates';
import type { TimeEntryRecord } from '../store/records';
import type { EntryLookups } from './entry-lookups';
import { entryRefs } from './entry-refs';

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
  const ta = l.taskAssignment(e.projectId, e.taskId);
  // Indexed lookups, also made by entryRefs: cheaper to repeat than to thread the records through.
  const project = account.projects.get(e.projectId);
  const rateOwner = l.userAssignment(e.projectId, e.userId);
  const hours = currentHours(e, l.now);
  const timestamps = account.company.wants_timestamp_timers;
  const clock = account.company.clock;
  const ext = e.externalReference;
  return {
    id: e.id,
    spent_date: e.spentDate,
    ...entryRefs(l, e),
    task: { id: e.taskId, name: account.tasks.get(e.taskId)?.name ?? '' },
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
    billable_rate: e.billable
      ? (ta?.hourlyRate ?? rateOwner?.hourlyRate ?? project?.hourlyRate ?? null)
      : null,
    cost_rate: account.users.get(e.userId)?.costRate ?? null,
  };
}
