/**
 * Step 1: where to send the browser. `state` is single use and cookie-bound (see services/oauth-flow);
 * PKCE S256 on every request. Harvest takes no `scope` parameter: the grant follows the app's settings
 * (HARVEST-API.md §1.2).
 *
 * @example
 * buildAuthorizeUrl({ idUrl, clientId, redirectUri, state, codeChallenge });
 * // https://id.getharvest.com/oauth2/authorize?client_id=...&response_type=code&state=...
 */
export function buildAuthorizeUrl(p: {
  idUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL('/oauth2/authorize', p.idUrl);
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}
