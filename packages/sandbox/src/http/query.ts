import type { Context } from 'hono';
import { z } from 'zod';
import { validate, zBool, zDate, zDateTime, zId } from './validate';

/** Parses query filters with a zod object (unknown parameters are ignored, as Harvest does). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return validate(schema, c.req.query());
}

/** Filters most lists share (fact sheet §5, §7). */
export const commonFilters = {
  is_active: zBool.optional(),
  updated_since: zDateTime.optional(),
};

export const listFilters = z.object(commonFilters);

/** Re-exported building blocks for route files. */
export { zBool, zDate, zDateTime, zId };

/** Newest created first (fact sheet §3): ids grow with creation, so by id descending. */
export function newestFirst<T extends { id: number }>(rows: Iterable<T>): T[] {
  const list = [...rows];
  // Maps keep insertion order, which is id order unless ids were inserted out of turn: then a reverse is enough.
  let ascending = true;
  for (let i = 1; i < list.length && ascending; i++) ascending = list[i - 1]!.id < list[i]!.id;
  return ascending ? list.reverse() : list.sort((a, b) => b.id - a.id);
}

/** Applies `is_active` and `updated_since` when the rows have those fields. */
export function applyCommon<T extends { isActive?: boolean; updatedAt: number }>(
  rows: T[],
  f: { is_active?: boolean | undefined; updated_since?: number | undefined },
): T[] {
  return rows.filter(
    (r) =>
      (f.is_active === undefined || r.isActive === f.is_active) &&
      (f.updated_since === undefined || r.updatedAt >= f.updated_since),
  );
}
