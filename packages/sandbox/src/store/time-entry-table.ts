import type { HarvestApprovalStatus } from '@harvest-connect/protocol';
import { DAY_MS, dayToDate } from '../core/dates';
import type { ExternalReferenceRecord, TimeEntryRecord } from './records';

/** Bits of the packed `flags` column. */
export const TE_BILLABLE = 1;
export const TE_BILLED = 2;
export const TE_APPROVED = 4;
export const TE_EXTERNAL = 8;
export const TE_SUBMITTED = 16;

export const APPROVED_REASON = 'Item Approved and Locked for this Time Period';
export const INVOICED_REASON = 'Item Invoiced and Locked for this Time Period';

/** One seeded entry as the generator hands it over. */
export interface PackedEntry {
  userId: number;
  projectId: number;
  taskId: number;
  day: number;
  startMinute: number;
  minutes: number;
  flags: number;
  invoiceId: number;
  noteIndex: number;
}

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
  scope?: { userId: number; projectIds: ReadonlySet<number> };
}

/**
 * Time entries of one account. Seeded entries (up to millions) sit in typed-array columns sorted by
 * (spent date, id); created or changed entries live as full records in an overlay that shadows the column
 * row. Lists merge both in Harvest's order (spent date, newest first) without materialising the whole set.
 *
 * @example
 * const table = new TimeEntryTable(2_380_000_000, notes, accountId, entries);
 * table.list({ userIds: new Set([42]) }, 0, 100);
 */
export class TimeEntryTable {
  private readonly count: number;
  private readonly users: Int32Array;
  private readonly projects: Int32Array;
  private readonly tasks: Int32Array;
  private readonly days: Int32Array;
  private readonly starts: Uint16Array;
  private readonly minutes: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly invoices: Int32Array;
  private readonly noteIdx: Uint16Array;
  private readonly shadowed: Uint8Array;
  private readonly overlay = new Map<number, TimeEntryRecord>();
  private nextId: number;

  constructor(
    private readonly firstId: number,
    private readonly notes: readonly string[],
    private readonly accountId: number,
    entries: { length: number; at(i: number): PackedEntry },
  ) {
    const n = entries.length;
    this.count = n;
    this.users = new Int32Array(n);
    this.projects = new Int32Array(n);
    this.tasks = new Int32Array(n);
    this.days = new Int32Array(n);
    this.starts = new Uint16Array(n);
    this.minutes = new Uint16Array(n);
    this.flags = new Uint8Array(n);
    this.invoices = new Int32Array(n);
    this.noteIdx = new Uint16Array(n);
    this.shadowed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const e = entries.at(i);
      this.users[i] = e.userId;
      this.projects[i] = e.projectId;
      this.tasks[i] = e.taskId;
      this.days[i] = e.day;
      this.starts[i] = e.startMinute;
      this.minutes[i] = e.minutes;
      this.flags[i] = e.flags;
      this.invoices[i] = e.invoiceId;
      this.noteIdx[i] = e.noteIndex;
    }
    this.nextId = firstId + n + 1000;
  }

  /** A fresh id, above every seeded one (all above 2^31, as real ids are). */
  allocateId(): number {
    return this.nextId++;
  }

  get(id: number): TimeEntryRecord | undefined {
    const own = this.overlay.get(id);
    if (own) return own;
    const i = id - this.firstId;
    if (!Number.isInteger(i) || i < 0 || i >= this.count || this.shadowed[i]) return undefined;
    return this.expand(i);
  }

  /** Stores a new or changed entry; a changed seeded row is shadowed by it. */
  put(record: TimeEntryRecord): void {
    const i = record.id - this.firstId;
    if (i >= 0 && i < this.count) this.shadowed[i] = 1;
    this.overlay.set(record.id, record);
  }

  delete(id: number): boolean {
    const existed = this.get(id) !== undefined;
    const i = id - this.firstId;
    if (i >= 0 && i < this.count) this.shadowed[i] = 1;
    this.overlay.delete(id);
    return existed;
  }

  /** Running entries live only in the overlay (seeded rows are all stopped). */
  running(): TimeEntryRecord[] {
    return [...this.overlay.values()].filter((r) => r.timerStartedAt !== null);
  }

  /** Does any entry (seeded or not) satisfy `test`? Used by delete rules. */
  some(filter: TimeEntryFilter): boolean {
    return this.list(filter, 0, 0).total > 0;
  }

  /** Total matches and the rows in [offset, offset + limit), spent date newest first, then id. */
  list(filter: TimeEntryFilter, offset: number, limit: number): { total: number; items: TimeEntryRecord[] } {
    const extra = [...this.overlay.values()]
      .filter((r) => matchesRecord(r, filter))
      .sort((a, b) => (a.spentDate === b.spentDate ? b.id - a.id : a.spentDate < b.spentDate ? 1 : -1));
    const items: TimeEntryRecord[] = [];
    let total = 0;
    let j = 0;
    const take = (make: () => TimeEntryRecord) => {
      if (total >= offset && total < offset + limit) items.push(make());
      total++;
    };
    const skipBase = filter.isRunning === true;
    for (let i = this.count - 1; i >= 0; i--) {
      if (skipBase || this.shadowed[i] || !this.matchesRow(i, filter)) continue;
      const day = j < extra.length ? dayToDate(this.days[i]!) : '';
      while (j < extra.length) {
        const r = extra[j]!;
        if (r.spentDate > day || (r.spentDate === day && r.id > this.firstId + i)) take(() => r);
        else break;
        j++;
      }
      take(() => this.expand(i));
    }
    for (; j < extra.length; j++) {
      const r = extra[j]!;
      take(() => r);
    }
    return { total, items };
  }

  /**
   * Visits every matching entry without building records (reports over a million rows). The row object is
   * reused between calls: copy what you keep.
   */
  scan(filter: TimeEntryFilter, now: number, visit: (row: ScanRow) => void): void {
    const row: ScanRow = { userId: 0, projectId: 0, taskId: 0, hours: 0, billable: false, isBilled: false };
    if (filter.isRunning !== true) {
      for (let i = 0; i < this.count; i++) {
        if (this.shadowed[i] || !this.matchesRow(i, filter)) continue;
        const flags = this.flags[i]!;
        row.userId = this.users[i]!;
        row.projectId = this.projects[i]!;
        row.taskId = this.tasks[i]!;
        row.hours = this.minutes[i]! / 60;
        row.billable = (flags & TE_BILLABLE) !== 0;
        row.isBilled = (flags & TE_BILLED) !== 0;
        visit(row);
      }
    }
    for (const r of this.overlay.values()) {
      if (!matchesRecord(r, filter)) continue;
      const running = r.timerStartedAt === null ? 0 : Math.max(0, now - r.timerStartedAt) / 3_600_000;
      Object.assign(row, {
        userId: r.userId,
        projectId: r.projectId,
        taskId: r.taskId,
        hours: r.hoursWithoutTimer + running,
        billable: r.billable,
        isBilled: r.isBilled,
      });
      visit(row);
    }
  }

  private matchesRow(i: number, f: TimeEntryFilter): boolean {
    const flags = this.flags[i]!;
    if (f.userIds && !f.userIds.has(this.users[i]!)) return false;
    if (f.scope && this.users[i] !== f.scope.userId && !f.scope.projectIds.has(this.projects[i]!))
      return false;
    if (f.projectIds && !f.projectIds.has(this.projects[i]!)) return false;
    if (f.taskId !== undefined && this.tasks[i] !== f.taskId) return false;
    if (f.isBilled !== undefined && f.isBilled !== ((flags & TE_BILLED) !== 0)) return false;
    if (f.approvalStatus !== undefined && f.approvalStatus !== rowStatus(flags)) return false;
    if (f.fromDay !== undefined && this.days[i]! < f.fromDay) return false;
    if (f.toDay !== undefined && this.days[i]! > f.toDay) return false;
    if (f.updatedSince !== undefined && this.rowStamp(i) < f.updatedSince) return false;
    if (f.externalReferenceId !== undefined) {
      if (!(flags & TE_EXTERNAL) || externalId(i) !== f.externalReferenceId) return false;
    }
    return true;
  }

  private rowStamp(i: number): number {
    return this.days[i]! * DAY_MS + (this.starts[i]! + this.minutes[i]!) * 60_000;
  }

  private expand(i: number): TimeEntryRecord {
    const flags = this.flags[i]!;
    const stamp = this.rowStamp(i);
    const billed = (flags & TE_BILLED) !== 0;
    const approved = (flags & TE_APPROVED) !== 0;
    return {
      id: this.firstId + i,
      userId: this.users[i]!,
      projectId: this.projects[i]!,
      taskId: this.tasks[i]!,
      spentDate: dayToDate(this.days[i]!),
      hoursWithoutTimer: Math.round((this.minutes[i]! / 60) * 100) / 100,
      timerStartedAt: null,
      startedTime: this.starts[i]!,
      endedTime: this.starts[i]! + this.minutes[i]!,
      notes: this.notes[this.noteIdx[i]!] ?? null,
      isLocked: billed || approved,
      lockedReason: billed ? INVOICED_REASON : approved ? APPROVED_REASON : null,
      approvalStatus: rowStatus(flags),
      isBilled: billed,
      invoiceId: billed && this.invoices[i]! > 0 ? this.invoices[i]! : null,
      externalReference: flags & TE_EXTERNAL ? this.externalReference(i) : null,
      billable: (flags & TE_BILLABLE) !== 0,
      createdAt: stamp,
      updatedAt: stamp,
    };
  }

  private externalReference(i: number): ExternalReferenceRecord {
    const id = externalId(i);
    const group = String(100 + (i % 37));
    return {
      id,
      groupId: group,
      accountId: String(this.accountId),
      permalink: `https://tracker.example.com/projects/${group}/issues/${id}`,
      service: 'tracker.example.com',
      serviceIconUrl: 'https://tracker.example.com/favicon.png',
    };
  }
}

function externalId(i: number): string {
  return String(1000 + (i % 997));
}

function rowStatus(flags: number): HarvestApprovalStatus {
  return flags & TE_APPROVED ? 'approved' : flags & TE_SUBMITTED ? 'submitted' : 'unsubmitted';
}

function matchesRecord(r: TimeEntryRecord, f: TimeEntryFilter): boolean {
  if (f.userIds && !f.userIds.has(r.userId)) return false;
  if (f.scope && r.userId !== f.scope.userId && !f.scope.projectIds.has(r.projectId)) return false;
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
