import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import type { Context } from 'hono';
import { HarvestError } from './harvest-errors';

/** Paging as asked for: page numbers, or a cursor on the endpoints that have one (fact sheet §3). */
export interface Paging {
  perPage: number;
  page: number;
  /** Set when a cursor was sent (it wins over `page`). */
  cursor: { after?: number; before?: number } | null;
  /** Cursor-capable endpoint asked without `page`: answer in cursor style. */
  cursorStyle: boolean;
}

const CONTROL = new Set(['page', 'per_page', 'cursor', 'ref', 'access_token', 'account_id']);

/**
 * Reads `page`, `per_page` and `cursor`. `per_page` defaults to 2000 (invoices 100); above 2000 is a 422.
 *
 * @example
 * const paging = readPaging(c, { cursor: true });
 */
export function readPaging(c: Context, opts: { cursor: boolean; defaultPerPage?: number }): Paging {
  const q = c.req.query();
  const perPage =
    q.per_page === undefined ? (opts.defaultPerPage ?? HARVEST_LIMITS.maxPerPage) : Number(q.per_page);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > HARVEST_LIMITS.maxPerPage) {
    throw HarvestError.unprocessable(`per_page must be between 1 and ${HARVEST_LIMITS.maxPerPage}`);
  }
  let cursor: Paging['cursor'] = null;
  if (opts.cursor && q.cursor !== undefined) cursor = decodeCursor(q.cursor);
  const page = q.page === undefined || cursor ? 1 : Number(q.page);
  if (!Number.isInteger(page) || page < 1)
    throw HarvestError.unprocessable('page must be a positive integer');
  return { perPage, page, cursor, cursorStyle: opts.cursor && q.page === undefined };
}

/** Base64url JSON `{"after":{"id":N}}` or `{"before":{"id":N}}`; treated as opaque by clients. */
export function encodeCursor(direction: 'after' | 'before', id: number): string {
  return Buffer.from(JSON.stringify({ [direction]: { id } })).toString('base64url');
}

function decodeCursor(text: string): { after?: number; before?: number } {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<
      string,
      { id?: unknown }
    >;
    const after = value?.after?.id;
    const before = value?.before?.id;
    if (typeof after === 'number' && Number.isSafeInteger(after)) return { after };
    if (typeof before === 'number' && Number.isSafeInteger(before)) return { before };
  } catch {
    // fall through to the 422
  }
  throw HarvestError.unprocessable('cursor is invalid');
}

/** A link to this list with the caller's filters kept and paging replaced (never the token). */
export function listLink(c: Context, params: Record<string, string | number>): string {
  const url = new URL(c.req.url);
  const out = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (!CONTROL.has(k)) out.append(k, v);
  for (const [k, v] of Object.entries(params)) out.set(k, String(v));
  return `${url.origin}${url.pathname}?${out.toString()}`;
}

/** The page-based envelope for `total` rows of which `items` is page `paging.page`. */
export function pageEnvelope<T>(c: Context, key: string, items: T[], total: number, paging: Paging) {
  const { perPage, page } = paging;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number, ref?: string) =>
    listLink(c, { page: p, per_page: perPage, ...(ref ? { ref } : {}) });
  return {
    [key]: items,
    per_page: perPage,
    total_pages: totalPages,
    total_entries: total,
    next_page: page < totalPages ? page + 1 : null,
    previous_page: page > 1 ? page - 1 : null,
    page,
    links: {
      first: link(1, 'first'),
      next: page < totalPages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      last: link(totalPages, 'last'),
    },
  };
}

/**
 * Pages an in-memory list already filtered and sorted. Cursor-style answers carry `page`, `next_page` and
 * `previous_page` only on the first and last pages (fact sheet §3). Rows must be sorted by id in `order`.
 *
 * @example
 * return c.json(paginate(c, 'clients', rows, paging, serializeClient));
 */
export function paginate<R extends { id: number }, T>(
  c: Context,
  key: string,
  rows: R[],
  paging: Paging,
  serialize: (row: R) => T,
  order: 'desc' | 'asc' = 'desc',
) {
  if (!paging.cursor && !paging.cursorStyle) {
    const start = (paging.page - 1) * paging.perPage;
    return pageEnvelope(
      c,
      key,
      rows.slice(start, start + paging.perPage).map(serialize),
      rows.length,
      paging,
    );
  }
  const { perPage } = paging;
  const beyond = (id: number, pivot: number) => (order === 'desc' ? id < pivot : id > pivot);
  let start = 0;
  let end = Math.min(rows.length, perPage);
  if (paging.cursor?.after !== undefined) {
    const pivot = paging.cursor.after;
    start = rows.findIndex((r) => beyond(r.id, pivot));
    if (start < 0) start = rows.length;
    end = Math.min(rows.length, start + perPage);
  } else if (paging.cursor?.before !== undefined) {
    const pivot = paging.cursor.before;
    end = rows.findIndex((r) => !beyond(pivot, r.id));
    if (end < 0) end = rows.length;
    start = Math.max(0, end - perPage);
  }
  const slice = rows.slice(start, end);
  const total = rows.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const isFirst = start === 0;
  const isLast = end >= total;
  const page = isFirst ? 1 : isLast ? totalPages : null;
  const last = slice[slice.length - 1];
  const first = slice[0];
  return {
    [key]: slice.map(serialize),
    per_page: perPage,
    total_pages: totalPages,
    total_entries: total,
    next_page: page !== null && !isLast ? page + 1 : null,
    previous_page: page !== null && !isFirst ? page - 1 : null,
    page,
    links: {
      first: listLink(c, { page: 1, per_page: perPage, ref: 'first' }),
      next:
        !isLast && last
          ? listLink(c, { cursor: encodeCursor('after', last.id), per_page: perPage, ref: 'next_cursor' })
          : null,
      previous:
        !isFirst && first
          ? listLink(c, {
              cursor: encodeCursor('before', first.id),
              per_page: perPage,
              ref: 'previous_cursor',
            })
          : null,
      last: listLink(c, { page: totalPages, per_page: perPage, ref: 'last' }),
    },
  };
}
