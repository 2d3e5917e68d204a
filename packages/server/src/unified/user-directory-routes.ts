import type {
  HarvestCompany,
  HarvestRole,
  HarvestUser,
  UnifiedMe,
  UnifiedUser,
} from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { type DataApiEnv, requireScope } from '../data-api/data-api-auth';
import { callContext, type DataApiDeps } from '../data-api/data-api-deps';
import { parseId, parseQuery } from '../data-api/parse-input';
import { ApiError } from '../errors';
import { decodeCursor, encodeCursor } from '../harvest-client/cursor';
import { DirectoryCache } from './directory-cache';
import { roleIdsByName, toUnifiedRole, toUnifiedUser } from './to-unified';
import { includeRemoteQuery, listRolesQuery, listUsersQuery } from './unified-schemas';

/** Reads our offset cursor before any Harvest call, so a bad cursor costs no budget. */
function offsetOf(cursor: string | undefined): number {
  const position = decodeCursor(cursor);
  if (position && !('offset' in position))
    throw new ApiError('request.invalid', 'The cursor is not valid for this list.');
  return position?.offset ?? 0;
}

/** An offset page over an in-memory list, with an opaque cursor. */
function page<T>(items: T[], limit: number, offset: number): { result: T[]; next_cursor: string | null } {
  const result = items.slice(offset, offset + limit);
  return {
    result,
    next_cursor: offset + limit < items.length ? encodeCursor({ offset: offset + limit }) : null,
  };
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });
const sortedCache = new WeakMap<
  HarvestUser[],
  Array<{ roles: HarvestRole[] | null; remote: boolean; list: UnifiedUser[] }>
>();

/**
 * The cached users in unified shape, sorted by name then id. Mapped and sorted once per cached copy (the arrays
 * are the cache's own, replaced when it reloads), so a keystroke costs a filter and a slice.
 */
function sortedDirectory(users: HarvestUser[], roles: HarvestRole[] | null, remote: boolean): UnifiedUser[] {
  const variants = sortedCache.get(users) ?? [];
  const hit = variants.find((v) => v.roles === roles && v.remote === remote);
  if (hit) return hit.list;
  const ids = roleIdsByName(roles);
  const list = users
    .map((u) => toUnifiedUser(u, ids, remote))
    .sort((a, b) => byName.compare(a.name, b.name) || Number(a.id) - Number(b.id));
  sortedCache.set(users, [...variants.filter((v) => v.roles === roles), { roles, remote, list }]);
  return list;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en');
}

function matches(u: UnifiedUser, q: ReturnType<typeof listUsersQuery.parse>): boolean {
  if (q.status && u.status !== q.status) return false;
  if (q.employment_type && u.employment_type !== q.employment_type) return false;
  if (q.access_role && !u.access_roles.includes(q.access_role)) return false;
  if (q.role) {
    const role = fold(q.role);
    if (!u.roles.some((r) => r.id === q.role || fold(r.name) === role)) return false;
  }
  if (q.updated_since && Date.parse(u.updated_at) < Date.parse(q.updated_since)) return false;
  if (q.q) {
    const needle = fold(q.q.trim());
    if (needle && !fold(u.name).includes(needle) && !u.emails.some((e) => fold(e.email).includes(needle)))
      return false;
  }
  return true;
}

/**
 * The Unified User Directory: `/me`, `/users`, `/users/:id`, `/roles`, `/roles/:id`. User and role lists are
 * served from a 30-second per-account cache (see `DirectoryCache`), sorted by name then id, filtered in memory.
 *
 * @example
 * api.route('/v1/unified/user-directory', userDirectoryRoutes(deps));
 */
export function userDirectoryRoutes(deps: DataApiDeps, shared?: DirectoryCache): Hono<DataApiEnv> {
  const cache =
    shared ??
    new DirectoryCache({
      client: deps.client,
      tokens: deps.tokens,
      clock: deps.clock,
      ...(deps.directoryTtlMs ? { ttlMs: deps.directoryTtlMs } : {}),
    });
  const app = new Hono<DataApiEnv>();
  app.use('*', requireScope('user_directory:read'));

  app.get('/me', async (c) => {
    const { include_remote_data } = parseQuery(c, includeRemoteQuery);
    const ctx = callContext(c.get('caller'), c.req.raw.signal);
    const [me, roles, company, access] = await Promise.all([
      deps.client.request<HarvestUser>(ctx, { path: '/v2/users/me' }),
      cache.roles(ctx),
      deps.client.request<HarvestCompany>(ctx, { path: '/v2/company' }).catch(() => null),
      deps.tokens.get(ctx.accountId),
    ]);
    const result: UnifiedMe = {
      user: toUnifiedUser(me.body, roleIdsByName(roles), include_remote_data ?? false),
      account: { id: String(access.harvestAccountId), name: company?.body.name ?? '' },
    };
    return c.json({ result });
  });

  app.get('/users', async (c) => {
    const q = parseQuery(c, listUsersQuery);
    const offset = offsetOf(q.cursor);
    const ctx = callContext(c.get('caller'), c.req.raw.signal);
    const [users, roles] = await Promise.all([cache.users(ctx), cache.roles(ctx)]);
    const all = sortedDirectory(users, roles, q.include_remote_data ?? false).filter((u) => matches(u, q));
    return c.json(page(all, q.limit, offset));
  });

  app.get('/users/:id', async (c) => {
    const { include_remote_data } = parseQuery(c, includeRemoteQuery);
    const id = parseId(c.req.param('id'));
    const ctx = callContext(c.get('caller'), c.req.raw.signal);
    const [user, roles] = await Promise.all([
      deps.client.request<HarvestUser>(ctx, { path: `/v2/users/${id}` }),
      cache.roles(ctx),
    ]);
    return c.json({ result: toUnifiedUser(user.body, roleIdsByName(roles), include_remote_data ?? false) });
  });

  app.get('/roles', async (c) => {
    const q = parseQuery(c, listRolesQuery);
    const offset = offsetOf(q.cursor);
    const roles = await cache.roles(callContext(c.get('caller'), c.req.raw.signal));
    if (!roles)
      throw new ApiError(
        'upstream.forbidden',
        "This Harvest user's role cannot read roles (administrators only).",
      );
    const all = roles
      .map((r) => toUnifiedRole(r, q.include_remote_data ?? false))
      .sort((a, b) => Number(a.id) - Number(b.id));
    return c.json(page(all, q.limit, offset));
  });

  app.get('/roles/:id', async (c) => {
    const { include_remote_data } = parseQuery(c, includeRemoteQuery);
    const id = parseId(c.req.param('id'));
    const role = await deps.client.request<HarvestRole>(callContext(c.get('caller'), c.req.raw.signal), {
      path: `/v2/roles/${id}`,
    });
    return c.json({ result: toUnifiedRole(role.body, include_remote_data ?? false) });
  });

  return app;
}
