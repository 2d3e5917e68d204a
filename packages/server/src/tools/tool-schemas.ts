import { z } from 'zod';
import { booleanParam, isoDateTime, limitParam } from '../unified/unified-schemas';

/** An id in a query string: digits only (no `1e3`, `0x10` or spaces), a safe integer. */
const queryId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'expected a positive integer')
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER));
/** An id in a JSON body. */
const bodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A real calendar date: `2026-02-30` is refused here rather than by Harvest. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');
/** Free text: bounded, no null bytes, no lone UTF-16 surrogates (they cannot be encoded for Harvest). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'null bytes are not allowed')
    .refine((s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed(), 'malformed Unicode');
const page = { limit: limitParam, cursor: z.string().max(2048).optional() };

/** `GET /v1/tools/time-entries`: Harvest's filters (fact sheet §5.5). */
export const timeEntriesQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    user_id: queryId.optional(),
    project_id: queryId.optional(),
    client_id: queryId.optional(),
    task_id: queryId.optional(),
    is_billed: booleanParam.optional(),
    is_running: booleanParam.optional(),
    approval_status: z.enum(['unsubmitted', 'submitted', 'approved']).optional(),
    external_reference_id: text(255).min(1).optional(),
    updated_since: isoDateTime.optional(),
    ...page,
  })
  .strict();

const refPart = z.union([text(255), z.number().int()]);

/** `POST /v1/tools/timers`. */
export const startTimerBody = z
  .object({
    project_id: bodyId,
    task_id: bodyId,
    notes: text(10_000).optional(),
    spent_date: isoDate.optional(),
    external_reference: z
      .object({
        id: refPart,
        group_id: refPart.nullish(),
        account_id: refPart.nullish(),
        permalink: z.string().url().max(2048),
      })
      .strict()
      .optional(),
  })
  .strict();

export const runningTimerQuery = z.object({ external_reference_id: text(255).min(1).optional() }).strict();

export const pageQuery = z.object(page).strict();

/** `GET /v1/tools/invoices`: Harvest's filters plus the derived `state=overdue`. */
export const invoicesQuery = z
  .object({
    state: z.enum(['draft', 'open', 'paid', 'closed', 'overdue']).optional(),
    client_id: queryId.optional(),
    project_id: queryId.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    updated_since: isoDateTime.optional(),
    ...page,
  })
  .strict();

export const createPaymentBody = z
  .object({
    amount: z.number().positive().max(1e12),
    paid_date: isoDate.optional(),
    notes: text(10_000).optional(),
  })
  .strict();

export const utilizationQuery = z.object({ week: isoDate.optional() }).strict();

const name = text(255).trim().min(1);

/** `POST /v1/tools/provisioning`. */
export const provisionBody = z
  .object({
    client: z
      .object({
        name,
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
      })
      .strict(),
    project: z
      .object({
        name,
        code: text(100).optional(),
        is_billable: z.boolean().optional(),
        bill_by: z.enum(['Project', 'Tasks', 'People', 'none']).optional(),
        budget_by: z.enum(['project', 'project_cost', 'task', 'task_fees', 'person', 'none']).optional(),
      })
      .strict(),
    task_ids: z.array(bodyId).max(100).optional(),
    task_names: z.array(name).max(100).optional(),
    user_ids: z.array(bodyId).max(500).optional(),
  })
  .strict();

export type ProvisionInput = z.output<typeof provisionBody>;
