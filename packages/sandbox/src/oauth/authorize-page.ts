import type { HarvestBaseAccessRole } from '@harvest-connect/protocol';

/** A person offered on the sign-in page. */
export interface PagePerson {
  identityId: number;
  name: string;
  email: string;
  roles: Array<{ company: string; role: HarvestBaseAccessRole }>;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/**
 * The Harvest ID consent page: pick a seeded person ("Sign in as"), then Approve or Deny. A plain form, so
 * it works without JavaScript, over HTTP form posts and in a browser alike.
 *
 * @example
 * c.html(authorizePage({ appName: 'Acme', people, hidden: { client_id: 'x' } }));
 */
export function authorizePage(input: {
  appName: string;
  people: PagePerson[];
  hidden: Record<string, string>;
}): string {
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n      ');
  const options = input.people
    .map((p, i) => {
      const roles = p.roles.map((r) => `${r.role} at ${r.company}`).join('; ');
      return `<option value="${p.identityId}"${i === 0 ? ' selected' : ''}>${escapeHtml(p.name)} (${escapeHtml(roles)})</option>`;
    })
    .join('\n          ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Authorize ${escapeHtml(input.appName)} – Harvest ID (sandbox)</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #1d1e1c; }
    h1 { font-size: 1.5rem; } label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
    select { width: 100%; padding: .5rem; font: inherit; }
    .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
    button { font: inherit; padding: .6rem 1.4rem; border-radius: .4rem; border: 1px solid #767676; cursor: pointer; }
    button[value=approve] { background: #188433; color: #fff; border-color: #188433; }
    button:focus-visible, select:focus-visible { outline: 3px solid #fa5d00; outline-offset: 2px; }
    .note { color: #555; font-size: .9rem; }
  </style>
</head>
<body>
  <main>
    <h1>Authorize ${escapeHtml(input.appName)}</h1>
    <p><strong>${escapeHtml(input.appName)}</strong> would like to access your Harvest accounts.</p>
    <form method="post" action="/oauth2/authorize">
      ${hidden}
      <label for="person">Sign in as</label>
      <select id="person" name="person_id" aria-describedby="person-note">
          ${options}
      </select>
      <p id="person-note" class="note">This is the Harvest sandbox: choose any seeded person; no password needed.</p>
      <div class="actions">
        <button type="submit" name="decision" value="approve">Approve</button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </div>
    </form>
  </main>
</body>
</html>`;
}

/** A small error page for requests that cannot be redirected (unknown client, bad redirect URI). */
export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harvest ID (sandbox): error</title></head>
<body><main><h1>Authorization failed</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
