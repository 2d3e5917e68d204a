import type { ListResponse } from '@harvest-connect/protocol';
import { type IntegratedAccount, PAGE_LIMITS } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors';
import { apiKeyAuth } from '../middleware/api-key-auth';
import { disconnectAccount, getAccountOf, toIntegratedAccount } from '../services/accounts';
import type { Deps } from '../services/deps';
import type { Webhooks } from '../services/webhooks';
import type { TenantRow } from '../store/store';
import { currentAccountRoutes } from './current-account';
import { invalid, singleQuery, text } from './input';

const query = z.object({
  end_user_id: text(200).optional(),
  cursor: z
    .string()
    .regex(/^[\w-]{1,200}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
});

const encodeCursor = (id: string) => Buffer.from(JSON.stringify({ after: id })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const after = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown })
      .after;
    if (typeof after === 'string' && after.length <= 100) return after;
  } catch {}
  throw new ApiError('request.invalid', 'The cursor is not valid.');
}

/**
 * `GET /v1/integrated-accounts` (filter `end_user_id`, `{ result, next_cursor }`), `GET` and `DELETE
 * /v1/integrated-accounts/:id` (API key). Delete wipes the credentials. `GET /current` (a session token, see
 * `current-account.ts`) comes first: it must not be taken for an id, nor demand an API key.
 *
 * @example
 * app.route('/v1/integrated-accounts', integratedAccountRoutes(deps, webhooks));
 */
export function integratedAccountRoutes(deps: Deps, webhooks: Webhooks) {
  return new Hono<{ Variables: { tenant: TenantRow } }>()
    .route('/current', currentAccountRoutes(deps))
    .use('*', apiKeyAuth({ store: deps.store }))
    .get('/', async (c) => {
      const parsed = query.safeParse({
        end_user_id: singleQuery(c, 'end_user_id'),
        cursor: singleQuery(c, 'cursor'),
        limit: singleQuery(c, 'limit'),
      });
      if (!parsed.success) throw invalid(parsed.error);
      const { end_user_id, cursor, limit } = parsed.data;
      const rows = await deps.store.listAccounts(c.var.tenant.id, {
        endUserId: end_user_id,
        afterId: cursor ? decodeCursor(cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const body: ListResponse<IntegratedAccount> = {
        result: page.map(toIntegratedAccount),
        next_cursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
      };
      return c.json(body);
    })
    .get('/:id', async (c) =>
      c.json({
        result: toIntegratedAccount(await getAccountOf(deps.store, c.var.tenant.id, c.req.param('id'))),
      }),
    )
    .delete('/:id', async (c) => {
      await disconnectAccount(deps, webhooks, c.var.tenant.id, c.req.param('id'));
      return c.body(null, 204);
    });
}
