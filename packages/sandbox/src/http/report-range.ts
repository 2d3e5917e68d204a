import type { Context } from 'hono';
import { z } from 'zod';
import { dateToDay } from '../core/dates';
import type { SandboxEnv } from '../core/runtime';
import type { AccountStore } from '../store/store';
import { requireRole } from './access';
import { HarvestError } from './harvest-errors';
import { type Paging, readPaging } from './paginate';
import { readQuery } from './query';
import { zBool } from './validate';

/** Reports take `YYYYMMDD` (the docs' examples) or `YYYY-MM-DD`. */
const reportDate = z
  .string()
  .transform((v) => (/^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v))
  .refine((v) => dateToDay(v) !== null, 'is not a valid date')
  .transform((v) => dateToDay(v)!);
const range = z.object({ from: reportDate, to: reportDate, include_fixed_fee: zBool.optional() });

/**
 * Reads a report's `from`/`to` (required, at most 365 days apart, fact sheet §5.13) and paging; reports are
 * for administrators and managers.
 */
export function readReportRange(c: Context<SandboxEnv>): { from: number; to: number; paging: Paging } {
  requireRole(c, 'administrator', 'manager');
  const q = readQuery(c, range);
  if (q.to < q.from) throw HarvestError.unprocessable('The to date must be on or after the from date');
  if (q.to - q.from > 365) throw HarvestError.unprocessable('The date range cannot exceed 365 days');
  return { from: q.from, to: q.to, paging: readPaging(c, { cursor: false }) };
}

/** One page of already built report rows. */
export function reportPage<T>(rows: T[], paging: Paging): T[] {
  return rows.slice((paging.page - 1) * paging.perPage, paging.page * paging.perPage);
}

/** Hourly rate of a (project, task, user) triple: task assignment, then project, then the person's default. */
export function rateFor(
  account: AccountStore,
): (projectId: number, taskId: number, userId: number) => number {
  const ta = new Map(
    [...account.taskAssignments.values()].map((t) => [`${t.projectId}:${t.taskId}`, t.hourlyRate]),
  );
  return (projectId, taskId, userId) =>
    ta.get(`${projectId}:${taskId}`) ??
    account.projects.get(projectId)?.hourlyRate ??
    account.users.get(userId)?.defaultHourlyRate ??
    0;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
