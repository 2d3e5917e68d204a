import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headersFor, testSandbox } from '../test-support';

/** Issue acceptance: every bad input gets a 4xx, never a 500 and never a crash. */
const TEMPLATES = [
  '/v2/users',
  '/v2/users/me',
  '/v2/users/:id',
  '/v2/users/:id/billable_rates',
  '/v2/users/:id/cost_rates/:id',
  '/v2/users/me/project_assignments',
  '/v2/users/:id/project_assignments',
  '/v2/roles',
  '/v2/roles/:id',
  '/v2/time_entries',
  '/v2/time_entries/:id',
  '/v2/time_entries/:id/stop',
  '/v2/time_entries/:id/restart',
  '/v2/time_entries/:id/external_reference',
  '/v2/company',
  '/v2/clients',
  '/v2/clients/:id',
  '/v2/projects',
  '/v2/projects/:id',
  '/v2/projects/:id/user_assignments',
  '/v2/projects/:id/task_assignments/:id',
  '/v2/tasks/:id',
  '/v2/user_assignments',
  '/v2/task_assignments',
  '/v2/invoices',
  '/v2/invoices/:id',
  '/v2/invoices/:id/payments',
  '/v2/invoices/:id/payments/:id',
  '/v2/invoices/:id/messages',
  '/v2/invoices/:id/messages/new',
  '/v2/expenses',
  '/v2/reports/time/team',
  '/v2/reports/uninvoiced',
  '/api/v2/oauth2/token',
  '/api/v2/accounts',
  '/oauth2/authorize',
  // Not /__sandbox/faults: injected 5xx are its purpose.
  '/__sandbox/reset',
  '/__sandbox/clock',
  '/__sandbox/settings',
  '/__sandbox/tokens/expire',
];
const FIELDS = [
  'name',
  'first_name',
  'last_name',
  'email',
  'project_id',
  'task_id',
  'user_id',
  'client_id',
  'spent_date',
  'hours',
  'started_time',
  'ended_time',
  'notes',
  'external_reference',
  'amount',
  'paid_at',
  'paid_date',
  'event_type',
  'line_items',
  'is_active',
  'access_roles',
  'roles',
  'user_ids',
  'bill_by',
  'budget_by',
  'is_billable',
  'start_date',
  'grant_type',
  'code',
  'client_id',
  'refresh_token',
  'recipients',
  'per_page',
  'page',
  'cursor',
  'from',
  'to',
  'wants_timestamp_timers',
  'seed',
  'users',
  'time_entries',
  'set',
  'advance_ms',
  'latency_ms',
  'decision',
  'person_id',
];

// Real ids of the fuzzed sandbox, so many requests get past the 404s into validation and state changes.
const sandbox = testSandbox({ users: 8, timeEntries: 300, rateWindowMs: 1 });
const account = sandbox.store.accounts.get(sandbox.credentials.accounts[0]!.id)!;
const POOL = [
  ...[
    account.users,
    account.roles,
    account.clients,
    account.projects,
    account.tasks,
    account.invoices,
    account.payments,
    account.messages,
    account.userAssignments,
    account.taskAssignments,
    account.billableRates,
    account.expenses,
  ].flatMap((m) => [...m.keys()].slice(0, 6)),
  ...account.timeEntries.list({}, 0, 20).items.map((e) => e.id),
];
const realId = fc.constantFrom(...POOL);

const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  realId,
  fc.integer({ min: -5, max: 2 ** 33 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2025-06-01', '8:00am', '25:99', 'true', '1e999', '-1', '', '[]', '{"a":1}'),
  fc.array(
    fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 5 }),
      fc.dictionary(fc.constantFrom(...FIELDS), fc.string({ maxLength: 5 })),
    ),
    { maxLength: 3 },
  ),
  fc.dictionary(
    fc.constantFrom('id', 'permalink', 'group_id', 'quantity', 'unit_price', '_destroy'),
    fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
  ),
);
const segment = fc.oneof(
  { weight: 4, arbitrary: realId.map(String) },
  fc.constantFrom('1', '0', '99999999999999999999', 'me', '%00', '..', '3230503', '2380505000'),
  fc.nat().map(String),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
  template: fc.constantFrom(...TEMPLATES),
  ids: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query: fc.dictionary(
    fc.constantFrom(...FIELDS, 'per_page', 'page', 'cursor', 'is_running', 'state'),
    fc.oneof(fc.string({ maxLength: 8 }), fc.nat().map(String)),
  ),
  body: fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), anyValue).map((o) => JSON.stringify(o)),
    fc.string({ maxLength: 30 }),
    fc.constant(''),
  ),
  form: fc.boolean(),
  who: fc.constantFrom('administrator', 'manager', 'member', 'nobody') as fc.Arbitrary<
    'administrator' | 'manager' | 'member' | 'nobody'
  >,
});

describe('robustness', () => {
  it('answers random paths, queries and bodies with status < 500', async () => {
    const s = sandbox;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.template.replace(/:id/g, () => r.ids[i++] ?? '1');
        const qs = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> =
          r.who === 'nobody' ? { 'User-Agent': 'fuzz' } : headersFor(s, r.who);
        headers['Content-Type'] = r.form ? 'application/x-www-form-urlencoded' : 'application/json';
        const res = await s.app.request(`${path}${qs ? `?${qs}` : ''}`, {
          method: r.method,
          headers,
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : r.body,
        });
        await res.text();
        expect(res.status, `${r.method} ${path}?${qs} ${r.body}`).toBeLessThan(500);
        s.clock.advance(5);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: Number(process.env.FUZZ_SEED ?? 20250602) },
    );
  }, 60_000);
});
