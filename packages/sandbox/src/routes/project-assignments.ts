import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, visibleUsers } from '../http/access';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, listFilters, newestFirst, readQuery } from '../http/query';
import { serializeProjectAssignment, taskAssignmentsByProject } from '../serialize/work';
import type { AccountStore } from '../store/store';

function activeAssignments(account: AccountStore, userId: number) {
  // Active assignments on active projects only (fact sheet §5.4).
  return newestFirst(
    [...account.userAssignments.values()].filter(
      (ua) => ua.userId === userId && ua.isActive && account.projects.get(ua.projectId)?.isActive !== false,
    ),
  );
}

/**
 * `/v2/users/me/project_assignments` (any user, page-based: sandbox decision) and
 * `/v2/users/{id}/project_assignments` (cursor, `updated_since`). Both list active assignments only.
 */
export function projectAssignmentsRoutes(_rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/users/me/project_assignments', (c) => {
    const account = c.get('account');
    const paging = readPaging(c, { cursor: false });
    const tasks = taskAssignmentsByProject(account);
    const rows = activeAssignments(account, c.get('user').id);
    return c.json(
      paginate(c, 'project_assignments', rows, paging, (ua) =>
        serializeProjectAssignment(account, ua, tasks),
      ),
    );
  });
  app.get('/users/:id/project_assignments', (c) => {
    const account = c.get('account');
    const user = found(account.users.get(pathId(c)));
    if (user.id !== c.get('user').id && visibleUsers(c)?.has(user.id) === false)
      throw HarvestError.forbidden();
    const f = readQuery(c, listFilters);
    const paging = readPaging(c, { cursor: true });
    const tasks = taskAssignmentsByProject(account);
    const rows = applyCommon(activeAssignments(account, user.id), { updated_since: f.updated_since });
    return c.json(
      paginate(c, 'project_assignments', rows, paging, (ua) =>
        serializeProjectAssignment(account, ua, tasks),
      ),
    );
  });
  return app;
}
