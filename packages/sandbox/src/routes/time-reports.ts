import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { pageEnvelope } from '../http/paginate';
import { rateFor, readReportRange, reportPage, round2 } from '../http/report-range';
import type { AccountStore } from '../store/store';
import type { ScanRow } from '../store/time-entry-filter';

type Totals = { total: number; billable: number; amount: number };
type Subject = 'clients' | 'projects' | 'tasks' | 'team';

/** Sums hours and billable amounts per subject over a date range. */
function totals(
  account: AccountStore,
  from: number,
  to: number,
  now: number,
  key: (r: ScanRow) => number,
): Map<number, Totals> {
  const rate = rateFor(account);
  const acc = new Map<number, Totals>();
  account.timeEntries.scan({ fromDay: from, toDay: to }, now, (r) => {
    const k = key(r);
    const a = acc.get(k) ?? { total: 0, billable: 0, amount: 0 };
    a.total += r.hours;
    if (r.billable) {
      a.billable += r.hours;
      a.amount += r.hours * rate(r.projectId, r.taskId, r.userId);
    }
    acc.set(k, a);
  });
  return acc;
}

/** The subject's id and name fields, plus the team report's extras (fact sheet §5.13). */
function describe(account: AccountStore, subject: Subject, id: number): Record<string, unknown> {
  if (subject === 'team') {
    const u = account.users.get(id);
    return {
      user_id: id,
      user_name: u ? `${u.firstName} ${u.lastName}` : '',
      is_contractor: u?.isContractor ?? false,
      weekly_capacity: u?.weeklyCapacity ?? 0,
      avatar_url: `https://d3s3969qhosaug.cloudfront.net/v2/default-avatars/${(u?.avatarSeed ?? 0).toString(16).padStart(4, '0')}.png`,
    };
  }
  if (subject === 'tasks') return { task_id: id, task_name: account.tasks.get(id)?.name ?? '' };
  if (subject === 'clients') return { client_id: id, client_name: account.clients.get(id)?.name ?? '' };
  const p = account.projects.get(id);
  return {
    project_id: id,
    project_name: p?.name ?? '',
    client_id: p?.clientId ?? 0,
    client_name: account.clients.get(p?.clientId ?? 0)?.name ?? '',
  };
}

/** `/v2/reports/time/{clients|projects|tasks|team}` (fact sheet §5.13): page-based `results`. */
export function timeReportsRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  for (const subject of ['clients', 'projects', 'tasks', 'team'] as const) {
    app.get(`/reports/time/${subject}`, (c) => {
      const { from, to, paging } = readReportRange(c);
      const account = c.get('account');
      const key =
        subject === 'team'
          ? (r: ScanRow) => r.userId
          : subject === 'tasks'
            ? (r: ScanRow) => r.taskId
            : subject === 'projects'
              ? (r: ScanRow) => r.projectId
              : (r: ScanRow) => account.projects.get(r.projectId)?.clientId ?? 0;
      const rows = [...totals(account, from, to, rt.clock.now(), key)].map(([id, a]) => ({
        ...describe(account, subject, id),
        total_hours: round2(a.total),
        billable_hours: round2(a.billable),
        currency: subject === 'team' ? account.company.currency : currencyOf(account, subject, id),
        billable_amount: round2(a.amount),
      }));
      const name = (r: Record<string, unknown>) =>
        String(r.user_name ?? r.task_name ?? r.project_name ?? r.client_name ?? '');
      rows.sort((a, b) => name(a).localeCompare(name(b)));
      return c.json(pageEnvelope(c, 'results', reportPage(rows, paging), rows.length, paging));
    });
  }
  return app;
}

function currencyOf(account: AccountStore, subject: Subject, id: number): string {
  const clientId =
    subject === 'clients' ? id : subject === 'projects' ? account.projects.get(id)?.clientId : undefined;
  return account.clients.get(clientId ?? 0)?.currency ?? account.company.currency;
}
