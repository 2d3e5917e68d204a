import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../create-sandbox';
import { call, testSandbox, type Who } from '../test-support';

/** Fact sheet §5.5: time entries, timers in both modes, filters, roles and locks. */
async function workFor(s: Sandbox, who: Who = 'member') {
  const pa = (await call(s, 'GET', '/v2/users/me/project_assignments', { who })).body.project_assignments[0];
  return { project_id: pa.project.id as number, task_id: pa.task_assignments[0].task.id as number };
}

describe('time entries: listing', () => {
  const s = testSandbox();

  it('has ids above 2^31, sorted by spent_date newest first, with one running timer seeded', async () => {
    const { body } = await call(s, 'GET', '/v2/time_entries?per_page=500');
    expect(body.time_entries.every((e: { id: number }) => e.id > 2 ** 31)).toBe(true);
    const dates = body.time_entries.map((e: { spent_date: string }) => e.spent_date);
    expect(dates).toEqual([...dates].sort().reverse());
    const running = (await call(s, 'GET', '/v2/time_entries?is_running=true')).body.time_entries;
    expect(running).toHaveLength(1);
    expect(running[0]).toMatchObject({ is_running: true, timer_started_at: expect.any(String) });
  });

  it('seeds billed, approved-and-locked entries and entries with external_reference', async () => {
    const billed = (await call(s, 'GET', '/v2/time_entries?is_billed=true&per_page=5')).body.time_entries;
    expect(billed[0]).toMatchObject({
      is_billed: true,
      is_locked: true,
      invoice: { id: expect.any(Number), number: expect.any(String) },
    });
    const approved = (await call(s, 'GET', '/v2/time_entries?approval_status=approved&per_page=5')).body
      .time_entries;
    expect(approved[0]).toMatchObject({
      approval_status: 'approved',
      is_locked: true,
      locked_reason: expect.any(String),
    });
    const withRef = (await call(s, 'GET', '/v2/time_entries?per_page=2000')).body.time_entries.find(
      (e: { external_reference: unknown }) => e.external_reference,
    );
    expect(withRef.external_reference).toMatchObject({
      id: expect.any(String),
      permalink: expect.stringMatching(/^https:/),
    });
    const byRef = (
      await call(s, 'GET', `/v2/time_entries?external_reference_id=${withRef.external_reference.id}`)
    ).body.time_entries;
    expect(byRef.length).toBeGreaterThan(0);
    expect(
      byRef.every(
        (e: { external_reference: { id: string } }) =>
          e.external_reference.id === withRef.external_reference.id,
      ),
    ).toBe(true);
  });

  it('filters by user, project, client, task, dates and updated_since', async () => {
    const any = (await call(s, 'GET', '/v2/time_entries?per_page=1&is_running=false')).body.time_entries[0];
    // biome-ignore lint/suspicious/noExplicitAny: entries are checked field by field
    const checks: Array<[string, (e: Record<string, any>) => boolean]> = [
      [`user_id=${any.user.id}`, (e) => e.user.id === any.user.id],
      [`project_id=${any.project.id}`, (e) => e.project.id === any.project.id],
      [`client_id=${any.client.id}`, (e) => e.client.id === any.client.id],
      [`task_id=${any.task.id}`, (e) => e.task.id === any.task.id],
      ['from=2025-05-01&to=2025-05-07', (e) => e.spent_date >= '2025-05-01' && e.spent_date <= '2025-05-07'],
      ['updated_since=2025-05-20T00:00:00Z', (e) => e.updated_at >= '2025-05-20T00:00:00Z'],
      ['is_billed=false', (e) => !e.is_billed],
      ['approval_status=submitted', (e) => e.approval_status === 'submitted'],
    ];
    for (const [q, ok] of checks) {
      const list = (await call(s, 'GET', `/v2/time_entries?${q}`)).body.time_entries;
      expect(list.length, q).toBeGreaterThan(0);
      expect(list.every(ok), q).toBe(true);
    }
    expect((await call(s, 'GET', '/v2/time_entries?from=not-a-date')).status).toBe(422);
  });

  it('shows members only their own entries', async () => {
    const me = s.credentials.personal_access_tokens[2]!.user_id;
    const list = (await call(s, 'GET', '/v2/time_entries', { who: 'member' })).body;
    expect(list.total_entries).toBeGreaterThan(0);
    expect(list.time_entries.every((e: { user: { id: number } }) => e.user.id === me)).toBe(true);
    const other = (await call(s, 'GET', '/v2/time_entries?per_page=200')).body.time_entries.find(
      (e: { user: { id: number } }) => e.user.id !== me,
    );
    expect((await call(s, 'GET', `/v2/time_entries/${other.id}`, { who: 'member' })).status).toBe(404);
  });
});

describe('timers in duration mode', () => {
  it('starts a timer when hours is omitted, grows with the clock, rounds, and stops', async () => {
    const s = testSandbox();
    const work = await workFor(s);
    const started = await call(s, 'POST', '/v2/time_entries', {
      who: 'member',
      body: { ...work, spent_date: '2025-06-02', notes: 'x' },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ is_running: true, hours: 0, started_time: null, ended_time: null });
    // One running timer per user: the seeded one was stopped.
    const running = (await call(s, 'GET', '/v2/time_entries?is_running=true', { who: 'member' })).body
      .time_entries;
    expect(running.map((e: { id: number }) => e.id)).toEqual([started.body.id]);
    s.clock.advance(2.11 * 3_600_000);
    const later = (await call(s, 'GET', `/v2/time_entries/${started.body.id}`, { who: 'member' })).body;
    expect(later.hours).toBe(2.11);
    expect(later.rounded_hours).toBe(2.25);
    const stopped = (await call(s, 'PATCH', `/v2/time_entries/${started.body.id}/stop`, { who: 'member' }))
      .body;
    expect(stopped).toMatchObject({ is_running: false, timer_started_at: null, hours: 2.11 });
    expect(
      (await call(s, 'PATCH', `/v2/time_entries/${started.body.id}/stop`, { who: 'member' })).status,
    ).toBe(422);
  });

  it('creates a stopped entry with hours, restarts it with the same id, and refuses start/end times', async () => {
    const s = testSandbox();
    const work = await workFor(s);
    const entry = (
      await call(s, 'POST', '/v2/time_entries', {
        who: 'member',
        body: { ...work, spent_date: '2025-06-02', hours: 1.5 },
      })
    ).body;
    expect(entry).toMatchObject({ is_running: false, hours: 1.5 });
    const restarted = (await call(s, 'PATCH', `/v2/time_entries/${entry.id}/restart`, { who: 'member' }))
      .body;
    expect(restarted).toMatchObject({ id: entry.id, is_running: true });
    expect((await call(s, 'PATCH', `/v2/time_entries/${entry.id}/restart`, { who: 'member' })).status).toBe(
      422,
    );
    const wrong = await call(s, 'POST', '/v2/time_entries', {
      who: 'member',
      body: { ...work, spent_date: '2025-06-02', started_time: '8:00am' },
    });
    expect(wrong.status).toBe(422);
  });
});

describe('timers in timestamp mode (wants_timestamp_timers)', () => {
  it('runs without ended_time, stops with ended_time, restarts as a new entry', async () => {
    const s = testSandbox({ timestampTimers: true });
    expect((await call(s, 'GET', '/v2/company')).body.wants_timestamp_timers).toBe(true);
    const work = await workFor(s);
    const done = (
      await call(s, 'POST', '/v2/time_entries', {
        who: 'member',
        body: { ...work, spent_date: '2025-06-02', started_time: '8:00am', ended_time: '9:30am' },
      })
    ).body;
    expect(done).toMatchObject({
      hours: 1.5,
      started_time: '8:00am',
      ended_time: '9:30am',
      is_running: false,
    });
    const timer = (
      await call(s, 'POST', '/v2/time_entries', {
        who: 'member',
        body: { ...work, spent_date: '2025-06-02' },
      })
    ).body;
    expect(timer).toMatchObject({ is_running: true, started_time: '9:00am', ended_time: null });
    s.clock.advance(30 * 60_000);
    const stopped = (await call(s, 'PATCH', `/v2/time_entries/${timer.id}/stop`, { who: 'member' })).body;
    expect(stopped).toMatchObject({ is_running: false, ended_time: '9:30am', hours: 0.5 });
    const restarted = (await call(s, 'PATCH', `/v2/time_entries/${timer.id}/restart`, { who: 'member' }))
      .body;
    expect(restarted.id).not.toBe(timer.id);
    expect(restarted).toMatchObject({ is_running: true, hours: 0 });
    const edited = (
      await call(s, 'PATCH', `/v2/time_entries/${restarted.id}`, {
        who: 'member',
        body: { ended_time: '11:00am' },
      })
    ).body;
    expect(edited).toMatchObject({
      is_running: false,
      started_time: '9:30am',
      ended_time: '11:00am',
      hours: 1.5,
    });
    expect(
      (
        await call(s, 'POST', '/v2/time_entries', {
          who: 'member',
          body: { ...work, spent_date: '2025-06-02', hours: 1 },
        })
      ).status,
    ).toBe(422);
  });

  it('switches mode through PATCH /v2/company', async () => {
    const s = testSandbox();
    expect(
      (await call(s, 'PATCH', '/v2/company', { body: { wants_timestamp_timers: true } })).body
        .wants_timestamp_timers,
    ).toBe(true);
    expect(
      (await call(s, 'PATCH', '/v2/company', { who: 'member', body: { wants_timestamp_timers: false } }))
        .status,
    ).toBe(403);
    expect((await call(s, 'GET', '/v2/company', { who: 'member' })).status).toBe(200);
  });
});

describe('updates, locks, external references and deletes', () => {
  it('updates, sets and deletes external_reference (strings emitted, numbers accepted), then deletes', async () => {
    const s = testSandbox();
    const work = await workFor(s);
    const ext = {
      id: 1337,
      group_id: 179,
      account_id: '1278453',
      permalink: 'https://example.com/projects/179/1337',
    };
    const e = (
      await call(s, 'POST', '/v2/time_entries', {
        who: 'member',
        body: { ...work, spent_date: '2025-06-01', hours: 1, external_reference: ext },
      })
    ).body;
    expect(e.external_reference).toEqual({
      id: '1337',
      group_id: '179',
      account_id: '1278453',
      permalink: ext.permalink,
      service: 'example.com',
      service_icon_url: expect.any(String),
    });
    const patched = (
      await call(s, 'PATCH', `/v2/time_entries/${e.id}`, {
        who: 'member',
        body: { notes: 'changed', hours: 2 },
      })
    ).body;
    expect(patched).toMatchObject({ notes: 'changed', hours: 2 });
    const cleared = await call(s, 'DELETE', `/v2/time_entries/${e.id}/external_reference`, { who: 'member' });
    expect(cleared.status).toBe(200);
    expect(
      (await call(s, 'GET', `/v2/time_entries/${e.id}`, { who: 'member' })).body.external_reference,
    ).toBeNull();
    expect((await call(s, 'DELETE', `/v2/time_entries/${e.id}`, { who: 'member' })).status).toBe(200);
    expect((await call(s, 'GET', `/v2/time_entries/${e.id}`, { who: 'member' })).status).toBe(404);
  });

  it('refuses changes to locked entries', async () => {
    const s = testSandbox();
    const locked = (
      await call(s, 'GET', '/v2/time_entries?approval_status=approved&per_page=1', { who: 'member' })
    ).body.time_entries[0];
    expect(locked.is_locked).toBe(true);
    expect(
      (await call(s, 'PATCH', `/v2/time_entries/${locked.id}`, { who: 'member', body: { notes: 'x' } }))
        .status,
    ).toBe(422);
    expect((await call(s, 'PATCH', `/v2/time_entries/${locked.id}/restart`, { who: 'member' })).status).toBe(
      422,
    );
    expect((await call(s, 'DELETE', `/v2/time_entries/${locked.id}`, { who: 'member' })).status).toBe(422);
  });

  it('refuses a member creating time for someone else', async () => {
    const s = testSandbox();
    const work = await workFor(s);
    const admin = s.credentials.personal_access_tokens[0]!.user_id;
    expect(
      (
        await call(s, 'POST', '/v2/time_entries', {
          who: 'member',
          body: { ...work, user_id: admin, spent_date: '2025-06-01', hours: 1 },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses time on an archived project and deleting time there', async () => {
    const s = testSandbox();
    const work = await workFor(s);
    const entry = (
      await call(s, 'POST', '/v2/time_entries', {
        who: 'member',
        body: { ...work, spent_date: '2025-06-01', hours: 1 },
      })
    ).body;
    await call(s, 'PATCH', `/v2/projects/${work.project_id}`, { body: { is_active: false } });
    const refused = await call(s, 'POST', '/v2/time_entries', {
      who: 'member',
      body: { ...work, spent_date: '2025-06-01', hours: 1 },
    });
    expect(refused.body).toEqual({ message: 'Project is archived' });
    expect((await call(s, 'DELETE', `/v2/time_entries/${entry.id}`, { who: 'member' })).status).toBe(422);
    const mine = (await call(s, 'GET', '/v2/users/me/project_assignments', { who: 'member' })).body
      .project_assignments;
    expect(mine.some((p: { project: { id: number } }) => p.project.id === work.project_id)).toBe(false);
  });
});
