import { z } from 'zod';
import { booleanParam, isoDateTime, limitParam } from '../unified/unified-schemas';

const harvestId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'null bytes are not allowed');
const page = { limit: limitParam, cursor: z.string().max(2048).optional() };

/** `GET /v1/tools/time-entries`: Harvest's filters (fact sheet §5.5). */
export const timeEntriesQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    user_id: harvestId.optional(),
    project_id: harvestId.optional(),
    client_id: harvestId.optional(),
    task_id: harvestId.optional(),
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
    project_id: harvestId,
    task_id: harvestId,
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
    client_id: harvestId.optional(),
    project_id: harvestId.optional(),
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
    task_ids: z.array(harvestId).max(100).optional(),
    task_names: z.array(name).max(100).optional(),
    user_ids: z.array(harvestId).max(500).optional(),
  })
  .strict();

export type ProvisionInput = z.output<typeof provisionBody>;
