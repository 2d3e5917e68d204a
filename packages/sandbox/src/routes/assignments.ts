import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, listFilters, newestFirst, readQuery } from '../http/query';
import { validate, zBool, zId, zNumber } from '../http/validate';
import { serializeTaskAssignment, serializeUserAssignment } from '../serialize/work';
import type { TaskAssignmentRecord, UserAssignmentRecord } from '../store/records';

const uaFields = {
  user_id: zId,
  is_active: zBool.optional(),
  is_project_manager: zBool.optional(),
  use_default_rates: zBool.optional(),
  hourly_rate: zNumber.nullish(),
  budget: zNumber.nullish(),
};
const taFields = {
  task_id: zId,
  is_active: zBool.optional(),
  billable: zBool.optional(),
  hourly_rate: zNumber.nullish(),
  budget: zNumber.nullish(),
};

const uaUpdate = z.object(uaFields).omit({ user_id: true }).partial();
const taUpdate = z.object(taFields).omit({ task_id: true }).partial();

/**
 * User and task assignments (fact sheet §5.11): global cursor lists, per-project page-based lists and
 * create/update/delete under `/projects/{pid}/...`.
 */
export function assignmentsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });

  app.get('/user_assignments', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    const f = readQuery(c, listFilters.extend({ user_id: zId.optional() }));
    const rows = applyCommon(newestFirst(account.userAssignments.values()), f).filter(
      (a) => f.user_id === undefined || a.userId === f.user_id,
    );
    return c.json(
      paginate(c, 'user_assignments', rows, readPaging(c, { cursor: true }), (a) =>
        serializeUserAssignment(account, a),
      ),
    );
  });
  app.get('/task_assignments', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    const f = readQuery(c, listFilters);
    const rows = applyCommon(newestFirst(account.taskAssignments.values()), f);
    return c.json(
      paginate(c, 'task_assignments', rows, readPaging(c, { cursor: true }), (a) =>
        serializeTaskAssignment(account, a),
      ),
    );
  });

  for (const kind of ['user_assignments', 'task_assignments'] as const) {
    const isUser = kind === 'user_assignments';
    const mapOf = (c: { get(k: 'account'): import('../store/store').AccountStore }) =>
      (isUser ? c.get('account').userAssignments : c.get('account').taskAssignments) as Map<
        number,
        UserAssignmentRecord | TaskAssignmentRecord
      >;
    const show = (c: Parameters<typeof requireRole>[0], a: UserAssignmentRecord | TaskAssignmentRecord) =>
      isUser
        ? serializeUserAssignment(c.get('account'), a as UserAssignmentRecord)
        : serializeTaskAssignment(c.get('account'), a as TaskAssignmentRecord);
    const project = (c: Parameters<typeof requireRole>[0]) =>
      found(c.get('account').projects.get(pathId(c, 'pid')));
    const own = (c: Parameters<typeof requireRole>[0], projectId: number) => {
      const a = found(mapOf(c).get(pathId(c)));
      if (a.projectId !== projectId) throw HarvestError.notFound();
      return a;
    };

    app.get(`/projects/:pid/${kind}`, (c) => {
      requireRole(c, 'administrator', 'manager');
      const p = project(c);
      const f = readQuery(c, listFilters);
      const rows = applyCommon(newestFirst([...mapOf(c).values()].filter((a) => a.projectId === p.id)), f);
      return c.json(paginate(c, kind, rows, readPaging(c, { cursor: false }), (a) => show(c, a)));
    });
    app.get(`/projects/:pid/${kind}/:id`, (c) => {
      requireRole(c, 'administrator', 'manager');
      return c.json(show(c, own(c, project(c).id)));
    });
    app.post(`/projects/:pid/${kind}`, async (c) => {
      requireRole(c, 'administrator');
      const account = c.get('account');
      const p = project(c);
      const now = rt.clock.now();
      const input = await readBody(c);
      let record: UserAssignmentRecord | TaskAssignmentRecord;
      if (isUser) {
        const b = validate(z.object(uaFields), input);
        if (!account.users.has(b.user_id)) throw HarvestError.unprocessable('User is invalid');
        if (
          [...account.userAssignments.values()].some((a) => a.projectId === p.id && a.userId === b.user_id)
        ) {
          throw HarvestError.unprocessable('User has already been assigned to this project');
        }
        record = {
          id: rt.store.ids.next('userAssignment'),
          projectId: p.id,
          userId: b.user_id,
          isActive: b.is_active ?? true,
          isProjectManager: b.is_project_manager ?? false,
          useDefaultRates: b.use_default_rates ?? true,
          hourlyRate: b.hourly_rate ?? null,
          budget: b.budget ?? null,
          createdAt: now,
          updatedAt: now,
        };
      } else {
        const b = validate(z.object(taFields), input);
        const task = account.tasks.get(b.task_id);
        if (!task) throw HarvestError.unprocessable('Task is invalid');
        if (
          [...account.taskAssignments.values()].some((a) => a.projectId === p.id && a.taskId === b.task_id)
        ) {
          throw HarvestError.unprocessable('Task has already been assigned to this project');
        }
        record = {
          id: rt.store.ids.next('taskAssignment'),
          projectId: p.id,
          taskId: b.task_id,
          isActive: b.is_active ?? true,
          billable: b.billable ?? false,
          hourlyRate: b.hourly_rate ?? task.defaultHourlyRate,
          budget: b.budget ?? null,
          createdAt: now,
          updatedAt: now,
        };
      }
      mapOf(c).set(record.id, record);
      return c.json(show(c, record), 201);
    });
    app.patch(`/projects/:pid/${kind}/:id`, async (c) => {
      requireRole(c, 'administrator');
      const a = own(c, project(c).id);
      const input = await readBody(c);
      const b: Record<string, unknown> = isUser ? validate(uaUpdate, input) : validate(taUpdate, input);
      const keys: Record<string, string> = {
        is_active: 'isActive',
        is_project_manager: 'isProjectManager',
        use_default_rates: 'useDefaultRates',
        hourly_rate: 'hourlyRate',
        budget: 'budget',
        billable: 'billable',
      };
      for (const [k, v] of Object.entries(b))
        if (v !== undefined && keys[k]) (a as unknown as Record<string, unknown>)[keys[k]] = v;
      a.updatedAt = rt.clock.now();
      return c.json(show(c, a));
    });
    app.delete(`/projects/:pid/${kind}/:id`, (c) => {
      requireRole(c, 'administrator');
      const a = own(c, project(c).id);
      mapOf(c).delete(a.id);
      return c.json(show(c, a));
    });
  }
  return app;
}
