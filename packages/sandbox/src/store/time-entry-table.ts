import { DAY_MS, dayToDate } from '../core/dates';
import type { ExternalReferenceRecord, TimeEntryRecord } from './records';
import {
  matchesRecord,
  rowStatus,
  type ScanRow,
  TE_APPROVED,
  TE_BILLABLE,
  TE_BILLED,
  TE_EXTERNAL,
  type TimeEntryFilter,
} from './time-entry-filter';

export {
  TE_APPROVED,
  TE_BILLABLE,
  TE_BILLED,
  TE_EXTERNAL,
  TE_SUBMITTED,
  type TimeEntryFilter,
} from './time-entry-filter';

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
  /** Row indices per user, built on the first per-user query: most lists are "my entries". */
  private byUser: Map<number, Int32Array> | null = null;
  private shadowedCount = 0;

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
    this.shadow(record.id - this.firstId);
    this.overlay.set(record.id, record);
  }

  delete(id: number): boolean {
    const existed = this.get(id) !== undefined;
    this.shadow(id - this.firstId);
    this.overlay.delete(id);
    return existed;
  }

  private shadow(i: number): void {
    if (i >= 0 && i < this.count && Number.isInteger(i) && !this.shadowed[i]) {
      this.shadowed[i] = 1;
      this.shadowedCount++;
    }
  }

  /** The only user a filter can match, if it pins one (a `user_id` filter or a member's scope). */
  private pinnedUser(f: TimeEntryFilter): number | null {
    if (f.userIds?.size === 1) return f.userIds.values().next().value ?? null;
    if (f.scope && f.scope.projectIds.size === 0) return f.scope.userId;
    return null;
  }

  /** Seeded rows that may match, newest (highest index) first. */
  private candidates(f: TimeEntryFilter): { length: number; at(k: number): number } {
    const user = this.pinnedUser(f);
    if (user === null) return { length: this.count, at: (k) => this.count - 1 - k };
    if (!this.byUser) {
      const counts = new Map<number, number>();
      for (let i = 0; i < this.count; i++) counts.set(this.users[i]!, (counts.get(this.users[i]!) ?? 0) + 1);
      const index = new Map<number, Int32Array>();
      const fill = new Map<number, number>();
      for (const [u, n] of counts) index.set(u, new Int32Array(n));
      for (let i = 0; i < this.count; i++) {
        const u = this.users[i]!;
        const k = fill.get(u) ?? 0;
        index.get(u)![k] = i;
        fill.set(u, k + 1);
      }
      this.byUser = index;
    }
    const rows = this.byUser.get(user) ?? new Int32Array(0);
    return { length: rows.length, at: (k) => rows[rows.length - 1 - k]! };
  }

  /** True when a filter constrains nothing the seeded columns hold: every live row matches. */
  private unfiltered(f: TimeEntryFilter): boolean {
    return (
      !f.userIds &&
      !f.projectIds &&
      f.taskId === undefined &&
      f.isBilled === undefined &&
      f.isRunning === undefined &&
      f.approvalStatus === undefined &&
      f.updatedSince === undefined &&
      f.fromDay === undefined &&
      f.toDay === undefined &&
      f.externalReferenceId === undefined &&
      !f.scope
    );
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
    // Without filters the total is known up front, so the walk can stop once the page is full.
    const knownTotal = this.unfiltered(filter) ? this.count - this.shadowedCount + extra.length : null;
    const rows = this.candidates(filter);
    for (let k = 0; k < rows.length && !skipBase; k++) {
      if (knownTotal !== null && total >= offset + limit) break;
      const i = rows.at(k);
      if (this.shadowed[i] || !this.matchesRow(i, filter)) continue;
      const day = j < extra.length ? dayToDate(this.days[i]!) : '';
      while (j < extra.length) {
        const r = extra[j]!;
        if (r.spentDate > day || (r.spentDate === day && r.id > this.firstId + i)) take(() => r);
        else break;
        j++;
      }
      take(() => this.expand(i));
    }
    if (knownTotal !== null && total >= offset + limit) return { total: knownTotal, items };
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
