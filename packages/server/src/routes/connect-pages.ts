import { REDIRECT_SESSION_PARAM } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { ApiError } from '../errors';
import { toApiError } from '../middleware/error-handler';
import { popupHeaders } from '../middleware/popup-headers';
import { sameOriginForm } from '../middleware/same-origin-form';
import { POPUP_CSS, POPUP_JS } from '../pages/assets';
import { choosePage } from '../pages/choose-page';
import { messagePage } from '../pages/layout';
import { pickerPage } from '../pages/picker-page';
import { resultPage } from '../pages/result-page';
import { createSession, toConnectSession } from '../services/connect-sessions';
import type { Deps } from '../services/deps';
import { assertNotExpired, findLinkToken } from '../services/link-tokens';
import type { Webhooks } from '../services/webhooks';
import { connectActionRoutes, reconnectingName } from './connect-actions';
import { limitBody, singleQuery } from './input';
import { oauthCallbackRoute } from './oauth-callback';
import { bindingHashOf, boundSession, ensureBinding } from './popup-binding';

const TITLES: Partial<Record<string, string>> = {
  'link_token.invalid': 'This link is not valid',
  'link_token.expired': 'This link has expired',
  'link_token.used': 'This link was already used',
  'connect_session.not_found': 'Connect flow not found',
  'connect_session.expired': 'This connect flow timed out',
  'oauth.state_invalid': 'This sign-in link is not valid',
  'oauth.state_expired': 'This sign-in took too long',
  'oauth.state_cookie_mismatch': 'Sign-in started in another window',
};

/**
 * The popup, server-rendered: `GET /connect?link_token=` binds the window to the flow's session with a cookie
 * and redirects to the token-free `/connect/sessions/:id`, which shows the choice, the account picker or the
 * result. Every page and the callback carry the strict popup headers; errors render as readable pages.
 *
 * @example
 * app.route('/connect', connectPageRoutes(deps, webhooks));
 */
export function connectPageRoutes(deps: Deps, webhooks: Webhooks) {
  const app = new Hono();
  app.use('*', popupHeaders({ harvestIdUrl: deps.config.harvestIdUrl }));
  app.use('/sessions/*', sameOriginForm({ publicUrl: deps.config.publicUrl }), limitBody(8 * 1024));
  app.onError((error, c) => {
    const e = toApiError(error, deps.log);
    const title = TITLES[e.code] ?? (e.status >= 500 ? 'Something went wrong' : 'Could not continue');
    return c.html(messagePage(title, e.message, e.code), e.status);
  });

  app.get('/assets/popup.js', (c) =>
    c.body(POPUP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/assets/popup.css', (c) => c.body(POPUP_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));

  app.get('/', async (c) => {
    const link = await findLinkToken(deps, singleQuery(c, 'link_token'));
    let session = await deps.store.getSessionByLinkToken(link.id);
    if (!session) {
      // The SDK did not POST first (script-less use, or an old SDK): create the session now.
      assertNotExpired(deps, link);
      session = await createSession(deps, link, null, 'popup', null);
    }
    if (session.status !== 'pending')
      throw new ApiError('link_token.used', 'This link was already used. Start again from the app.');
    if (session.binding_hash === null) {
      assertNotExpired(deps, link);
      const bindingHash = ensureBinding(c, deps.config.publicUrl);
      if (!(await deps.store.bindSession(session.id, bindingHash, deps.now()))) {
        throw new ApiError('link_token.used', 'This link was already opened in another window.');
      }
    } else if (bindingHashOf(c) !== session.binding_hash) {
      // Another browser already opened this link: one link, one window.
      throw new ApiError('link_token.used', 'This link was already opened in another window.');
    }
    // Take the link token out of the address bar and history.
    return c.redirect(`/connect/sessions/${session.id}`, 303);
  });

  app.get('/sessions/:id', async (c) => {
    const session = await boundSession(c, deps);
    if (session.status === 'pending') {
      const grant = await deps.store.openPendingGrantOf(session.id);
      if (grant && grant.expires_at > deps.now()) {
        return c.html(pickerPage({ sessionId: session.id, grantId: grant.id, accounts: grant.accounts }));
      }
      return c.html(
        choosePage({
          sessionId: session.id,
          oauthEnabled: deps.oauthClient !== null,
          reconnecting: await reconnectingName(deps, session.link_token_id),
          patError: null,
        }),
      );
    }
    if (session.mode === 'redirect' && session.return_url) {
      const back = new URL(session.return_url);
      back.searchParams.set(REDIRECT_SESSION_PARAM, session.id);
      return c.redirect(back.toString(), 303);
    }
    const link = await deps.store.getLinkTokenById(session.link_token_id);
    return c.html(
      resultPage({
        session: toConnectSession(session),
        targetOrigin: link?.origin ?? '',
        nonce: session.nonce ?? '',
        // Set by the account picker's redirect: lets the page post the optional progress event first.
        event: singleQuery(c, 'event') === 'account_selected' ? 'account_selected' : null,
      }),
    );
  });

  app.route('/sessions', connectActionRoutes(deps, webhooks));
  app.route('/oauth', oauthCallbackRoute(deps, webhooks));
  return app;
}
