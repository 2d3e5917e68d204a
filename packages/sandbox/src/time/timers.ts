import { DAY_MS, dayToDate, msToDay } from '../core/dates';
import { HarvestError } from '../http/harvest-errors';
import type { TimeEntryRecord } from '../store/records';
import type { AccountStore } from '../store/store';

/** Minutes since (UTC) midnight of `ms`: the sandbox treats every user's local time as UTC. */
export const minuteOfDay = (ms: number) => Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);

/** Today's `spent_date` at `now`. */
export const today = (now: number) => dayToDate(msToDay(now));

/** Stops a running entry: folds the elapsed time into its hours (and sets `ended_time` in timestamp mode). */
export function stopEntry(account: AccountStore, entry: TimeEntryRecord, now: number): TimeEntryRecord {
  if (entry.timerStartedAt === null)
    throw HarvestError.unprocessable('Only running time entries can be stopped');
  entry.hoursWithoutTimer += Math.max(0, now - entry.timerStartedAt) / 3_600_000;
  entry.hoursWithoutTimer = Math.round(entry.hoursWithoutTimer * 3600) / 3600;
  entry.timerStartedAt = null;
  if (account.company.wants_timestamp_timers) entry.endedTime = minuteOfDay(now);
  entry.updatedAt = now;
  account.timeEntries.put(entry);
  return entry;
}

/** One running timer per user (fact sheet §5.5): starting another stops the running one. */
export function stopRunningFor(account: AccountStore, userId: number, now: number, except?: number): void {
  for (const entry of account.timeEntries.running()) {
    if (entry.userId === userId && entry.id !== except) stopEntry(account, entry, now);
  }
}

/**
 * Restarts a stopped entry. Duration mode keeps the id; timestamp mode returns a new running entry with a
 * new id (fact sheet §5.5; sandbox decision).
 */
export function restartEntry(account: AccountStore, entry: TimeEntryRecord, now: number): TimeEntryRecord {
  if (entry.timerStartedAt !== null)
    throw HarvestError.unprocessable('Only stopped time entries can be restarted');
  if (entry.isLocked) throw HarvestError.unprocessable('This time entry is locked and cannot be restarted');
  stopRunningFor(account, entry.userId, now, entry.id);
  if (!account.company.wants_timestamp_timers) {
    entry.timerStartedAt = now;
    entry.updatedAt = now;
    account.timeEntries.put(entry);
    return entry;
  }
  const fresh: TimeEntryRecord = {
    ...entry,
    id: account.timeEntries.allocateId(),
    spentDate: today(now),
    hoursWithoutTimer: 0,
    timerStartedAt: now,
    startedTime: minuteOfDay(now),
    endedTime: null,
    isLocked: false,
    lockedReason: null,
    approvalStatus: 'unsubmitted',
    isBilled: false,
    invoiceId: null,
    createdAt: now,
    updatedAt: now,
  };
  account.timeEntries.put(fresh);
  return fresh;
}
