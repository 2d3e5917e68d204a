import { html } from 'hono/html';
import { layout } from './layout';

/**
 * Shown when a grant covers several Harvest accounts: pick the one to link.
 *
 * @example
 * c.html(pickerPage({ sessionId, grantId, accounts: [{ id: 1, name: 'Acme' }, { id: 2, name: 'Side gig' }] }));
 */
export function pickerPage(p: {
  sessionId: string;
  grantId: string;
  accounts: Array<{ id: number; name: string }>;
}) {
  const base = `/connect/sessions/${encodeURIComponent(p.sessionId)}`;
  return layout(
    'Choose a Harvest account',
    html`<h1>Choose a Harvest account</h1>
<form method="post" action="${base}/account">
<input type="hidden" name="grant_id" value="${p.grantId}">
<fieldset>
<legend>Your login has access to several Harvest accounts. Which one should be linked?</legend>
${p.accounts.map(
  (a, i) =>
    html`<label class="choice"><input type="radio" name="harvest_account_id" value="${String(a.id)}"${i === 0 ? html` checked` : ''}> ${a.name}</label>`,
)}
</fieldset>
<button class="primary" type="submit">Link this account</button>
</form>
<form method="post" action="${base}/cancel"><button type="submit">Cancel</button></form>`,
  );
}
