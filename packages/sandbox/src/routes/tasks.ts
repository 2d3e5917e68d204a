import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, listFilters, newestFirst, readQuery } from '../http/query';
import { validate, zBool, zNumber, zText } from '../http/validate';
import { serializeTask } from '../serialize/work';
import type { TaskRecord } from '../store/records';

const fields = {
  name: zText(255).min(1),
  billable_by_default: zBool.optional(),
  default_hourly_rate: zNumber.nullish(),
  is_default: zBool.optional(),
  is_active: zBool.optional(),
};

/** `/v2/tasks` (fact sheet §5.10). */
export function tasksRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/tasks', (c) => {
    requireRole(c, 'administrator', 'manager');
    const f = readQuery(c, listFilters);
    const paging = readPaging(c, { cursor: true });
    return c.json(
      paginate(
        c,
        'tasks',
        applyCommon(newestFirst(c.get('account').tasks.values()), f),
        paging,
        serializeTask,
      ),
    );
  });
  app.get('/tasks/:id', (c) => {
    requireRole(c, 'administrator', 'manager');
    return c.json(serializeTask(found(c.get('account').tasks.get(pathId(c)))));
  });
  app.post('/tasks', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const b = validate(z.object(fields), await readBody(c));
    if ([...account.tasks.values()].some((t) => t.name === b.name))
      throw HarvestError.unprocessable('Name has already been taken');
    const now = rt.clock.now();
    const task: TaskRecord = {
      id: rt.store.ids.next('task'),
      name: b.name,
      billableByDefault: b.billable_by_default ?? true,
      defaultHourlyRate: b.default_hourly_rate ?? null,
      isDefault: b.is_default ?? false,
      isActive: b.is_active ?? true,
      createdAt: now,
      updatedAt: now,
    };
    account.tasks.set(task.id, task);
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/tasks/${task.id}`);
    return c.json(serializeTask(task), 201);
  });
  app.patch('/tasks/:id', async (c) => {
    requireRole(c, 'administrator');
    const task = found(c.get('account').tasks.get(pathId(c)));
    const b = validate(z.object(fields).partial(), await readBody(c));
    if (b.name !== undefined) task.name = b.name;
    if (b.billable_by_default !== undefined) task.billableByDefault = b.billable_by_default;
    if (b.default_hourly_rate !== undefined) task.defaultHourlyRate = b.default_hourly_rate;
    if (b.is_default !== undefined) task.isDefault = b.is_default;
    if (b.is_active !== undefined) task.isActive = b.is_active;
    task.updatedAt = rt.clock.now();
    return c.json(serializeTask(task));
  });
  app.delete('/tasks/:id', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const task = found(account.tasks.get(pathId(c)));
    if (account.timeEntries.some({ taskId: task.id })) {
      throw HarvestError.unprocessable(
        'This task is not removable. It has tracked time; archive it instead.',
      );
    }
    account.tasks.delete(task.id);
    for (const [id, ta] of account.taskAssignments)
      if (ta.taskId === task.id) account.taskAssignments.delete(id);
    return c.json(serializeTask(task));
  });
  return app;
}
