import { SESSION_SCOPES } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { z } from 'zod';
import { apiKeyAuth } from '../middleware/api-key-auth';
import type { Deps } from '../services/deps';
import { createSessionToken } from '../services/session-tokens';
import type { TenantRow } from '../store/store';
import { limitBody, readJson, text } from './input';

const body = z.strictObject({
  integrated_account_id: text(100),
  scopes: z
    .array(z.enum(SESSION_SCOPES as [string, ...string[]]))
    .max(SESSION_SCOPES.length * 2)
    .optional(),
  expires_in: z.number().int().min(60).max(3600).optional(),
});

/**
 * `POST /v1/session-tokens` (API key) -> `{ session_token, expires_at }`.
 *
 * @example
 * app.route('/v1/session-tokens', sessionTokenRoutes(deps));
 */
export function sessionTokenRoutes(deps: Deps) {
  return new Hono<{ Variables: { tenant: TenantRow } }>()
    .use('*', apiKeyAuth({ store: deps.store }))
    .use('*', limitBody())
    .post('/', async (c) => {
      const input = await readJson(c, body);
      return c.json(
        await createSessionToken(deps, c.var.tenant, input as Parameters<typeof createSessionToken>[2]),
        201,
      );
    });
}
