import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId, requireRole } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { applyCommon, newestFirst, readQuery } from '../http/query';
import { validate, zBool, zDate, zDateTime, zId, zNumber, zText } from '../http/validate';
import { serializeProject } from '../serialize/work';
import type { ProjectRecord } from '../store/records';

const fields = {
  client_id: zId,
  name: zText(255).min(1),
  code: zText(255).nullish(),
  is_active: zBool.optional(),
  is_billable: zBool,
  is_fixed_fee: zBool.optional(),
  bill_by: z.enum(['Project', 'Tasks', 'People', 'none']),
  hourly_rate: zNumber.nullish(),
  budget: zNumber.nullish(),
  budget_by: z.enum(['project', 'project_cost', 'task', 'task_fees', 'person', 'none']),
  budget_is_monthly: zBool.optional(),
  notify_when_over_budget: zBool.optional(),
  over_budget_notification_percentage: zNumber.optional(),
  show_budget_to_all: zBool.optional(),
  cost_budget: zNumber.nullish(),
  cost_budget_include_expenses: zBool.optional(),
  fee: zNumber.nullish(),
  notes: zText().nullish(),
  starts_on: zDate.nullish(),
  ends_on: zDate.nullish(),
};
const KEYS: Record<string, keyof ProjectRecord> = {
  client_id: 'clientId',
  name: 'name',
  code: 'code',
  is_active: 'isActive',
  is_billable: 'isBillable',
  is_fixed_fee: 'isFixedFee',
  bill_by: 'billBy',
  hourly_rate: 'hourlyRate',
  budget: 'budget',
  budget_by: 'budgetBy',
  budget_is_monthly: 'budgetIsMonthly',
  notify_when_over_budget: 'notifyWhenOverBudget',
  over_budget_notification_percentage: 'overBudgetNotificationPercentage',
  show_budget_to_all: 'showBudgetToAll',
  cost_budget: 'costBudget',
  cost_budget_include_expenses: 'costBudgetIncludeExpenses',
  fee: 'fee',
  notes: 'notes',
  starts_on: 'startsOn',
  ends_on: 'endsOn',
};
const filters = z.object({
  is_active: zBool.optional(),
  client_id: zId.optional(),
  updated_since: zDateTime.optional(),
});

/** `/v2/projects` (fact sheet §5.9): create needs client_id, name, is_billable, bill_by, budget_by. */
export function projectsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const assign = (p: ProjectRecord, b: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(b))
      if (v !== undefined && KEYS[k]) (p as unknown as Record<string, unknown>)[KEYS[k]] = v;
  };
  app.get('/projects', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    const f = readQuery(c, filters);
    const paging = readPaging(c, { cursor: true });
    const rows = applyCommon(newestFirst(account.projects.values()), f).filter(
      (p) => f.client_id === undefined || p.clientId === f.client_id,
    );
    return c.json(paginate(c, 'projects', rows, paging, (p) => serializeProject(account, p)));
  });
  app.get('/projects/:id', (c) => {
    requireRole(c, 'administrator', 'manager');
    const account = c.get('account');
    return c.json(serializeProject(account, found(account.projects.get(pathId(c)))));
  });
  app.post('/projects', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const b = validate(z.object(fields), await readBody(c));
    if (!account.clients.has(b.client_id)) throw HarvestError.unprocessable('Client is invalid');
    const now = rt.clock.now();
    const project: ProjectRecord = {
      id: rt.store.ids.next('project'),
      clientId: b.client_id,
      name: b.name,
      code: null,
      isActive: true,
      isBillable: b.is_billable,
      isFixedFee: false,
      billBy: b.bill_by,
      hourlyRate: null,
      budgetBy: b.budget_by,
      budgetIsMonthly: false,
      budget: null,
      costBudget: null,
      costBudgetIncludeExpenses: false,
      notifyWhenOverBudget: false,
      overBudgetNotificationPercentage: 80,
      showBudgetToAll: false,
      fee: null,
      notes: null,
      startsOn: null,
      endsOn: null,
      createdAt: now,
      updatedAt: now,
    };
    assign(project, b);
    account.projects.set(project.id, project);
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/projects/${project.id}`);
    return c.json(serializeProject(account, project), 201);
  });
  app.patch('/projects/:id', async (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const project = found(account.projects.get(pathId(c)));
    const b = validate(z.object(fields).partial(), await readBody(c));
    if (b.client_id !== undefined && !account.clients.has(b.client_id))
      throw HarvestError.unprocessable('Client is invalid');
    assign(project, b);
    project.updatedAt = rt.clock.now();
    return c.json(serializeProject(account, project));
  });
  app.delete('/projects/:id', (c) => {
    requireRole(c, 'administrator');
    const account = c.get('account');
    const project = found(account.projects.get(pathId(c)));
    if (account.timeEntries.some({ projectIds: new Set([project.id]) })) {
      throw HarvestError.unprocessable(
        'This project is not removable. It has tracked time; archive it instead.',
      );
    }
    account.projects.delete(project.id);
    for (const [id, a] of account.userAssignments)
      if (a.projectId === project.id) account.userAssignments.delete(id);
    for (const [id, a] of account.taskAssignments)
      if (a.projectId === project.id) account.taskAssignments.delete(id);
    return c.json(serializeProject(account, project));
  });
  return app;
}
