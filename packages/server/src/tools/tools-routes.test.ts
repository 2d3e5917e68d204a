import type { ProvisionResponse, UtilizationResponse } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../data-api/test/harness';

let h: Harness;
afterEach(() => h?.close());

const provision = (h: Harness, body: unknown, key?: string) =>
  h.get('/v1/tools/provisioning', 'administrator', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  });

async function names(h: Harness, path: string): Promise<string[]> {
  const res = await h.get(`/v1/proxy/harvest/${path}?per_page=2000`);
  const body = (await res.json()) as { result: Array<{ name: string }> };
  expect(res.status).toBe(200);
  return body.result.map((x) => x.name);
}

describe('utilization', () => {
  it('compares hours with capacity for a week, employees before contractors, flagged by thresholds', async () => {
    h = await harness();
    const res = await h.get('/v1/tools/utilization?week=2026-06-03');
    const body = (await res.json()) as UtilizationResponse;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.week).toEqual({ from: '2026-06-01', to: '2026-06-07' });
    expect(body.thresholds).toEqual({ under: 0.6, over: 1 });
    expect(body.result.length).toBeGreaterThan(0);
    const firstContractor = body.result.findIndex((r) => r.is_contractor);
    if (firstContractor >= 0)
      expect(body.result.slice(firstContractor).every((r) => r.is_contractor)).toBe(true);
    for (const r of body.result) {
      if (r.capacity_hours > 0) expect(r.utilization).toBeCloseTo(r.hours / r.capacity_hours, 1);
      expect(r.flag).toBe(
        r.capacity_hours <= 0 ? 'ok' : r.utilization > 1 ? 'over' : r.utilization < 0.6 ? 'under' : 'ok',
      );
    }
    expect(body.result.some((r) => r.hours > 0)).toBe(true);
    expect(h.sandbox.control.requests().some((r) => r.path === '/v2/reports/time/team')).toBe(true);
  });

  it('is refused for a member', async () => {
    h = await harness();
    expect((await h.get('/v1/tools/utilization', 'member')).status).toBe(403);
  });
});

describe('provisioning', () => {
  const request = {
    client: { name: 'Provisioned Client' },
    project: { name: 'Onboarding' },
    task_names: ['Discovery'],
    user_ids: [] as number[],
  };

  it('creates client, project, tasks and assignments, replays for the same key, and finds by name afterwards', async () => {
    h = await harness();
    const user = h.sandbox.credentials.personal_access_tokens.find(
      (p) => p.access_role === 'member',
    )!.user_id;
    const body = { ...request, user_ids: [user] };
    const first = await provision(h, body, 'key-1');
    const created = (await first.json()) as ProvisionResponse;
    expect(first.status, JSON.stringify(created)).toBe(201);
    expect(created.result).toMatchObject({ client: { created: true }, project: { created: true } });
    expect(created.result.task_assignment_ids).toHaveLength(1);
    expect(created.result.user_assignment_ids).toHaveLength(1);

    const calls = h.sandbox.control.requests().length;
    const replay = await provision(h, body, 'key-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(created);
    expect(h.sandbox.control.requests().length).toBe(calls);

    const conflict = await provision(h, { ...body, project: { name: 'Other' } }, 'key-1');
    expect(conflict.status).toBe(409);

    const again = (await (await provision(h, body, 'key-2')).json()) as ProvisionResponse;
    expect(again.result).toMatchObject({
      client: { id: created.result.client.id, created: false },
      project: { id: created.result.project.id, created: false },
      task_assignment_ids: created.result.task_assignment_ids,
      user_assignment_ids: created.result.user_assignment_ids,
    });
  });

  it('undoes what it created, in reverse order, when a later step fails', async () => {
    h = await harness();
    const res = await provision(
      h,
      { ...request, client: { name: 'Doomed Client' }, user_ids: [999_999_999] },
      'key-rollback',
    );
    const body = (await res.json()) as {
      error: { code: string; details: Array<{ path: string; message: string }> };
    };
    expect([404, 422]).toContain(res.status);
    expect(body.error.details.map((d) => d.path)).toEqual([
      'rollback.task assignment',
      'rollback.task',
      'rollback.project',
      'rollback.client',
    ]);
    expect(body.error.details.every((d) => d.message.startsWith('deleted'))).toBe(true);
    expect(await names(h, 'clients')).not.toContain('Doomed Client');
    expect(await names(h, 'tasks')).not.toContain('Discovery');
    const deletes = h.sandbox.control
      .requests()
      .filter((r) => r.method === 'DELETE')
      .map((r) => r.path.split('/')[2]);
    expect(deletes).toEqual(['projects', 'tasks', 'projects', 'clients']);
  });

  it('requires an Idempotency-Key and a valid body', async () => {
    h = await harness();
    expect((await provision(h, request)).status).toBe(400);
    expect((await provision(h, { client: {} }, 'k')).status).toBe(400);
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });
});
