import { Hono } from 'hono';
import { z } from 'zod';
import { apiKeyAuth } from '../middleware/api-key-auth';
import type { Deps } from '../services/deps';
import { createLinkToken } from '../services/link-tokens';
import type { TenantRow } from '../store/store';
import { limitBody, readJson, text } from './input';

const body = z.strictObject({
  end_user_id: text(200),
  origin: text(300),
  integrated_account_id: text(100).optional(),
});

/**
 * `POST /v1/link-tokens` (API key) -> `{ link_token, expires_at, connect_url }`.
 *
 * @example
 * app.route('/v1/link-tokens', linkTokenRoutes(deps));
 */
export function linkTokenRoutes(deps: Deps) {
  return new Hono<{ Variables: { tenant: TenantRow } }>()
    .use('*', apiKeyAuth({ store: deps.store }))
    .use('*', limitBody())
    .post('/', async (c) => c.json(await createLinkToken(deps, c.var.tenant, await readJson(c, body)), 201));
}
