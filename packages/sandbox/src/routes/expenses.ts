import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId } from '../http/access';
import { HarvestError } from '../http/harvest-errors';
import { paginate, readPaging } from '../http/paginate';
import { readQuery } from '../http/query';
import { zBool, zDate, zDateTime, zId } from '../http/validate';
import { serializeExpense } from '../serialize/billing';
import { entryLookups } from '../serialize/entry-lookups';
import { canSee, visibleScope } from '../time/visibility';

const filters = z.object({
  user_id: zId.optional(),
  client_id: zId.optional(),
  project_id: zId.optional(),
  is_billed: zBool.optional(),
  approval_status: z.enum(['unsubmitted', 'submitted', 'approved']).optional(),
  updated_since: zDateTime.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});

/** `GET /v2/expenses` (fact sheet §5.12): page-based, spent date newest first, visibility as time entries. */
export function expensesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/expenses', (c) => {
    const account = c.get('account');
    const f = readQuery(c, filters);
    const scope = visibleScope(c);
    const lookups = entryLookups(account, rt.clock.now());
    const rows = [...account.expenses.values()]
      .filter((e) => {
        const clientId = account.projects.get(e.projectId)?.clientId;
        return (
          canSee(scope, e) &&
          (f.user_id === undefined || e.userId === f.user_id) &&
          (f.client_id === undefined || clientId === f.client_id) &&
          (f.project_id === undefined || e.projectId === f.project_id) &&
          (f.is_billed === undefined || e.isBilled === f.is_billed) &&
          (f.approval_status === undefined || e.approvalStatus === f.approval_status) &&
          (f.updated_since === undefined || e.updatedAt >= f.updated_since) &&
          (f.from === undefined || e.spentDate >= f.from) &&
          (f.to === undefined || e.spentDate <= f.to)
        );
      })
      .sort((a, b) => (a.spentDate === b.spentDate ? b.id - a.id : a.spentDate < b.spentDate ? 1 : -1));
    return c.json(
      paginate(c, 'expenses', rows, readPaging(c, { cursor: false }), (e) => serializeExpense(lookups, e)),
    );
  });
  app.get('/expenses/:id', (c) => {
    const account = c.get('account');
    const expense = found(account.expenses.get(pathId(c)));
    if (!canSee(visibleScope(c), expense)) throw HarvestError.notFound();
    return c.json(serializeExpense(entryLookups(account, rt.clock.now()), expense));
  });
  return app;
}
