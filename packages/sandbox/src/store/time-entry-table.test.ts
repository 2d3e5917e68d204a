import { describe, expect, it } from 'vitest';
import type { TimeEntryRecord } from './records';
import { type PackedEntry, TimeEntryTable } from './time-entry-table';

const FIRST = 3_000_000_000;
const row = (i: number): PackedEntry => ({
  userId: i % 3 === 0 ? 7 : 8,
  projectId: 1,
  taskId: 1,
  day: 20_000 + Math.floor(i / 2),
  startMinute: 480,
  minutes: 60,
  flags: 0,
  invoiceId: 0,
  noteIndex: 0,
});

function table(n = 10) {
  return new TimeEntryTable(FIRST, ['note'], 1, { length: n, at: row });
}

describe('TimeEntryTable', () => {
  it('lists packed rows newest first and pages them', () => {
    const t = table();
    const all = t.list({}, 0, 100);
    expect(all.total).toBe(10);
    expect(all.items.map((e) => e.id)).toEqual([...Array(10).keys()].map((i) => FIRST + 9 - i));
    const page = t.list({}, 3, 2);
    expect(page.total).toBe(10);
    expect(page.items.map((e) => e.id)).toEqual([FIRST + 6, FIRST + 5]);
  });

  it('shadows a changed row with its overlay record, in spent-date order, and forgets deleted rows', () => {
    const t = table();
    const moved: TimeEntryRecord = { ...t.get(FIRST)!, spentDate: '2099-01-01', notes: 'moved' };
    t.put(moved);
    t.delete(FIRST + 5);
    const { total, items } = t.list({}, 0, 100);
    expect(total).toBe(9);
    expect(items[0]).toMatchObject({ id: FIRST, notes: 'moved' });
    expect(items.some((e) => e.id === FIRST + 5)).toBe(false);
    expect(t.get(FIRST + 5)).toBeUndefined();
    expect(t.list({}, 1, 1).items[0]!.id).toBe(FIRST + 9);
  });

  it('filters by a pinned user through its index and by scope', () => {
    const t = table();
    const mine = t.list({ userIds: new Set([7]) }, 0, 100);
    expect(mine.items.map((e) => e.id)).toEqual([FIRST + 9, FIRST + 6, FIRST + 3, FIRST]);
    expect(t.list({ scope: { userIds: new Set([8]), projectIds: new Set() } }, 0, 100).total).toBe(6);
    expect(t.list({ scope: { userIds: new Set([8]), projectIds: new Set([1]) } }, 0, 100).total).toBe(10);
  });

  it('counts running entries only from the overlay and scans hours', () => {
    const t = table(4);
    const id = t.allocateId();
    expect(id).toBeGreaterThan(FIRST + 4);
    t.put({ ...t.get(FIRST)!, id, timerStartedAt: 0, hoursWithoutTimer: 0 });
    expect(t.list({ isRunning: true }, 0, 10).items.map((e) => e.id)).toEqual([id]);
    let hours = 0;
    t.scan({}, 1_800_000, (r) => {
      hours += r.hours;
    });
    expect(hours).toBe(4.5);
  });
});
