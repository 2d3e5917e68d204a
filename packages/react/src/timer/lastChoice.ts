/** Where the last project and task chosen for a group are remembered, per account and group. */
function key(groupId: string, accountId?: string): string {
  return `harvest-connect:timer-choice:${accountId ?? ''}:${groupId}`;
}

/**
 * The last project and task chosen for this group, or null. Safe without `localStorage` (SSR, privacy modes).
 *
 * @example
 * const remembered = readLastChoice('project-9');
 */
export function readLastChoice(
  groupId: string,
  accountId?: string,
): { projectId: number; taskId: number } | null {
  try {
    const raw = globalThis.localStorage?.getItem(key(groupId, accountId));
    if (!raw) return null;
    const value = JSON.parse(raw) as { projectId?: unknown; taskId?: unknown };
    return typeof value.projectId === 'number' && typeof value.taskId === 'number'
      ? { projectId: value.projectId, taskId: value.taskId }
      : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the project and task chosen for this group.
 *
 * @example
 * writeLastChoice('project-9', { projectId: 7, taskId: 3 });
 */
export function writeLastChoice(
  groupId: string,
  choice: { projectId: number; taskId: number },
  accountId?: string,
) {
  try {
    globalThis.localStorage?.setItem(key(groupId, accountId), JSON.stringify(choice));
  } catch {
    // Storage full or denied: the choice is a convenience, not worth an error.
  }
}
