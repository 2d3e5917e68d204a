import type { HarvestUninvoicedReportRow } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { dateToDay } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { pageEnvelope } from '../http/paginate';
import { rateFor, readReportRange, reportPage, round2 } from '../http/report-range';

/**
 * `/v2/reports/uninvoiced` (fact sheet §5.13): per project, billable time not yet billed plus billable
 * unbilled expenses; `from`/`to` required, at most 365 days.
 */
export function reportsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/reports/uninvoiced', (c) => {
    const { from, to, paging } = readReportRange(c);
    const account = c.get('account');
    const rate = rateFor(account);
    const acc = new Map<number, { total: number; uninvoiced: number; amount: number; expenses: number }>();
    account.timeEntries.scan({ fromDay: from, toDay: to }, rt.clock.now(), (r) => {
      const a = acc.get(r.projectId) ?? { total: 0, uninvoiced: 0, amount: 0, expenses: 0 };
      a.total += r.hours;
      if (r.billable && !r.isBilled) {
        a.uninvoiced += r.hours;
        a.amount += r.hours * rate(r.projectId, r.taskId, r.userId);
      }
      acc.set(r.projectId, a);
    });
    for (const e of account.expenses.values()) {
      const day = dateToDay(e.spentDate) ?? 0;
      if (day < from || day > to || !e.billable || e.isBilled) continue;
      const a = acc.get(e.projectId) ?? { total: 0, uninvoiced: 0, amount: 0, expenses: 0 };
      a.expenses += e.totalCost;
      acc.set(e.projectId, a);
    }
    const rows: HarvestUninvoicedReportRow[] = [...acc].map(([projectId, a]) => {
      const p = account.projects.get(projectId);
      const client = p ? account.clients.get(p.clientId) : undefined;
      return {
        client_id: client?.id ?? 0,
        client_name: client?.name ?? '',
        project_id: projectId,
        project_name: p?.name ?? '',
        currency: client?.currency ?? account.company.currency,
        total_hours: round2(a.total),
        uninvoiced_hours: round2(a.uninvoiced),
        uninvoiced_expenses: round2(a.expenses),
        uninvoiced_amount: round2(a.amount + a.expenses),
      };
    });
    rows.sort((a, b) => a.client_name.localeCompare(b.client_name) || a.project_id - b.project_id);
    return c.json(pageEnvelope(c, 'results', reportPage(rows, paging), rows.length, paging));
  });
  return app;
}
