import type {
  HarvestProjectAssignment,
  HarvestTimeEntry,
  ListResponse,
  RunningTimerResponse,
  TimerChangeResponse,
} from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, json, sessionToken, type Who } from '../data-api/test/harness';

let h: Harness;
afterEach(() => h?.close());

async function allEntries(
  h: Harness,
  query: string,
  who: Who = 'administrator',
): Promise<HarvestTimeEntry[]> {
  const out: HarvestTimeEntry[] = [];
  let cursor: string | null = null;
  do {
    const page: ListResponse<HarvestTimeEntry> = await json(
      await h.get(`/v1/tools/time-entries?${query}${cursor ? `&cursor=${cursor}` : ''}`, who),
    );
    out.push(...page.result);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

const send = (h: Harness, method: string, path: string, body?: unknown, who: Who = 'member') =>
  h.get(path, who, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });

describe('time tools', () => {
  it('answers the company, with its timer mode', async () => {
    h = await harness();
    const { result } = await json<{ result: { wants_timestamp_timers: boolean } }>(
      await h.get('/v1/tools/company', 'member'),
    );
    expect(result.wants_timestamp_timers).toBe(false);
  });

  it('pages through time entries with cursors, and every Harvest filter holds on what comes back', async () => {
    h = await harness();
    const everything = await allEntries(h, 'limit=1000');
    const paged = await allEntries(h, 'limit=250&from=2000-01-01');
    expect(paged.map((e) => e.id).sort()).toEqual(everything.map((e) => e.id).sort());
    expect(everything.length).toBeGreaterThan(1000);
    const sample = everything[Math.floor(everything.length / 3)]!;
    const checks: Array<[string, (e: HarvestTimeEntry) => boolean]> = [
      [`user_id=${sample.user.id}`, (e) => e.user.id === sample.user.id],
      [`project_id=${sample.project.id}`, (e) => e.project.id === sample.project.id],
      [`client_id=${sample.client.id}`, (e) => e.client.id === sample.client.id],
      [`task_id=${sample.task.id}`, (e) => e.task.id === sample.task.id],
      ['is_billed=true', (e) => e.is_billed],
      ['is_billed=false', (e) => !e.is_billed],
      ['is_running=true', (e) => e.is_running],
      [`from=${sample.spent_date}&to=${sample.spent_date}`, (e) => e.spent_date === sample.spent_date],
      [`updated_since=${encodeURIComponent(sample.updated_at)}`, (e) => e.updated_at >= sample.updated_at],
    ];
    for (const [query, keep] of checks) {
      const got = await allEntries(h, `limit=1000&${query}`);
      expect(got.map((e) => e.id).sort(), query).toEqual(
        everything
          .filter(keep)
          .map((e) => e.id)
          .sort(),
      );
    }
    const withRef = everything.find((e) => e.external_reference);
    if (withRef) {
      const got = await allEntries(
        h,
        `external_reference_id=${encodeURIComponent(withRef.external_reference!.id)}`,
      );
      expect(got.every((e) => e.external_reference?.id === withRef.external_reference!.id)).toBe(true);
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('shows a member only their own entries', async () => {
    h = await harness();
    const pat = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === 'member')!;
    const mine = await allEntries(h, 'limit=1000', 'member');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.user.id === pat.user_id)).toBe(true);
  });

  it("gives a session token the caller's own entries unless user_id is named; API keys see everyone's", async () => {
    h = await harness();
    const admin = h.sandbox.credentials.personal_access_tokens.find(
      (p) => p.access_role === 'administrator',
    )!;
    const widget = { authorization: `Bearer ${sessionToken('administrator', ['time:read'])}` };
    const asWidget = async (query: string) => {
      const out: HarvestTimeEntry[] = [];
      let cursor: string | null = null;
      do {
        const page: ListResponse<HarvestTimeEntry> = await json(
          await h.app.request(`/v1/tools/time-entries?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: widget,
          }),
        );
        out.push(...page.result);
        cursor = page.next_cursor;
      } while (cursor);
      return out;
    };
    const everyone = await allEntries(h, 'limit=1000', 'administrator');
    const others = everyone.filter((e) => e.user.id !== admin.user_id);
    expect(others.length).toBeGreaterThan(0);

    const mine = await asWidget('limit=100');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.user.id === admin.user_id)).toBe(true);
    expect(mine.map((e) => e.id).sort()).toEqual(
      everyone
        .filter((e) => e.user.id === admin.user_id)
        .map((e) => e.id)
        .sort(),
    );
    // Who "me" is was asked once and reused across the pages.
    expect(h.sandbox.control.requests().filter((r) => r.path === '/v2/users/me')).toHaveLength(1);

    const someoneElse = others[0]!.user.id;
    const theirs = await asWidget(`limit=1000&user_id=${someoneElse}`);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.user.id === someoneElse)).toBe(true);
  });

  it('starts, finds, switches, restarts and stops timers with external references', async () => {
    h = await harness();
    const assignments = await json<ListResponse<HarvestProjectAssignment>>(
      await h.get('/v1/tools/my-assignments', 'member'),
    );
    const [a, b] = assignments.result.flatMap((p) =>
      p.task_assignments.map((t) => ({ project_id: p.project.id, task_id: t.task.id })),
    );
    expect(a && b).toBeTruthy();
    const ref = (id: string) => ({
      id,
      group_id: 'board-7',
      account_id: 'acme',
      permalink: `https://tracker.example/items/${id}`,
    });

    const first = await json<TimerChangeResponse>(
      await send(h, 'POST', '/v1/tools/timers', { ...a, notes: 'Card 1', external_reference: ref('card-1') }),
      201,
    );
    expect(first.result).toMatchObject({
      is_running: true,
      notes: 'Card 1',
      external_reference: { id: 'card-1', group_id: 'board-7' },
    });
    const running = await json<RunningTimerResponse>(
      await h.get('/v1/tools/timers/running?external_reference_id=card-1', 'member'),
    );
    expect(running.result?.id).toBe(first.result.id);
    expect(
      (
        await json<RunningTimerResponse>(
          await h.get('/v1/tools/timers/running?external_reference_id=card-2', 'member'),
        )
      ).result,
    ).toBeNull();

    const second = await json<TimerChangeResponse>(
      await send(h, 'POST', '/v1/tools/timers', { ...b, external_reference: ref('card-2') }),
      201,
    );
    expect(second.stopped).toMatchObject({ id: first.result.id, is_running: false });

    const restarted = await json<TimerChangeResponse>(
      await send(h, 'PATCH', `/v1/tools/timers/${first.result.id}/restart`),
    );
    expect(restarted.result.is_running).toBe(true);
    expect(restarted.stopped).toMatchObject({ id: second.result.id, is_running: false });

    const stopped = await json<TimerChangeResponse>(
      await send(h, 'POST', `/v1/tools/timers/${restarted.result.id}/stop`),
    );
    expect(stopped).toMatchObject({ result: { is_running: false }, stopped: null });
    expect(
      (await json<RunningTimerResponse>(await h.get('/v1/tools/timers/running', 'member'))).result,
    ).toBeNull();
  });

  it('starts timers in timestamp mode too, where a restart answers a new entry', async () => {
    h = await harness({ sandbox: { timestampTimers: true } });
    const assignments = await json<ListResponse<HarvestProjectAssignment>>(
      await h.get('/v1/tools/my-assignments', 'member'),
    );
    const p = assignments.result[0]!;
    const started = await json<TimerChangeResponse>(
      await send(h, 'POST', '/v1/tools/timers', {
        project_id: p.project.id,
        task_id: p.task_assignments[0]!.task.id,
      }),
      201,
    );
    expect(started.result.is_running).toBe(true);
    const stopped = await json<TimerChangeResponse>(
      await send(h, 'PATCH', `/v1/tools/timers/${started.result.id}/stop`),
    );
    expect(stopped.result.ended_time).toBeTruthy();
    const restarted = await json<TimerChangeResponse>(
      await send(h, 'PATCH', `/v1/tools/timers/${started.result.id}/restart`),
    );
    expect(restarted.result.is_running).toBe(true);
    expect(restarted.result.id).not.toBe(started.result.id);
  });

  it('maps Harvest refusals: unknown project 422 with its message, unknown entry 404', async () => {
    h = await harness();
    const bad = await send(h, 'POST', '/v1/tools/timers', { project_id: 1, task_id: 1 });
    expect([404, 422]).toContain(bad.status);
    expect((await send(h, 'PATCH', '/v1/tools/timers/999999999/stop')).status).toBe(404);
  });

  it('validates input and scopes before calling Harvest', async () => {
    h = await harness();
    for (const body of [
      {},
      { project_id: 'x', task_id: 1 },
      { project_id: 1, task_id: 1, spent_date: '2026-13-45' },
      { project_id: 1, task_id: 1, external_reference: { id: 'x' } },
      { project_id: 1, task_id: 1, extra: true },
      { project_id: '1', task_id: 1 },
      { project_id: 1, task_id: 1, notes: 'half a pair \ud800' },
    ]) {
      expect((await send(h, 'POST', '/v1/tools/timers', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (
        await h.get('/v1/tools/timers', 'member', {
          method: 'POST',
          body: '{',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.get('/v1/tools/timers', 'member', {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    for (const query of [
      'from=yesterday',
      'from=2026-02-30',
      'user_id=1e3',
      'user_id=0x10',
      'limit=1e2',
      'external_reference_id=%00',
      'is_running=yes',
      'user_id=-1',
      'limit=5000',
      'approval_status=maybe',
    ]) {
      expect((await h.get(`/v1/tools/time-entries?${query}`)).status, query).toBe(400);
    }
    const readOnly = await h.app.request('/v1/tools/timers', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sessionToken('member', ['time:read'])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ project_id: 1, task_id: 1 }),
    });
    expect(readOnly.status).toBe(403);
    expect(h.sandbox.control.requests()).toHaveLength(0);
  });
});
