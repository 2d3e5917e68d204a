import { html } from 'hono/html';
import { layout } from './layout';

/**
 * The first page of the flow: sign in with Harvest (OAuth), or paste a personal access token and account id.
 *
 * @example
 * c.html(choosePage({ sessionId, oauthEnabled: true, reconnecting: null, patError: null }));
 */
export function choosePage(p: {
  sessionId: string;
  oauthEnabled: boolean;
  /** Name of the Harvest account being repaired, for a reconnect. */
  reconnecting: string | null;
  patError: string | null;
  accountIdValue?: string;
}) {
  const base = `/connect/sessions/${encodeURIComponent(p.sessionId)}`;
  return layout(
    'Connect Harvest',
    html`<h1>${p.reconnecting ? `Reconnect “${p.reconnecting}”` : 'Connect your Harvest account'}</h1>
${
  p.oauthEnabled
    ? html`<section aria-labelledby="oauth-h">
<h2 id="oauth-h">Sign in with Harvest</h2>
<p class="hint">You will sign in at Harvest and choose what to share.</p>
<form method="post" action="${base}/oauth"><button class="primary" type="submit">Sign in with Harvest</button></form>
</section>`
    : ''
}
<section aria-labelledby="pat-h">
<h2 id="pat-h">Use a personal access token</h2>
<p class="hint">Create one in Harvest ID under Developers. The token is checked with Harvest before it is saved.</p>
${p.patError ? html`<p class="error" role="alert" id="pat-error">${p.patError}</p>` : ''}
<form method="post" action="${base}/pat" autocomplete="off">
<label for="pat-token">Personal access token</label>
<input id="pat-token" name="token" type="password" required maxlength="512" autocomplete="off" spellcheck="false"${p.patError ? html` aria-describedby="pat-error"` : ''}>
<label for="pat-account">Harvest account ID</label>
<input id="pat-account" name="account_id" type="text" inputmode="numeric" pattern="[0-9]{1,12}" required maxlength="12" value="${p.accountIdValue ?? ''}">
<button type="submit">Connect with this token</button>
</form>
</section>
<form method="post" action="${base}/cancel"><button type="submit">Cancel</button></form>`,
  );
}
