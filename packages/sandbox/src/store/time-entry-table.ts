import { PackedEntries, type PackedEntry } from './packed-entries';
import type { TimeEntryRecord } from './records';
import { matchesRecord, type ScanRow, type TimeEntryFilter } from './time-entry-filter';

export { APPROVED_REASON, INVOICED_REASON, type PackedEntry } from './packed-entries';
export {
  TE_APPROVED,
  TE_BILLABLE,
  TE_BILLED,
  TE_EXTERNAL,
  TE_SUBMITTED,
  type TimeEntryFilter,
} from './time-entry-filter';

/**
 * Time entries of one account. Seeded entries (up to millions) sit packed in typed-array columns; created or
 * changed entries live as full records in an overlay that shadows the packed row. Lists merge both in
 * Harvest's order (spent date, newest first) without materialising the whole set.
 *
 * @example
 * const table = new TimeEntryTable(2_380_000_000, notes, accountId, entries);
 * table.list({ userIds: new Set([42]) }, 0, 100);
 */
export class TimeEntryTable {
  private readonly packed: PackedEntries;
  private readonly shadowed: Uint8Array;
  private shadowedCount = 0;
  private readonly overlay = new Map<number, TimeEntryRecord>();
  private nextId: number;

  constructor(
    firstId: number,
    notes: readonly string[],
    accountId: number,
    entries: { length: number; at(i: number): PackedEntry },
  ) {
    this.packed = new PackedEntries(firstId, notes, accountId, entries);
    this.shadowed = new Uint8Array(this.packed.count);
    this.nextId = firstId + this.packed.count + 1000;
  }

  /** A fresh id, above every seeded one (all above 2^31, as real ids are). */
  allocateId(): number {
    return this.nextId++;
  }

  get(id: number): TimeEntryRecord | undefined {
    const own = this.overlay.get(id);
    if (own) return own;
    const i = id - this.packed.firstId;
    if (!Number.isInteger(i) || i < 0 || i >= this.packed.count || this.shadowed[i]) return undefined;
    return this.packed.expand(i);
  }

  /** Stores a new or changed entry; a changed seeded row is shadowed by it. */
  put(record: TimeEntryRecord): void {
    this.shadow(record.id - this.packed.firstId);
    this.overlay.set(record.id, record);
  }

  delete(id: number): boolean {
    const existed = this.get(id) !== undefined;
    this.shadow(id - this.packed.firstId);
    this.overlay.delete(id);
    return existed;
  }

  private shadow(i: number): void {
    if (Number.isInteger(i) && i >= 0 && i < this.packed.count && !this.shadowed[i]) {
      this.shadowed[i] = 1;
      this.shadowedCount++;
    }
  }

  /** Running entries live only in the overlay (seeded rows are all stopped). */
  running(): TimeEntryRecord[] {
    return [...this.overlay.values()].filter((r) => r.timerStartedAt !== null);
  }

  /** Does any entry (seeded or not) match? Used by delete rules. */
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
    const knownTotal = unfiltered(filter) ? this.packed.count - this.shadowedCount + extra.length : null;
    const rows = this.packed.candidates(filter);
    for (let k = 0; k < rows.length && !skipBase; k++) {
      if (knownTotal !== null && total >= offset + limit) break;
      const i = rows.at(k);
      if (this.shadowed[i] || !this.packed.matches(i, filter)) continue;
      const day = j < extra.length ? this.packed.date(i) : '';
      while (j < extra.length) {
        const r = extra[j]!;
        if (r.spentDate > day || (r.spentDate === day && r.id > this.packed.firstId + i)) take(() => r);
        else break;
        j++;
      }
      take(() => this.packed.expand(i));
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
      for (let i = 0; i < this.packed.count; i++) {
        if (!this.shadowed[i] && this.packed.matches(i, filter)) visit(this.packed.scanRow(i, row));
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
}

/** True when a filter constrains nothing the seeded columns hold: every live row matches. */
function unfiltered(f: TimeEntryFilter): boolean {
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
