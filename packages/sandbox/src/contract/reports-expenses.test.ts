import { describe, expect, it } from 'vitest';
import { call, testSandbox } from '../test-support';

/** Fact sheet §5.12–§5.13. */
describe('expenses', () => {
  it('lists with filters; members see only their own', async () => {
    const s = testSandbox();
    const all = (await call(s, 'GET', '/v2/expenses')).body;
    expect(all.total_entries).toBeGreaterThan(0);
    const e = all.expenses[0];
    expect(e).toMatchObject({ expense_category: { id: expect.any(Number) }, total_cost: expect.any(Number) });
    const byUser = (await call(s, 'GET', `/v2/expenses?user_id=${e.user.id}`)).body.expenses;
    expect(byUser.every((x: { user: { id: number } }) => x.user.id === e.user.id)).toBe(true);
    const me = s.credentials.personal_access_tokens[2]!.user_id;
    const mine = (await call(s, 'GET', '/v2/expenses', { who: 'member' })).body.expenses;
    expect(mine.every((x: { user: { id: number } }) => x.user.id === me)).toBe(true);
    expect((await call(s, 'GET', '/v2/expenses?is_billed=maybe')).status).toBe(422);
  });
});

describe('reports', () => {
  it('team time report: results per user with totals, page envelope, from/to required', async () => {
    const s = testSandbox();
    const { body } = await call(s, 'GET', '/v2/reports/time/team?from=20250501&to=20250531');
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results[0]).toMatchObject({
      user_id: expect.any(Number),
      user_name: expect.any(String),
      total_hours: expect.any(Number),
      billable_hours: expect.any(Number),
      currency: 'USD',
      billable_amount: expect.any(Number),
      weekly_capacity: expect.any(Number),
      is_contractor: expect.any(Boolean),
    });
    expect(body.results[0]).not.toHaveProperty('external_reference');
    expect(body.page).toBe(1);
    expect((await call(s, 'GET', '/v2/reports/time/team?from=20250501')).status).toBe(422);
    expect((await call(s, 'GET', '/v2/reports/time/team?from=20230101&to=20250101')).status).toBe(422);
    expect(
      (await call(s, 'GET', '/v2/reports/time/team?from=20250501&to=20250531', { who: 'member' })).status,
    ).toBe(403);
  });

  it('uninvoiced report: results per project', async () => {
    const s = testSandbox();
    const { body } = await call(s, 'GET', '/v2/reports/uninvoiced?from=20250101&to=20250601');
    const row = body.results[0];
    expect(row).toMatchObject({
      client_id: expect.any(Number),
      project_id: expect.any(Number),
      currency: expect.any(String),
      total_hours: expect.any(Number),
      uninvoiced_hours: expect.any(Number),
      uninvoiced_expenses: expect.any(Number),
      uninvoiced_amount: expect.any(Number),
    });
    expect(
      body.results.some(
        (r: { uninvoiced_hours: number; total_hours: number }) => r.uninvoiced_hours < r.total_hours,
      ),
    ).toBe(true);
  });

  it('time reports by client, project and task carry the subject ids and names', async () => {
    const s = testSandbox();
    const expectations: Record<string, string[]> = {
      clients: ['client_id', 'client_name'],
      projects: ['project_id', 'project_name', 'client_id', 'client_name'],
      tasks: ['task_id', 'task_name'],
    };
    const team = (await call(s, 'GET', '/v2/reports/time/team?from=20250501&to=20250531')).body.results;
    const teamTotal = team.reduce((n: number, r: { total_hours: number }) => n + r.total_hours, 0);
    for (const [subject, keys] of Object.entries(expectations)) {
      const { body } = await call(s, 'GET', `/v2/reports/time/${subject}?from=20250501&to=20250531`);
      for (const key of [...keys, 'total_hours', 'billable_hours', 'currency', 'billable_amount'])
        expect(body.results[0], `${subject} ${key}`).toHaveProperty(key);
      const total = body.results.reduce((n: number, r: { total_hours: number }) => n + r.total_hours, 0);
      expect(total).toBeCloseTo(teamTotal, 1);
    }
  });
});
