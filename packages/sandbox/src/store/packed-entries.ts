import { DAY_MS, dayToDate } from '../core/dates';
import type { ExternalReferenceRecord, TimeEntryRecord } from './records';
import {
  rowStatus,
  type ScanRow,
  TE_APPROVED,
  TE_BILLABLE,
  TE_BILLED,
  TE_EXTERNAL,
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
 * Seeded time entries in typed-array columns (about 30 bytes each), sorted by (spent date, id); row `i` has
 * id `firstId + i`. Rows are expanded into full records only when served.
 *
 * @example
 * const packed = new PackedEntries(2_380_504_951, notes, accountId, { length: n, at: (i) => generate(i) });
 */
export class PackedEntries {
  readonly count: number;
  private readonly users: Int32Array;
  private readonly projects: Int32Array;
  private readonly tasks: Int32Array;
  private readonly days: Int32Array;
  private readonly starts: Uint16Array;
  private readonly minutes: Uint16Array;
  private readonly flags: Uint8Array;
  private readonly invoices: Int32Array;
  private readonly noteIdx: Uint16Array;
  /** Row indices per user, built on the first per-user query: most lists are "my entries". */
  private byUser: Map<number, Int32Array> | null = null;

  constructor(
    readonly firstId: number,
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
  }

  /** `YYYY-MM-DD` of row `i`. */
  date(i: number): string {
    return dayToDate(this.days[i]!);
  }

  /** Rows that may match, newest (highest index) first; a pinned user walks only that user's rows. */
  candidates(f: TimeEntryFilter): { length: number; at(k: number): number } {
    const user = pinnedUser(f);
    if (user === null) return { length: this.count, at: (k) => this.count - 1 - k };
    this.byUser ??= this.indexUsers();
    const rows = this.byUser.get(user) ?? new Int32Array(0);
    return { length: rows.length, at: (k) => rows[rows.length - 1 - k]! };
  }

  private indexUsers(): Map<number, Int32Array> {
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
    return index;
  }

  matches(i: number, f: TimeEntryFilter): boolean {
    const flags = this.flags[i]!;
    if (f.userIds && !f.userIds.has(this.users[i]!)) return false;
    if (f.scope && !f.scope.userIds.has(this.users[i]!) && !f.scope.projectIds.has(this.projects[i]!))
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

  expand(i: number): TimeEntryRecord {
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

  /** Fills the reusable scan row from row `i`. */
  scanRow(i: number, row: ScanRow): ScanRow {
    const flags = this.flags[i]!;
    row.userId = this.users[i]!;
    row.projectId = this.projects[i]!;
    row.taskId = this.tasks[i]!;
    row.hours = this.minutes[i]! / 60;
    row.billable = (flags & TE_BILLABLE) !== 0;
    row.isBilled = (flags & TE_BILLED) !== 0;
    return row;
  }
}

/** The only user a filter can match, if it pins one (a `user_id` filter or a member's scope). */
function pinnedUser(f: TimeEntryFilter): number | null {
  if (f.userIds?.size === 1) return f.userIds.values().next().value ?? null;
  if (f.scope && f.scope.projectIds.size === 0 && f.scope.userIds.size === 1)
    return f.scope.userIds.values().next().value ?? null;
  return null;
}

function externalId(i: number): string {
  return String(1000 + (i % 997));
}
