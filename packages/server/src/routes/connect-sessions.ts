import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors';
import { bearerOf } from '../middleware/api-key-auth';
import { linkTokenAuth, linkTokenPreflight } from '../middleware/link-token-auth';
import { readSession, startSession, toConnectSession } from '../services/connect-sessions';
import type { Deps } from '../services/deps';
import { connectUrl } from '../services/link-tokens';
import type { LinkTokenRow } from '../store/store';
import { limitBody, readJson, text } from './input';

const startBody = z.strictObject({
  nonce: z.string().regex(/^[\w-]{8,128}$/, 'nonce: 8 to 128 characters of [A-Za-z0-9_-]'),
  mode: z.enum(['popup', 'redirect']),
  return_url: text(2000).optional(),
  /** The account the page expects this (reconnect) link token to repair. */
  integrated_account_id: text(100).optional(),
});

/**
 * The SDK's side of a connect flow, authorised by the link token (Authorization header only) and open to CORS
 * from the token's recorded origin only:
 * `POST /v1/connect-sessions` -> 201 `{ session, connect_url }`; `GET /v1/connect-sessions/:id` -> the session.
 *
 * @example
 * app.route('/v1/connect-sessions', connectSessionRoutes(deps));
 */
export function connectSessionRoutes(deps: Deps) {
  const preflight = linkTokenPreflight({
    isAllowedOrigin: async (origin) =>
      (await deps.store.listTenants()).some((t) => t.allowed_origins.includes(origin)),
  });
  const auth = linkTokenAuth({ deps });
  return new Hono<{ Variables: { link: LinkTokenRow } }>()
    .use('*', limitBody())
    .options('/', preflight)
    .options('/:id', preflight)
    .post('/', auth, async (c) => {
      const body = await readJson(c, startBody);
      if (
        body.integrated_account_id !== undefined &&
        body.integrated_account_id !== c.var.link.integrated_account_id
      ) {
        // The page thinks it repairs another account than the link token was minted for: refuse, change nothing.
        throw new ApiError('link_token.invalid', 'This link token is not for that integrated account.', {
          status: 400,
        });
      }
      const session = await startSession(deps, c.var.link, body);
      const token = bearerOf(c.req.header('authorization'))!;
      return c.json(
        { session: toConnectSession(session), connect_url: connectUrl(deps.config.publicUrl, token) },
        201,
      );
    })
    .get('/:id', auth, async (c) => {
      const id = c.req.param('id');
      const row = /^cs_[\w-]{1,40}$/.test(id) ? await deps.store.getSession(id) : null;
      if (!row || row.link_token_id !== c.var.link.id) {
        throw new ApiError('connect_session.not_found', 'No such connect session for this link token.');
      }
      return c.json(toConnectSession(await readSession(deps, row.id)));
    });
}
