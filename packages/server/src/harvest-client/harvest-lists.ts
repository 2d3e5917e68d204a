import type { ListResponse } from '@harvest-connect/protocol';
import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import { ApiError } from '../errors';
import { type CursorPosition, encodeCursor } from './cursor';
import type { HarvestCallContext, HarvestClient, QueryValue } from './harvest-client';

interface HarvestListBody {
  next_page?: number | null;
  links?: { next?: string | null } | null;
  [key: string]: unknown;
}

/**
 * The position of Harvest's next page, read from `links.next` (cursor or page), else from `next_page`.
 *
 * @example
 * nextPosition({ links: { next: 'https://api.harvestapp.com/v2/users?cursor=eyJ...&per_page=2000' } }); // { cursor: 'eyJ...' }
 */
export function nextPosition(body: HarvestListBody): { page: number } | { cursor: string } | null {
  const next = body.links?.next;
  if (typeof next === 'string' && next !== '') {
    let url: URL;
    try {
      url = new URL(next);
    } catch {
      throw new ApiError('upstream.bad_response', 'Harvest sent an unreadable next link.');
    }
    const cursor = url.searchParams.get('cursor');
    if (cursor) return { cursor };
    const page = Number(url.searchParams.get('page'));
    if (Number.isSafeInteger(page) && page >= 1) return { page };
  }
  if (typeof body.next_page === 'number' && body.next_page >= 1) return { page: body.next_page };
  return null;
}

function items<T>(body: HarvestListBody, key: string): T[] {
  const list = body[key];
  if (!Array.isArray(list))
    throw new ApiError('upstream.bad_response', `Harvest's list had no "${key}" array.`);
  return list as T[];
}

/**
 * One page of a Harvest list in our envelope: `limit` becomes `per_page`, our cursor maps to Harvest's `page` or
 * `cursor` (whichever the list uses, fact sheet §3), and Harvest's next link becomes our `next_cursor`.
 *
 * @example
 * await listPage(client, ctx, '/v2/time_entries', 'time_entries', { user_id: 1 }, { limit: 100 });
 */
export async function listPage<T>(
  client: HarvestClient,
  ctx: HarvestCallContext,
  path: string,
  key: string,
  query: Record<string, QueryValue>,
  page: { limit: number; position?: CursorPosition | undefined },
): Promise<ListResponse<T>> {
  const position = page.position;
  if (position && 'offset' in position)
    throw new ApiError('request.invalid', 'The cursor is not valid for this list.');
  const { body } = await client.request<HarvestListBody>(ctx, {
    path,
    query: { ...query, per_page: page.limit, ...(position ?? {}) },
  });
  const next = nextPosition(body);
  return { result: items<T>(body, key), next_cursor: next ? encodeCursor(next) : null };
}

/**
 * Every item of a Harvest list, 2000 a page, following Harvest's next link. Bounded by `maxPages` so a
 * misbehaving upstream cannot loop us forever.
 *
 * @example
 * const users = await listAll<HarvestUser>(client, ctx, '/v2/users', 'users');
 */
export async function listAll<T>(
  client: HarvestClient,
  ctx: HarvestCallContext,
  path: string,
  key: string,
  query: Record<string, QueryValue> = {},
  maxPages = 500,
): Promise<T[]> {
  const all: T[] = [];
  let position: { page: number } | { cursor: string } | null = null;
  for (let n = 0; n < maxPages; n++) {
    const { body }: { body: HarvestListBody } = await client.request<HarvestListBody>(ctx, {
      path,
      query: { ...query, per_page: HARVEST_LIMITS.maxPerPage, ...(position ?? {}) },
    });
    all.push(...items<T>(body, key));
    position = nextPosition(body);
    if (!position) return all;
  }
  throw new ApiError('upstream.bad_response', 'Harvest kept sending pages past our safety limit.');
}
