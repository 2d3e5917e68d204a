import { describe, expect, it } from 'vitest';
import { call, testSandbox } from '../test-support';

/** Fact sheet §5.1–§5.4. */
describe('users', () => {
  it('lists users newest first with is_active filter; members get 403 on /users and /roles', async () => {
    const s = testSandbox();
    const all = (await call(s, 'GET', '/v2/users')).body.users;
    expect(all.length).toBeGreaterThan(20);
    expect(all.map((u: { id: number }) => u.id)).toEqual(
      [...all.map((u: { id: number }) => u.id)].sort((a, b) => b - a),
    );
    const inactive = (await call(s, 'GET', '/v2/users?is_active=false')).body.users;
    expect(inactive.every((u: { is_active: boolean }) => !u.is_active)).toBe(true);
    expect((await call(s, 'GET', '/v2/users', { who: 'member' })).status).toBe(403);
    expect((await call(s, 'GET', '/v2/roles', { who: 'member' })).status).toBe(403);
    expect((await call(s, 'GET', '/v2/roles', { who: 'manager' })).status).toBe(403);
    expect((await call(s, 'GET', '/v2/users/me', { who: 'member' })).status).toBe(200);
  });

  it('seeds administrators, managers, members, contractors and inactive users', async () => {
    const s = testSandbox();
    const users = (await call(s, 'GET', '/v2/users')).body.users as Array<{
      access_roles: string[];
      is_contractor: boolean;
      is_active: boolean;
    }>;
    for (const role of ['administrator', 'manager', 'member'])
      expect(users.some((u) => u.access_roles.includes(role))).toBe(true);
    expect(users.some((u) => u.is_contractor)).toBe(true);
    expect(users.some((u) => !u.is_active)).toBe(true);
  });

  it('creates a user with required fields and the weekly_capacity default, refuses blanks and duplicates', async () => {
    const s = testSandbox();
    const created = await call(s, 'POST', '/v2/users', {
      body: {
        first_name: 'Ada',
        last_name: 'Byron',
        email: 'ada@example.com',
        access_roles: ['manager', 'project_creator'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      first_name: 'Ada',
      weekly_capacity: 126000,
      is_active: true,
      access_roles: ['manager', 'project_creator'],
    });
    expect(
      (
        await call(s, 'POST', '/v2/users', {
          body: { first_name: 'A', last_name: 'B', email: 'ada@example.com' },
        })
      ).status,
    ).toBe(422);
    const blank = await call(s, 'POST', '/v2/users', { body: {} });
    expect(blank.body.message).toBe(
      "First name can't be blank, Last name can't be blank, Email can't be blank",
    );
    expect(
      (
        await call(s, 'POST', '/v2/users', {
          who: 'manager',
          body: { first_name: 'A', last_name: 'B', email: 'x@example.com' },
        })
      ).status,
    ).toBe(403);
  });

  it('updates a user but refuses name or email changes on an inactive user', async () => {
    const s = testSandbox();
    const { id } = (
      await call(s, 'POST', '/v2/users', {
        body: { first_name: 'Ada', last_name: 'Byron', email: 'ada@example.com' },
      })
    ).body;
    expect(
      (await call(s, 'PATCH', `/v2/users/${id}`, { body: { telephone: '+1 555', roles: ['Reviewer'] } }))
        .body,
    ).toMatchObject({ telephone: '+1 555', roles: ['Reviewer'] });
    await call(s, 'PATCH', `/v2/users/${id}`, { body: { is_active: false } });
    expect((await call(s, 'PATCH', `/v2/users/${id}`, { body: { first_name: 'Augusta' } })).status).toBe(422);
  });

  it('deletes a user only when they have no time or expenses', async () => {
    const s = testSandbox();
    const { id } = (
      await call(s, 'POST', '/v2/users', {
        body: { first_name: 'Ada', last_name: 'Byron', email: 'ada@example.com' },
      })
    ).body;
    expect((await call(s, 'DELETE', `/v2/users/${id}`)).status).toBe(200);
    expect((await call(s, 'GET', `/v2/users/${id}`)).status).toBe(404);
    const member = s.credentials.personal_access_tokens[2]!.user_id;
    expect((await call(s, 'DELETE', `/v2/users/${member}`)).status).toBe(422);
  });
});

describe('roles (admin only; delete unlinks users)', () => {
  it('supports CRUD and reflects role names on users', async () => {
    const s = testSandbox();
    const member = s.credentials.personal_access_tokens[2]!.user_id;
    const role = (await call(s, 'POST', '/v2/roles', { body: { name: 'Reviewer', user_ids: [member] } }))
      .body;
    expect(role).toMatchObject({ name: 'Reviewer', user_ids: [member] });
    expect((await call(s, 'GET', `/v2/users/${member}`)).body.roles).toContain('Reviewer');
    expect((await call(s, 'PATCH', `/v2/roles/${role.id}`, { body: { name: 'Auditor' } })).body.name).toBe(
      'Auditor',
    );
    expect((await call(s, 'POST', '/v2/roles', { body: { user_ids: [1] } })).status).toBe(422);
    expect((await call(s, 'DELETE', `/v2/roles/${role.id}`)).status).toBe(200);
    expect((await call(s, 'GET', `/v2/users/${member}`)).body.roles).not.toContain('Auditor');
    expect((await call(s, 'GET', `/v2/roles/${role.id}`)).status).toBe(404);
  });
});

describe('role names in user lists', () => {
  it('follow role membership changes', async () => {
    const s = testSandbox();
    const [, manager, member] = s.credentials.personal_access_tokens;
    const role = (await call(s, 'POST', '/v2/roles', { body: { name: 'Swap', user_ids: [member!.user_id] } }))
      .body;
    const rolesOf = async (id: number) =>
      (await call(s, 'GET', '/v2/users')).body.users.find((u: { id: number }) => u.id === id)
        .roles as string[];
    expect(await rolesOf(member!.user_id)).toContain('Swap');
    await call(s, 'PATCH', `/v2/roles/${role.id}`, { body: { user_ids: [manager!.user_id] } });
    expect(await rolesOf(member!.user_id)).not.toContain('Swap');
    expect(await rolesOf(manager!.user_id)).toContain('Swap');
  });
});

describe('billable and cost rates', () => {
  it('lists oldest first, computes end_date, replaces without start_date, refuses future start dates', async () => {
    const s = testSandbox();
    const user = s.credentials.personal_access_tokens[2]!.user_id;
    for (const kind of ['billable_rates', 'cost_rates']) {
      const added = await call(s, 'POST', `/v2/users/${user}/${kind}`, {
        body: { amount: 150, start_date: '2025-05-01' },
      });
      expect(added.status).toBe(201);
      const list = (await call(s, 'GET', `/v2/users/${user}/${kind}`)).body[kind];
      expect(list.at(-1)).toMatchObject({ amount: 150, start_date: '2025-05-01', end_date: null });
      expect(list.at(-2).end_date).toBe('2025-04-30');
      expect((await call(s, 'GET', `/v2/users/${user}/${kind}/${added.body.id}`)).body.amount).toBe(150);
      expect(
        (
          await call(s, 'POST', `/v2/users/${user}/${kind}`, {
            body: { amount: 1, start_date: '2030-01-01' },
          })
        ).status,
      ).toBe(422);
      await call(s, 'POST', `/v2/users/${user}/${kind}`, { body: { amount: 175 } });
      expect((await call(s, 'GET', `/v2/users/${user}/${kind}`)).body[kind]).toHaveLength(1);
    }
    expect((await call(s, 'GET', `/v2/users/${user}`)).body).toMatchObject({
      default_hourly_rate: 175,
      cost_rate: 175,
    });
  });
});

describe('project assignments', () => {
  it("lists my active assignments page-based with task assignments, and another user's for admins only", async () => {
    const s = testSandbox();
    const me = await call(s, 'GET', '/v2/users/me/project_assignments', { who: 'member' });
    expect(me.status).toBe(200);
    expect(me.body.page).toBe(1);
    const pa = me.body.project_assignments[0];
    expect(pa).toMatchObject({
      is_active: true,
      project: { id: expect.any(Number), code: expect.any(String) },
      client: { id: expect.any(Number) },
    });
    expect(pa.task_assignments[0]).toMatchObject({
      task: { id: expect.any(Number), name: expect.any(String) },
      billable: expect.any(Boolean),
    });
    const memberId = s.credentials.personal_access_tokens[2]!.user_id;
    const byAdmin = await call(s, 'GET', `/v2/users/${memberId}/project_assignments`);
    expect(byAdmin.body.project_assignments.map((p: { id: number }) => p.id)).toEqual(
      me.body.project_assignments.map((p: { id: number }) => p.id),
    );
    const adminId = s.credentials.personal_access_tokens[0]!.user_id;
    expect((await call(s, 'GET', `/v2/users/${adminId}/project_assignments`, { who: 'member' })).status).toBe(
      403,
    );
  });
});
