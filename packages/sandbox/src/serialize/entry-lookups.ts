import type { TaskAssignmentRecord, UserAssignmentRecord } from '../store/records';
import type { AccountStore } from '../store/store';

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
