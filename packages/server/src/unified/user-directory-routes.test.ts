import type { ListResponse, UnifiedMe, UnifiedRole, UnifiedUser } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, sessionToken } from '../data-api/test/harness';

const base = '/v1/unified/user-directory';
let h: Harness;
afterEach(() => h?.close());

async function all(
  h: Harness,
  query: string,
  who: 'administrator' | 'manager' = 'administrator',
): Promise<UnifiedUser[]> {
  const out: UnifiedUser[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.get(`${base}/users?${query}${cursor ? `&cursor=${cursor}` : ''}`, who);
    expect(res.status).toBe(200);
    const page = (await res.json()) as ListResponse<UnifiedUser>;
    out.push(...page.result);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('Unified User Directory', () => {
  it('answers /me for every role, naming the account', async () => {
    h = await harness();
    for (const who of ['administrator', 'manager', 'member'] as const) {
      const res = await h.get(`${base}/me`, who);
      expect(res.status).toBe(200);
      const { result } = (await res.json()) as { result: UnifiedMe };
      const pat = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === who)!;
      expect(result.user.id).toBe(String(pat.user_id));
      expect(result.user.access_roles).toContain(who);
      expect(result.account.id).toBe(String(pat.account_id));
      expect(result.user.remote_data).toBeUndefined();
    }
  });

  it('maps Harvest users to the unified shape (capacity in hours, role ids, remote_data on request)', async () => {
    h = await harness();
    const res = await h.get(`${base}/users?limit=1000&include_remote_data=true`);
    const { result } = (await res.json()) as ListResponse<UnifiedUser>;
    const roles = ((await (await h.get(`${base}/roles?limit=1000`)).json()) as ListResponse<UnifiedRole>)
      .result;
    const withRole = result.find((u) => u.roles.length > 0)!;
    expect(withRole).toBeDefined();
    for (const role of withRole.roles) expect(roles.find((r) => r.id === role.id)?.name).toBe(role.name);
    for (const u of result) {
      const remote = u.remote_data as {
        weekly_capacity: number;
        is_active: boolean;
        email: string;
        is_contractor: boolean;
      };
      expect(u.weekly_capacity_hours).toBeCloseTo(remote.weekly_capacity / 3600, 2);
      expect(u.status).toBe(remote.is_active ? 'active' : 'inactive');
      expect(u.employment_type).toBe(remote.is_contractor ? 'contractor' : 'employee');
      expect(u.emails).toEqual([{ email: remote.email, type: 'work', is_primary: true }]);
      expect(u.name).toBe(`${u.first_name} ${u.last_name}`);
    }
  });

  it('pages with opaque cursors and a limit, covering every user exactly once', async () => {
    h = await harness();
    const everyone = await all(h, 'limit=1000');
    const paged = await all(h, 'limit=5');
    expect(paged.map((u) => u.id)).toEqual(everyone.map((u) => u.id));
    expect(new Set(paged.map((u) => u.id)).size).toBe(paged.length);
    expect(everyone.length).toBeGreaterThan(5);
  });

  it('filters by status, employment type, access role, role, q and updated_since', async () => {
    h = await harness();
    const everyone = await all(h, 'limit=1000');
    const check = async (query: string, keep: (u: UnifiedUser) => boolean) => {
      const got = await all(h, `limit=7&${query}`);
      expect(got.map((u) => u.id).sort()).toEqual(
        everyone
          .filter(keep)
          .map((u) => u.id)
          .sort(),
      );
      return got;
    };
    expect((await check('status=inactive', (u) => u.status === 'inactive')).length).toBeGreaterThan(0);
    await check('status=active', (u) => u.status === 'active');
    expect((await check('employment_type=contractor', (u) => u.is_contractor)).length).toBeGreaterThan(0);
    await check('employment_type=employee', (u) => !u.is_contractor);
    await check('access_role=manager', (u) => u.access_roles.includes('manager'));
    const someone = everyone.find((u) => u.roles.length > 0)!;
    const role = someone.roles[0]!;
    await check(`role=${encodeURIComponent(role.id)}`, (u) => u.roles.some((r) => r.id === role.id));
    await check(`role=${encodeURIComponent(role.name.toUpperCase())}`, (u) =>
      u.roles.some((r) => r.name === role.name),
    );
    const needle = someone.last_name.slice(0, 3).toLowerCase();
    const byName = await check(`q=${encodeURIComponent(needle.toUpperCase())}`, (u) =>
      `${u.name} ${u.emails[0]?.email ?? ''}`.toLowerCase().includes(needle),
    );
    expect(byName.length).toBeGreaterThan(0);
    const times = everyone.map((u) => u.updated_at).sort();
    const middle = times[Math.floor(times.length / 2)]!;
    await check(`updated_since=${encodeURIComponent(middle)}`, (u) => u.updated_at >= middle);
  });

  it('serves a picker from the cache: repeated searches cost no further Harvest calls', async () => {
    h = await harness();
    await h.get(`${base}/users?q=a`);
    const before = h.sandbox.control.requests().length;
    for (const q of ['an', 'ann', 'anne', 'ma', 'mar'])
      expect((await h.get(`${base}/users?q=${q}`)).status).toBe(200);
    expect(h.sandbox.control.requests().length).toBe(before);
    // After 30 s the copy is stale: the next search loads the directory again.
    h.sandbox.clock.advance(30_000);
    expect((await h.get(`${base}/users?q=m`)).status).toBe(200);
    expect(h.sandbox.control.requests().length).toBeGreaterThan(before);
  });

  it('gets one user and one role, and answers 404 for unknown ids', async () => {
    h = await harness();
    const [first] = (await all(h, 'limit=1000')) as [UnifiedUser];
    const one = (await (await h.get(`${base}/users/${first.id}?include_remote_data=true`)).json()) as {
      result: UnifiedUser;
    };
    expect(one.result.id).toBe(first.id);
    expect(one.result.remote_data).toMatchObject({ id: Number(first.id) });
    const roles = ((await (await h.get(`${base}/roles`)).json()) as ListResponse<UnifiedRole>).result;
    const role = (await (await h.get(`${base}/roles/${roles[0]!.id}`)).json()) as { result: UnifiedRole };
    expect(role.result).toEqual(roles[0]);
    const missing = await h.get(`${base}/users/999999999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'upstream.not_found' } });
    expect((await h.get(`${base}/roles/999999999`)).status).toBe(404);
  });

  it('shows a manager their teammates only, with role names standing in for ids they may not read', async () => {
    h = await harness();
    const everyone = await all(h, 'limit=1000');
    const team = await all(h, 'limit=1000', 'manager');
    expect(team.length).toBeGreaterThan(0);
    expect(team.length).toBeLessThan(everyone.length);
    expect(team.every((u) => everyone.some((e) => e.id === u.id))).toBe(true);
    for (const u of team) for (const r of u.roles) expect(r.id).toBe(r.name);
    expect((await h.get(`${base}/roles`, 'manager')).status).toBe(403);
  });

  it('gives a member a clear 403 on users and roles', async () => {
    h = await harness();
    for (const path of ['/users', '/roles', '/users/1']) {
      const res = await h.get(`${base}${path}`, 'member');
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'upstream.forbidden' } });
    }
  });

  it('refuses bad input with 400 before calling Harvest', async () => {
    h = await harness();
    for (const query of [
      'limit=0',
      'limit=1001',
      'limit=abc',
      'status=gone',
      'cursor=not*a*cursor',
      'cursor=eyJ4IjoxfQ',
      'updated_since=yesterday',
      'bogus=1',
      'limit=1&limit=2',
      `q=${'x'.repeat(300)}`,
      'q=%00',
    ]) {
      const res = await h.get(`${base}/users?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request.invalid');
    }
    expect((await h.get(`${base}/users/abc`)).status).toBe(400);
    expect((await h.get(`${base}/users/1%00`)).status).toBe(400);
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });

  it('accepts a session token with the user_directory:read scope only', async () => {
    h = await harness();
    const ok = await h.app.request(`${base}/me`, {
      headers: { authorization: `Bearer ${sessionToken('manager', ['user_directory:read'])}` },
    });
    expect(ok.status).toBe(200);
    const denied = await h.app.request(`${base}/me`, {
      headers: { authorization: `Bearer ${sessionToken('manager', ['time:read'])}` },
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { code: 'auth.scope_denied' } });
  });
});
