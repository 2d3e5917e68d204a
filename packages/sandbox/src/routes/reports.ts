import type { HarvestTeamTimeReportRow, HarvestUninvoicedReportRow } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { z } from 'zod';
import { dateToDay } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { requireRole } from '../http/access';
import { HarvestError } from '../http/harvest-errors';
import { pageEnvelope, readPaging } from '../http/paginate';
import { readQuery } from '../http/query';
import { zBool } from '../http/validate';
import type { AccountStore } from '../store/store';

/** Reports take `YYYYMMDD` (the docs' examples) or `YYYY-MM-DD`. */
const reportDate = z
  .string()
  .transform((v) => (/^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v))
  .refine((v) => dateToDay(v) !== null, 'is not a valid date')
  .transform((v) => dateToDay(v)!);
const range = z.object({ from: reportDate, to: reportDate, include_fixed_fee: zBool.optional() });

const round = (n: number) => Math.round(n * 100) / 100;

/** Hourly rate of a (project, task, user) triple: task assignment, then project, then the person's default. */
function rateFor(account: AccountStore) {
  const ta = new Map(
    [...account.taskAssignments.values()].map((t) => [`${t.projectId}:${t.taskId}`, t.hourlyRate]),
  );
  return (projectId: number, taskId: number, userId: number) =>
    ta.get(`${projectId}:${taskId}`) ??
    account.projects.get(projectId)?.hourlyRate ??
    account.users.get(userId)?.defaultHourlyRate ??
    0;
}

/** `/v2/reports/time/team` and `/v2/reports/uninvoiced` (fact sheet §5.13): `from`/`to` required, at most 365 days. */
export function reportsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const read = (c: Parameters<typeof requireRole>[0]) => {
    requireRole(c, 'administrator', 'manager');
    const q = readQuery(c, range);
    if (q.to < q.from) throw HarvestError.unprocessable('The to date must be on or after the from date');
    if (q.to - q.from > 365) throw HarvestError.unprocessable('The date range cannot exceed 365 days');
    return { q, paging: readPaging(c, { cursor: false }) };
  };
  const page = <T>(rows: T[], paging: ReturnType<typeof readPaging>) =>
    rows.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage);

  app.get('/reports/time/team', (c) => {
    const { q, paging } = read(c);
    const account = c.get('account');
    const rate = rateFor(account);
    const acc = new Map<number, { total: number; billable: number; amount: number }>();
    account.timeEntries.scan({ fromDay: q.from, toDay: q.to }, rt.clock.now(), (r) => {
      const a = acc.get(r.userId) ?? { total: 0, billable: 0, amount: 0 };
      a.total += r.hours;
      if (r.billable) {
        a.billable += r.hours;
        a.amount += r.hours * rate(r.projectId, r.taskId, r.userId);
      }
      acc.set(r.userId, a);
    });
    const rows: HarvestTeamTimeReportRow[] = [...acc].map(([userId, a]) => {
      const u = account.users.get(userId);
      return {
        user_id: userId,
        user_name: u ? `${u.firstName} ${u.lastName}` : '',
        is_contractor: u?.isContractor ?? false,
        total_hours: round(a.total),
        billable_hours: round(a.billable),
        currency: account.company.currency,
        billable_amount: round(a.amount),
        weekly_capacity: u?.weeklyCapacity ?? 0,
        avatar_url: `https://d3s3969qhosaug.cloudfront.net/v2/default-avatars/${(u?.avatarSeed ?? 0).toString(16).padStart(4, '0')}.png`,
      };
    });
    rows.sort((a, b) => a.user_name.localeCompare(b.user_name) || a.user_id - b.user_id);
    return c.json(pageEnvelope(c, 'results', page(rows, paging), rows.length, paging));
  });

  app.get('/reports/uninvoiced', (c) => {
    const { q, paging } = read(c);
    const account = c.get('account');
    const rate = rateFor(account);
    const acc = new Map<number, { total: number; uninvoiced: number; amount: number; expenses: number }>();
    account.timeEntries.scan({ fromDay: q.from, toDay: q.to }, rt.clock.now(), (r) => {
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
      if (day < q.from || day > q.to || !e.billable || e.isBilled) continue;
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
        total_hours: round(a.total),
        uninvoiced_hours: round(a.uninvoiced),
        uninvoiced_expenses: round(a.expenses),
        uninvoiced_amount: round(a.amount + a.expenses),
      };
    });
    rows.sort((a, b) => a.client_name.localeCompare(b.client_name) || a.project_id - b.project_id);
    return c.json(pageEnvelope(c, 'results', page(rows, paging), rows.length, paging));
  });
  return app;
}
