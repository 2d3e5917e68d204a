import { Hono } from 'hono';
import { ApiError } from '../errors';
import { choosePage } from '../pages/choose-page';
import { finishSession } from '../services/connect-sessions';
import type { Deps } from '../services/deps';
import { beginOAuth, pickAccount } from '../services/oauth-flow';
import { connectWithPat } from '../services/pat-flow';
import type { Webhooks } from '../services/webhooks';
import { pendingSession } from './popup-binding';

async function form(c: {
  req: { header(n: string): string | undefined; parseBody(): Promise<Record<string, unknown>> };
}) {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(
      'request.unsupported_media_type',
      'Send the form as application/x-www-form-urlencoded.',
    );
  }
  const body = await c.req.parseBody();
  const field = (name: string, pattern: RegExp) => {
    const value = body[name];
    return typeof value === 'string' && pattern.test(value) ? value : null;
  };
  return { field };
}

/** The name of the Harvest account a reconnect flow repairs, for the page heading. */
export async function reconnectingName(deps: Deps, linkTokenId: string): Promise<string | null> {
  const link = await deps.store.getLinkTokenById(linkTokenId);
  const target = link?.integrated_account_id ? await deps.store.getAccount(link.integrated_account_id) : null;
  return target?.harvest_account_name ?? null;
}

/**
 * The popup's form posts, each for the window bound to the session: start OAuth, submit a personal access
 * token, pick an account, cancel. Each ends in a 303 back to the session page (post/redirect/get).
 *
 * @example
 * app.route('/sessions', connectActionRoutes(deps, webhooks));
 */
export function connectActionRoutes(deps: Deps, webhooks: Webhooks) {
  const back = (id: string) => `/connect/sessions/${id}`;
  return new Hono()
    .post('/:id/oauth', async (c) => {
      const session = await pendingSession(c, deps);
      return c.redirect(await beginOAuth(deps, session, session.binding_hash!), 303);
    })
    .post('/:id/pat', async (c) => {
      const session = await pendingSession(c, deps);
      const { field } = await form(c);
      const token = field('token', /^[\x21-\x7e]{10,512}$/);
      const accountId = field('account_id', /^\s*[1-9]\d{0,11}\s*$/);
      const retry = async (message: string) =>
        c.html(
          choosePage({
            sessionId: session.id,
            oauthEnabled: deps.oauthClient !== null,
            reconnecting: await reconnectingName(deps, session.link_token_id),
            patError: message,
            accountIdValue: accountId?.trim() ?? '',
          }),
          400,
        );
      if (!token || !accountId)
        return retry('Enter the token and the numeric account ID from Harvest ID › Developers.');
      try {
        await connectWithPat(deps, webhooks, session, { token, accountId: Number(accountId.trim()) });
      } catch (error) {
        if (error instanceof ApiError && /^(pat\.|upstream\.)/.test(error.code)) return retry(error.message);
        throw error;
      }
      return c.redirect(back(session.id), 303);
    })
    .post('/:id/account', async (c) => {
      const session = await pendingSession(c, deps);
      const { field } = await form(c);
      const grantId = field('grant_id', /^pg_[\w-]{1,40}$/);
      const accountId = field('harvest_account_id', /^[1-9]\d{0,11}$/);
      if (!grantId || !accountId) throw new ApiError('request.invalid', 'Pick one of the listed accounts.');
      await pickAccount(deps, webhooks, session, grantId, Number(accountId));
      return c.redirect(`${back(session.id)}?event=account_selected`, 303);
    })
    .post('/:id/cancel', async (c) => {
      const session = await pendingSession(c, deps);
      await finishSession(deps, session.id, { status: 'cancelled' });
      return c.redirect(back(session.id), 303);
    });
}
