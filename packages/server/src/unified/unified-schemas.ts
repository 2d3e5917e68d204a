import { PAGE_LIMITS } from '@harvest-connect/protocol';
import { z } from 'zod';

/** `?flag=true|false` as a boolean; anything else is a 400. */
export const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `limit` of our lists: 1..1000, default 100. */
export const limitParam = z
  .string()
  .regex(/^\d{1,4}$/, 'expected an integer')
  .transform(Number)
  .pipe(z.number().int().min(1).max(PAGE_LIMITS.max))
  .default(PAGE_LIMITS.default);

export const isoDateTime = z
  .string()
  .datetime({ offset: true })
  .describe('ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z');

export const unifiedUserSchema = z
  .object({
    id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    name: z.string(),
    emails: z.array(z.object({ email: z.string(), type: z.literal('work'), is_primary: z.boolean() })),
    status: z.enum(['active', 'inactive']),
    roles: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Business roles; `id` is the role name when the caller cannot read /v2/roles'),
    access_roles: z.array(z.string()),
    is_contractor: z.boolean(),
    employment_type: z.enum(['contractor', 'employee']),
    avatar_url: z.string().nullable(),
    timezone: z.string().nullable(),
    weekly_capacity_hours: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    remote_data: z.unknown().optional().describe('The Harvest user, with ?include_remote_data=true'),
  })
  .meta({ id: 'UnifiedUser' });

export const unifiedRoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    user_ids: z.array(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
    remote_data: z.unknown().optional(),
  })
  .meta({ id: 'UnifiedRole' });

export const unifiedMeSchema = z
  .object({ user: unifiedUserSchema, account: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: 'UnifiedMe' });

export const includeRemoteQuery = z.object({ include_remote_data: booleanParam.optional() }).strict();

export const listUsersQuery = z
  .object({
    status: z.enum(['active', 'inactive']).optional(),
    role: z.string().min(1).max(200).optional().describe('A role id or name'),
    access_role: z.string().min(1).max(100).optional().describe('administrator, manager, member, ...'),
    employment_type: z.enum(['contractor', 'employee']).optional(),
    q: z.string().max(200).optional().describe('Case-insensitive match on name or email'),
    updated_since: isoDateTime.optional(),
    limit: limitParam,
    cursor: z.string().max(2048).optional(),
    include_remote_data: booleanParam.optional(),
  })
  .strict();

export const listRolesQuery = z
  .object({
    limit: limitParam,
    cursor: z.string().max(2048).optional(),
    include_remote_data: booleanParam.optional(),
  })
  .strict();

/** The envelope of a list, for the OpenAPI document. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ result: z.array(item), next_cursor: z.string().nullable() });
}
