import type { Context } from 'hono';
import type { SandboxEnv } from '../core/runtime';
import type { TimeEntryFilter } from '../store/time-entry-table';

/**
 * What the caller may see (fact sheet §5.5): administrators everything; managers their own entries, their
 * teammates' and those on projects they manage; members only their own.
 */
export function visibleScope(c: Context<SandboxEnv>): TimeEntryFilter['scope'] {
  const user = c.get('user');
  if (user.accessRole === 'administrator') return undefined;
  const projectIds = new Set<number>();
  const userIds = new Set<number>([user.id]);
  if (user.accessRole === 'manager') {
    for (const id of user.teammateIds) userIds.add(id);
    for (const ua of c.get('account').userAssignments.values()) {
      if (ua.userId === user.id && ua.isProjectManager) projectIds.add(ua.projectId);
    }
  }
  return { userIds, projectIds };
}

/** Whether one entry is within the caller's scope. */
export function canSee(
  scope: TimeEntryFilter['scope'],
  entry: { userId: number; projectId: number },
): boolean {
  return !scope || scope.userIds.has(entry.userId) || scope.projectIds.has(entry.projectId);
}
