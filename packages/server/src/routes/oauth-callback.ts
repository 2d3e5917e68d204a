import { Hono } from 'hono';
import { ApiError } from '../errors';
import type { Deps } from '../services/deps';
import { handleCallback } from '../services/oauth-flow';
import type { Webhooks } from '../services/webhooks';
import { singleQuery } from './input';
import { bindingHashOf } from './popup-binding';

/**
 * `GET /connect/oauth/callback`: Harvest sends the browser back here. Parameters must each appear at most once
 * and within sizes; `code` and `error` together are refused. The outcome is recorded on the session and the
 * browser is sent (303) to the token-free session page, so the code leaves the address bar.
 *
 * @example
 * app.route('/oauth', oauthCallbackRoute(deps, webhooks));
 */
export function oauthCallbackRoute(deps: Deps, webhooks: Webhooks) {
  return new Hono().get('/callback', async (c) => {
    let state: string | undefined;
    let code: string | undefined;
    let error: string | undefined;
    try {
      state = singleQuery(c, 'state');
      code = singleQuery(c, 'code');
      error = singleQuery(c, 'error');
    } catch {
      throw new ApiError('oauth.invalid_callback', 'The sign-in response from Harvest was malformed.');
    }
    if (!state || !/^[\w-]{43}$/.test(state))
      throw new ApiError('oauth.state_invalid', 'This sign-in link is not valid.');
    if ((code === undefined) === (error === undefined)) {
      throw new ApiError('oauth.invalid_callback', 'The sign-in response from Harvest was malformed.');
    }
    if (code !== undefined && !/^[\x21-\x7e]{1,2048}$/.test(code)) {
      throw new ApiError('oauth.invalid_callback', 'The sign-in response from Harvest was malformed.');
    }
    if (error !== undefined && !/^[\w.-]{1,100}$/.test(error)) {
      throw new ApiError('oauth.invalid_callback', 'The sign-in response from Harvest was malformed.');
    }
    const sessionId = await handleCallback(deps, webhooks, { state, code, error }, bindingHashOf(c));
    return c.redirect(`/connect/sessions/${sessionId}`, 303);
  });
}
