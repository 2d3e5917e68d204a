import { DAY_MS, dayToDate, msToDay } from '../core/dates';
import {
  type PackedEntry,
  TE_APPROVED,
  TE_BILLABLE,
  TE_BILLED,
  TE_EXTERNAL,
  TE_SUBMITTED,
  TimeEntryTable,
} from '../store/time-entry-table';
import type { SeedContext } from './context';
import { NOTES } from './names';
import type { WorkPlan } from './seed-work';

/** The first seeded time entry id: above 2^31, like real ones (fact sheet §5.5). */
export const FIRST_TIME_ENTRY_ID = 2_380_504_951;

/**
 * Packs `count` stopped entries spread over `days` days before the anchor, oldest first. Old entries are
 * approved and locked, some billable ones are billed to an invoice of their client, some carry an
 * `external_reference`.
 *
 * @example
 * account.timeEntries = seedTime(ctx, plan, billable, 3000, 120);
 */
export function seedTime(
  ctx: SeedContext,
  plan: WorkPlan,
  invoicesByClient: Map<number, number[]>,
  count: number,
  days: number,
  firstId = FIRST_TIME_ENTRY_ID,
): TimeEntryTable {
  const { rng, account } = ctx;
  const today = msToDay(ctx.now);
  const first = today - days;
  const users = [...plan.userProjects.keys()].filter((id) => account.users.get(id)?.isActive);
  // Billability per (project, task): looked up once per entry, so keep it in a flat map.
  const billable = new Map<string, boolean>();
  for (const ta of account.taskAssignments.values())
    billable.set(`${ta.projectId}:${ta.taskId}`, ta.billable);
  const entry: PackedEntry = {
    userId: 0,
    projectId: 0,
    taskId: 0,
    day: 0,
    startMinute: 0,
    minutes: 0,
    flags: 0,
    invoiceId: 0,
    noteIndex: 0,
  };
  const at = (i: number): PackedEntry => {
    const day = first + Math.floor((i * days) / Math.max(1, count));
    const userId = users.length ? users[Math.floor(rng.next() * users.length)]! : 0;
    const projects = plan.userProjects.get(userId) ?? [0];
    const projectId = projects[Math.floor(rng.next() * projects.length)]!;
    const tasks = plan.projectTasks.get(projectId) ?? [0];
    const taskId = tasks[Math.floor(rng.next() * tasks.length)]!;
    const age = today - day;
    let flags = billable.get(`${projectId}:${taskId}`) ? TE_BILLABLE : 0;
    let invoiceId = 0;
    if (age > 30) flags |= rng.next() < 0.7 ? TE_APPROVED : 0;
    else if (age > 7 && rng.next() < 0.5) flags |= TE_SUBMITTED;
    if (flags & TE_BILLABLE && age > 45 && rng.next() < 0.6) {
      const invoices = invoicesByClient.get(plan.projectClient.get(projectId) ?? 0);
      if (invoices?.length) {
        flags |= TE_BILLED;
        invoiceId = invoices[Math.floor(rng.next() * invoices.length)]!;
      }
    }
    if (rng.next() < 0.08) flags |= TE_EXTERNAL;
    entry.userId = userId;
    entry.projectId = projectId;
    entry.taskId = taskId;
    entry.day = day;
    entry.startMinute = 8 * 60 + 15 * Math.floor(rng.next() * 16);
    entry.minutes = 15 * (1 + Math.floor(rng.next() * 24));
    entry.flags = flags;
    entry.invoiceId = invoiceId;
    entry.noteIndex = Math.floor(rng.next() * NOTES.length);
    return entry;
  };
  return new TimeEntryTable(firstId, NOTES, account.id, { length: count, at });
}

/** Starts the one seeded running timer: `userId` has been working for 47 minutes. */
export function seedRunningTimer(ctx: SeedContext, plan: WorkPlan, userId: number): void {
  const { account } = ctx;
  const projectId = plan.userProjects.get(userId)?.find((id) => account.projects.get(id)?.isActive);
  const taskId = projectId === undefined ? undefined : plan.projectTasks.get(projectId)?.[0];
  if (projectId === undefined || taskId === undefined) return;
  const started = ctx.now - 47 * 60_000;
  const minuteOfDay = Math.floor((started % DAY_MS) / 60_000);
  account.timeEntries.put({
    id: account.timeEntries.allocateId(),
    userId,
    projectId,
    taskId,
    spentDate: dayToDate(msToDay(started)),
    hoursWithoutTimer: 0,
    timerStartedAt: started,
    startedTime: minuteOfDay,
    endedTime: null,
    notes: 'Pairing on the checkout flow',
    isLocked: false,
    lockedReason: null,
    approvalStatus: 'unsubmitted',
    isBilled: false,
    invoiceId: null,
    externalReference: null,
    billable: true,
    createdAt: started,
    updatedAt: started,
  });
}
