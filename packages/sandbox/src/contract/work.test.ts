import { describe, expect, it } from 'vitest';
import { call, testSandbox } from '../test-support';

/** Fact sheet §5.6–§5.11. */
describe('company', () => {
  it('returns the documented settings', async () => {
    const s = testSandbox();
    const { body } = await call(s, 'GET', '/v2/company');
    for (const key of [
      'base_uri',
      'full_domain',
      'name',
      'is_active',
      'week_start_day',
      'wants_timestamp_timers',
      'time_format',
      'clock',
      'weekly_capacity',
      'invoice_feature',
    ]) {
      expect(body, key).toHaveProperty(key);
    }
  });
});

describe('clients', () => {
  it('creates with the company currency by default, updates, and refuses to delete one with projects', async () => {
    const s = testSandbox();
    const created = await call(s, 'POST', '/v2/clients', { body: { name: 'Acme' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`/api/v2/clients/${created.body.id}$`));
    expect(created.body).toMatchObject({
      name: 'Acme',
      is_active: true,
      currency: 'USD',
      statement_key: expect.any(String),
    });
    expect(
      (await call(s, 'PATCH', `/v2/clients/${created.body.id}`, { body: { is_active: false } })).body
        .is_active,
    ).toBe(false);
    expect(
      (await call(s, 'GET', '/v2/clients?is_active=false')).body.clients.map((c: { id: number }) => c.id),
    ).toContain(created.body.id);
    expect((await call(s, 'POST', '/v2/clients', { body: {} })).body).toEqual({
      message: "Name can't be blank",
    });
    const used = (await call(s, 'GET', '/v2/clients')).body.clients.at(-1);
    expect((await call(s, 'DELETE', `/v2/clients/${used.id}`)).body).toEqual({
      message: 'This client is not removable. It still has projects and/or invoices.',
    });
    expect((await call(s, 'DELETE', `/v2/clients/${created.body.id}`)).status).toBe(200);
    expect((await call(s, 'GET', '/v2/clients', { who: 'member' })).status).toBe(403);
  });
});

describe('projects and tasks', () => {
  it('creates a project with the required fields and filters by client', async () => {
    const s = testSandbox();
    const client = (await call(s, 'POST', '/v2/clients', { body: { name: 'Acme' } })).body;
    const missing = await call(s, 'POST', '/v2/projects', { body: { client_id: client.id } });
    expect(missing.body.message).toBe(
      "Name can't be blank, Is billable can't be blank, Bill by can't be blank, Budget by can't be blank",
    );
    const p = await call(s, 'POST', '/v2/projects', {
      body: {
        client_id: client.id,
        name: 'Site',
        is_billable: true,
        bill_by: 'Project',
        budget_by: 'project',
        budget: 100,
        hourly_rate: 120,
      },
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({
      client: { id: client.id, name: 'Acme', currency: 'USD' },
      budget: 100,
      hourly_rate: 120,
      over_budget_notification_percentage: 80,
    });
    expect(
      (await call(s, 'GET', `/v2/projects?client_id=${client.id}`)).body.projects.map(
        (x: { id: number }) => x.id,
      ),
    ).toEqual([p.body.id]);
    expect(
      (await call(s, 'PATCH', `/v2/projects/${p.body.id}`, { body: { name: 'Site v2' } })).body.name,
    ).toBe('Site v2');
    expect((await call(s, 'DELETE', `/v2/projects/${p.body.id}`)).status).toBe(200);
  });

  it('creates, updates and deletes tasks (billable_by_default defaults to true)', async () => {
    const s = testSandbox();
    const t = (await call(s, 'POST', '/v2/tasks', { body: { name: 'Deploys' } })).body;
    expect(t).toMatchObject({ name: 'Deploys', billable_by_default: true, is_active: true });
    expect((await call(s, 'PATCH', `/v2/tasks/${t.id}`, { body: { is_active: false } })).body.is_active).toBe(
      false,
    );
    expect(
      (await call(s, 'GET', '/v2/tasks?is_active=false')).body.tasks.some(
        (x: { id: number }) => x.id === t.id,
      ),
    ).toBe(true);
    expect((await call(s, 'DELETE', `/v2/tasks/${t.id}`)).status).toBe(200);
  });
});

describe('user and task assignments', () => {
  it('lists globally with cursors and per project with pages; creates, updates and deletes per project', async () => {
    const s = testSandbox();
    const global = (await call(s, 'GET', '/v2/user_assignments?per_page=3')).body;
    expect(global.links.next).toContain('ref=next_cursor');
    const client = (await call(s, 'POST', '/v2/clients', { body: { name: 'Acme' } })).body;
    const p = (
      await call(s, 'POST', '/v2/projects', {
        body: { client_id: client.id, name: 'Site', is_billable: true, bill_by: 'Tasks', budget_by: 'none' },
      })
    ).body;
    const task = (await call(s, 'POST', '/v2/tasks', { body: { name: 'Deploys' } })).body;
    const member = s.credentials.personal_access_tokens[2]!.user_id;
    const ua = await call(s, 'POST', `/v2/projects/${p.id}/user_assignments`, { body: { user_id: member } });
    expect(ua.status).toBe(201);
    expect(ua.body).toMatchObject({
      project: { id: p.id },
      user: { id: member },
      is_active: true,
      is_project_manager: false,
    });
    const ta = await call(s, 'POST', `/v2/projects/${p.id}/task_assignments`, { body: { task_id: task.id } });
    expect(ta.body).toMatchObject({ task: { id: task.id }, billable: false });
    expect((await call(s, 'POST', `/v2/projects/${p.id}/task_assignments`, { body: {} })).body.message).toBe(
      "Task can't be blank",
    );
    expect(
      (
        await call(s, 'PATCH', `/v2/projects/${p.id}/task_assignments/${ta.body.id}`, {
          body: { billable: true },
        })
      ).body.billable,
    ).toBe(true);
    const perProject = (await call(s, 'GET', `/v2/projects/${p.id}/user_assignments`)).body;
    expect(perProject.page).toBe(1);
    expect(perProject.user_assignments.map((x: { id: number }) => x.id)).toEqual([ua.body.id]);
    const mine = (await call(s, 'GET', '/v2/users/me/project_assignments', { who: 'member' })).body
      .project_assignments;
    expect(mine.find((x: { id: number }) => x.id === ua.body.id).task_assignments[0].task.id).toBe(task.id);
    expect((await call(s, 'DELETE', `/v2/projects/${p.id}/user_assignments/${ua.body.id}`)).status).toBe(200);
    expect((await call(s, 'GET', '/v2/projects/99/user_assignments')).status).toBe(404);
  });
});
