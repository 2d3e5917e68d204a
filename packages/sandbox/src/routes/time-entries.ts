import { Hono } from 'hono';
import { z } from 'zod';
import { dateToDay, parseClockTime } from '../core/dates';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { found, pathId } from '../http/access';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';
import { pageEnvelope, readPaging } from '../http/paginate';
import { readQuery } from '../http/query';
import { validate, zBool, zDate, zDateTime, zId } from '../http/validate';
import { entryLookups } from '../serialize/entry-lookups';
import { serializeTimeEntry } from '../serialize/time-entry';
import type { TimeEntryRecord } from '../store/records';
import type { AccountStore } from '../store/store';
import { checkVariant, createEntrySchema, toExternalReference, updateEntrySchema } from '../time/entry-input';
import { minuteOfDay, restartEntry, stopEntry, stopRunningFor } from '../time/timers';
import { canSee, visibleScope } from '../time/visibility';

const filters = z.object({
  user_id: zId.optional(),
  client_id: zId.optional(),
  project_id: zId.optional(),
  task_id: zId.optional(),
  external_reference_id: z.string().max(255).optional(),
  is_billed: zBool.optional(),
  is_running: zBool.optional(),
  approval_status: z.enum(['unsubmitted', 'submitted', 'approved']).optional(),
  updated_since: zDateTime.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});

/** Checks project, task and assignments for an entry; returns whether it is billable. */
function checkWork(account: AccountStore, userId: number, projectId: number, taskId: number): boolean {
  const project = account.projects.get(projectId);
  if (!project) throw HarvestError.unprocessable('Project is invalid');
  if (!project.isActive) throw HarvestError.unprocessable('Project is archived');
  if (!account.tasks.has(taskId)) throw HarvestError.unprocessable('Task is invalid');
  const ta = [...account.taskAssignments.values()].find(
    (t) => t.projectId === projectId && t.taskId === taskId && t.isActive,
  );
  if (!ta) throw HarvestError.unprocessable('Task is not assigned to the project');
  const ua = [...account.userAssignments.values()].some(
    (u) => u.projectId === projectId && u.userId === userId && u.isActive,
  );
  if (!ua) throw HarvestError.unprocessable('User is not assigned to the project');
  return project.isBillable && ta.billable;
}

/** `/v2/time_entries` (fact sheet §5.5): page-based, spent date newest first, ids above 2^31. */
export function timeEntriesRoutes(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  const show = (account: AccountStore, e: TimeEntryRecord) =>
    serializeTimeEntry(entryLookups(account, rt.clock.now()), e);
  const load = (c: Parameters<typeof visibleScope>[0]) => {
    const entry = found(c.get('account').timeEntries.get(pathId(c)));
    if (!canSee(visibleScope(c), entry)) throw HarvestError.notFound();
    return entry;
  };
  const unlocked = (entry: TimeEntryRecord) => {
    if (entry.isLocked)
      throw HarvestError.unprocessable(`This time entry is locked: ${entry.lockedReason ?? 'locked'}`);
  };

  app.get('/time_entries', (c) => {
    const account = c.get('account');
    const f = readQuery(c, filters);
    const paging = readPaging(c, { cursor: false });
    let projectIds: Set<number> | undefined;
    if (f.client_id !== undefined) {
      projectIds = new Set(
        [...account.projects.values()].filter((p) => p.clientId === f.client_id).map((p) => p.id),
      );
    }
    if (f.project_id !== undefined)
      projectIds = new Set(projectIds ? [...projectIds].filter((id) => id === f.project_id) : [f.project_id]);
    const { total, items } = account.timeEntries.list(
      {
        userIds: f.user_id === undefined ? undefined : new Set([f.user_id]),
        projectIds,
        taskId: f.task_id,
        isBilled: f.is_billed,
        isRunning: f.is_running,
        approvalStatus: f.approval_status,
        updatedSince: f.updated_since,
        fromDay: f.from === undefined ? undefined : (dateToDay(f.from) ?? undefined),
        toDay: f.to === undefined ? undefined : (dateToDay(f.to) ?? undefined),
        externalReferenceId: f.external_reference_id,
        scope: visibleScope(c),
      },
      (paging.page - 1) * paging.perPage,
      paging.perPage,
    );
    const lookups = entryLookups(account, rt.clock.now());
    return c.json(
      pageEnvelope(
        c,
        'time_entries',
        items.map((e) => serializeTimeEntry(lookups, e)),
        total,
        paging,
      ),
    );
  });

  app.get('/time_entries/:id', (c) => c.json(show(c.get('account'), load(c))));

  app.post('/time_entries', async (c) => {
    const account = c.get('account');
    const me = c.get('user');
    const b = validate(createEntrySchema, await readBody(c));
    const timestamps = account.company.wants_timestamp_timers;
    checkVariant(timestamps, b);
    const userId = b.user_id ?? me.id;
    if (userId !== me.id && me.accessRole === 'member') throw HarvestError.forbidden();
    if (!account.users.has(userId)) throw HarvestError.unprocessable('User is invalid');
    const billable = checkWork(account, userId, b.project_id, b.task_id);
    const now = rt.clock.now();
    const start = b.started_time === undefined ? minuteOfDay(now) : parseClockTime(b.started_time)!;
    const end = b.ended_time === undefined ? null : parseClockTime(b.ended_time)!;
    if (end !== null && end < start)
      throw HarvestError.unprocessable('Ended time must be after started time');
    const running = timestamps ? end === null : b.hours === undefined;
    if (running) stopRunningFor(account, userId, now);
    const entry: TimeEntryRecord = {
      id: account.timeEntries.allocateId(),
      userId,
      projectId: b.project_id,
      taskId: b.task_id,
      spentDate: b.spent_date,
      hoursWithoutTimer: timestamps ? (end === null ? 0 : (end - start) / 60) : (b.hours ?? 0),
      timerStartedAt: running ? now : null,
      startedTime: timestamps ? start : null,
      endedTime: end,
      notes: b.notes ?? null,
      isLocked: false,
      lockedReason: null,
      approvalStatus: 'unsubmitted',
      isBilled: false,
      invoiceId: null,
      externalReference: b.external_reference ? toExternalReference(b.external_reference) : null,
      billable,
      createdAt: now,
      updatedAt: now,
    };
    account.timeEntries.put(entry);
    c.header('Location', `${new URL(c.req.url).origin}/api/v2/time_entries/${entry.id}`);
    return c.json(show(account, entry), 201);
  });

  app.patch('/time_entries/:id', async (c) => {
    const account = c.get('account');
    const entry = { ...load(c) };
    unlocked(entry);
    const b = validate(updateEntrySchema, await readBody(c));
    const timestamps = account.company.wants_timestamp_timers;
    checkVariant(timestamps, b);
    const now = rt.clock.now();
    if (b.project_id !== undefined || b.task_id !== undefined) {
      entry.billable = checkWork(
        account,
        entry.userId,
        b.project_id ?? entry.projectId,
        b.task_id ?? entry.taskId,
      );
    }
    entry.projectId = b.project_id ?? entry.projectId;
    entry.taskId = b.task_id ?? entry.taskId;
    entry.spentDate = b.spent_date ?? entry.spentDate;
    if (b.notes !== undefined) entry.notes = b.notes;
    if (b.external_reference !== undefined)
      entry.externalReference = b.external_reference ? toExternalReference(b.external_reference) : null;
    if (b.hours !== undefined) {
      entry.hoursWithoutTimer = b.hours;
      if (entry.timerStartedAt !== null) entry.timerStartedAt = now;
    }
    if (b.started_time !== undefined) entry.startedTime = parseClockTime(b.started_time);
    if (b.ended_time !== undefined) {
      entry.endedTime = parseClockTime(b.ended_time);
      // An end time on a running timestamp timer stops it.
      entry.timerStartedAt = null;
    }
    if (
      timestamps &&
      entry.startedTime !== null &&
      entry.endedTime !== null &&
      entry.timerStartedAt === null
    ) {
      if (entry.endedTime < entry.startedTime)
        throw HarvestError.unprocessable('Ended time must be after started time');
      entry.hoursWithoutTimer = (entry.endedTime - entry.startedTime) / 60;
    }
    entry.updatedAt = now;
    account.timeEntries.put(entry);
    return c.json(show(account, entry));
  });

  app.delete('/time_entries/:id/external_reference', (c) => {
    const account = c.get('account');
    const entry = { ...load(c) };
    unlocked(entry);
    entry.externalReference = null;
    entry.updatedAt = rt.clock.now();
    account.timeEntries.put(entry);
    return c.json(show(account, entry));
  });

  app.delete('/time_entries/:id', (c) => {
    const account = c.get('account');
    const entry = load(c);
    const admin = c.get('user').accessRole === 'administrator';
    if (entry.isBilled || (entry.isLocked && !admin)) unlocked(entry);
    // fact sheet §5.5: only when the project and task are not archived.
    const project = account.projects.get(entry.projectId);
    const task = account.tasks.get(entry.taskId);
    if ((project && !project.isActive) || (task && !task.isActive)) {
      throw HarvestError.unprocessable('Time entries on archived projects or tasks cannot be deleted');
    }
    account.timeEntries.delete(entry.id);
    return c.json(show(account, entry));
  });

  app.patch('/time_entries/:id/stop', (c) => {
    const account = c.get('account');
    return c.json(show(account, stopEntry(account, { ...load(c) }, rt.clock.now())));
  });

  app.patch('/time_entries/:id/restart', (c) => {
    const account = c.get('account');
    return c.json(show(account, restartEntry(account, { ...load(c) }, rt.clock.now())));
  });
  return app;
}
