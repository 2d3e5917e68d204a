import { createSandbox } from './src/index';

const s = createSandbox({ seed: 't', now: Date.UTC(2025, 5, 2, 9) });
const admin = s.credentials.personal_access_tokens[0]!;
const h = {
  Authorization: `Bearer ${admin.token}`,
  'Harvest-Account-Id': String(admin.account_id),
  'User-Agent': 'T (t@e.com)',
  'Content-Type': 'application/json',
};
for (const p of [
  '/v2/users?per_page=2',
  '/v2/roles?per_page=1',
  '/v2/users/3230502/billable_rates',
  '/v2/users/me/project_assignments?per_page=1',
  '/v2/time_entries?per_page=1',
  '/v2/time_entries?is_running=true',
  '/v2/company',
  '/v2/clients?per_page=1',
  '/v2/projects?per_page=1',
  '/v2/tasks?per_page=1',
  '/v2/user_assignments?per_page=1',
  '/v2/task_assignments?per_page=1',
  '/v2/projects/41068201/user_assignments?per_page=1',
  '/v2/invoices?per_page=1',
  '/v2/invoices?state=paid&per_page=1',
  '/v2/expenses?per_page=1',
  '/v2/reports/time/team?from=20250501&to=20250531',
  '/v2/reports/uninvoiced?from=2025-01-01&to=2025-05-31',
]) {
  const r = await s.app.request(p, { headers: h });
  const t = await r.text();
  console.log(r.status, p, t.slice(0, 400));
}
