import type { HarvestApprovalStatus } from '@harvest-connect/protocol';
import { dayToDate } from '../core/dates';
import type { TimeEntryRecord } from './records';

/** Bits of the packed `flags` column. */
export const TE_BILLABLE = 1;
export const TE_BILLED = 2;
export const TE_APPROVED = 4;
export const TE_EXTERNAL = 8;
export const TE_SUBMITTED = 16;

/** What `scan` hands to its visitor. */
export interface ScanRow {
  userId: number;
  projectId: number;
  taskId: number;
  hours: number;
  billable: boolean;
  isBilled: boolean;
}

/** A filter checked against packed columns and full records alike. */
export interface TimeEntryFilter {
  userIds?: ReadonlySet<number>;
  projectIds?: ReadonlySet<number>;
  taskId?: number;
  isBilled?: boolean;
  isRunning?: boolean;
  approvalStatus?: HarvestApprovalStatus;
  updatedSince?: number;
  fromDay?: number;
  toDay?: number;
  externalReferenceId?: string;
  /** Visibility: the entry is the user's own or on one of these projects (managers). */
  scope?: { userIds: ReadonlySet<number>; projectIds: ReadonlySet<number> };
}

export function rowStatus(flags: number): HarvestApprovalStatus {
  return flags & TE_APPROVED ? 'approved' : flags & TE_SUBMITTED ? 'submitted' : 'unsubmitted';
}

export function matchesRecord(r: TimeEntryRecord, f: TimeEntryFilter): boolean {
  if (f.userIds && !f.userIds.has(r.userId)) return false;
  if (f.scope && !f.scope.userIds.has(r.userId) && !f.scope.projectIds.has(r.projectId)) return false;
  if (f.projectIds && !f.projectIds.has(r.projectId)) return false;
  if (f.taskId !== undefined && r.taskId !== f.taskId) return false;
  if (f.isBilled !== undefined && f.isBilled !== r.isBilled) return false;
  if (f.isRunning !== undefined && f.isRunning !== (r.timerStartedAt !== null)) return false;
  if (f.approvalStatus !== undefined && f.approvalStatus !== r.approvalStatus) return false;
  if (f.fromDay !== undefined && r.spentDate < dayToDate(f.fromDay)) return false;
  if (f.toDay !== undefined && r.spentDate > dayToDate(f.toDay)) return false;
  if (f.updatedSince !== undefined && r.updatedAt < f.updatedSince) return false;
  if (f.externalReferenceId !== undefined && r.externalReference?.id !== f.externalReferenceId) return false;
  return true;
}
