import type { ConnectSession } from '@harvest-connect/protocol';
import { html } from 'hono/html';
import { layout } from './layout';

const TITLES = {
  success: 'Harvest connected',
  cancelled: 'Connection cancelled',
  error: 'Could not connect Harvest',
} as const;

/**
 * The last popup page. The outcome rides in `data-` attributes for the served script, which posts it to the
 * link token's exact origin and closes the window; the text and button remain for when there is no opener.
 *
 * @example
 * c.html(resultPage({ session, targetOrigin: 'https://app.acme.test', nonce }));
 */
export function resultPage(p: {
  session: ConnectSession;
  targetOrigin: string;
  nonce: string;
  /** A progress event to post first (analytics only). */
  event?: 'account_selected' | null;
}) {
  const status = p.session.status === 'pending' ? 'error' : p.session.status;
  const message =
    status === 'success'
      ? `Linked ${p.session.result?.harvest_account.name ?? 'your account'}. You can close this window.`
      : status === 'cancelled'
        ? 'Nothing was linked. You can close this window.'
        : (p.session.error?.message ?? 'Something went wrong.');
  return layout(
    TITLES[status],
    html`<div id="hc-result" data-target-origin="${p.targetOrigin}" data-session-id="${p.session.id}" data-nonce="${p.nonce}" data-status="${status}"${p.event ? html` data-event="${p.event}"` : ''}>
<h1>${TITLES[status]}</h1>
<p role="status">${message}</p>
</div>
<button type="button" id="hc-close">Close this window</button>`,
  );
}
