import { describe, expect, it } from 'vitest';
import { call, testSandbox } from '../test-support';

/** Fact sheet §5.1 (/users for administrators or managers with teammates; teammates) and §5.5 (visibility). */
describe('managers and teammates', () => {
  it('lets a manager list only themselves and their teammates, with people_manager', async () => {
    const s = testSandbox();
    const [, manager, member] = s.credentials.personal_access_tokens;
    const me = (await call(s, 'GET', '/v2/users/me', { who: 'manager' })).body;
    expect(me.access_roles).toEqual(expect.arrayContaining(['manager', 'people_manager']));
    const listed = (await call(s, 'GET', '/v2/users', { who: 'manager' })).body.users.map(
      (u: { id: number }) => u.id,
    );
    expect(listed).toContain(manager!.user_id);
    expect(listed).toContain(member!.user_id);
    expect(listed.length).toBeLessThan(6);
    const admin = s.credentials.personal_access_tokens[0]!.user_id;
    expect((await call(s, 'GET', `/v2/users/${admin}`, { who: 'manager' })).status).toBe(403);
    expect((await call(s, 'GET', `/v2/users/${member!.user_id}`, { who: 'manager' })).status).toBe(200);
  });

  it("shows a manager their teammates' time entries", async () => {
    const s = testSandbox();
    const member = s.credentials.personal_access_tokens[2]!.user_id;
    const theirs = (await call(s, 'GET', `/v2/time_entries?user_id=${member}`, { who: 'manager' })).body;
    expect(theirs.total_entries).toBeGreaterThan(0);
    const admin = s.credentials.personal_access_tokens[0]!.user_id;
    const adminsOwn = (await call(s, 'GET', `/v2/time_entries?user_id=${admin}`)).body.total_entries;
    const seenByManager = (await call(s, 'GET', `/v2/time_entries?user_id=${admin}`, { who: 'manager' })).body
      .total_entries;
    expect(seenByManager).toBeLessThan(adminsOwn);
  });

  it('reads and sets teammates; a manager without teammates gets 403 on /users; non-managers are a 422', async () => {
    const s = testSandbox();
    const [admin, manager, member] = s.credentials.personal_access_tokens;
    const list = (await call(s, 'GET', `/v2/users/${manager!.user_id}/teammates`)).body;
    expect(list.teammates.map((t: { id: number }) => t.id)).toContain(member!.user_id);
    expect(list.teammates[0]).toEqual({
      id: expect.any(Number),
      first_name: expect.any(String),
      last_name: expect.any(String),
      email: expect.any(String),
    });
    expect((await call(s, 'GET', `/v2/users/${manager!.user_id}/teammates`, { who: 'manager' })).status).toBe(
      200,
    );
    const cleared = await call(s, 'PATCH', `/v2/users/${manager!.user_id}/teammates`, {
      body: { teammate_ids: [] },
    });
    expect(cleared.body).toEqual({ teammates: [] });
    expect((await call(s, 'GET', '/v2/users/me', { who: 'manager' })).body.access_roles).not.toContain(
      'people_manager',
    );
    expect((await call(s, 'GET', '/v2/users', { who: 'manager' })).status).toBe(403);
    expect(
      (
        await call(s, 'PATCH', `/v2/users/${member!.user_id}/teammates`, {
          body: { teammate_ids: [admin!.user_id] },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(s, 'PATCH', `/v2/users/${manager!.user_id}/teammates`, {
          who: 'manager',
          body: { teammate_ids: [] },
        })
      ).status,
    ).toBe(403);
  });
});
