import type { CreateSessionTokenResponse, SessionScope } from '@harvest-connect/protocol';
import type { ReactElement } from 'react';
import { linkAccount } from '../../../server/src/services/accounts';
import { createHarness } from '../../../server/src/test/harness';
import { renderWithProvider } from './renderWithProvider';

/**
 * The whole server (SQLite store, tokens, data API) over an in-process Harvest sandbox, with one integrated
 * account linked from the sandbox's personal access token for `role`. The account is stored through the
 * server's own `linkAccount` (what the PAT form ends with), because the form's cookies cannot be sent from a
 * DOM test environment; the server's tests cover the form itself.
 */
export async function fullServer(role: 'administrator' | 'manager' | 'member') {
  const h = await createHarness({ sandbox: { seed: 'react-full-server', now: Date.now() } });
  const pat = h.sandbox.credentials.personal_access_tokens.find((p) => p.access_role === role)!;
  const { account } = await linkAccount(h.server.deps, h.server.webhooks, {
    tenantId: h.tenant.tenant_id,
    endUserId: 'end-user-1',
    reconnectId: null,
    user: { id: pat.user_id, name: pat.name, email: pat.email },
    account: { id: pat.account_id, name: 'Sandbox' },
    authType: 'pat',
    secrets: { access_token: pat.token, refresh_token: null },
    expiresIn: null,
  });
  const serverFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(
      h.app.request(input instanceof Request ? input.url : String(input), init),
    )) as typeof fetch;
  /** The host app's backend: mints a session token with its API key. */
  const mintSessionToken = async (scopes: SessionScope[], expiresIn = 600) => {
    const res = await h.app.request('/v1/session-tokens', {
      method: 'POST',
      headers: h.apiHeaders,
      body: JSON.stringify({ integrated_account_id: account.id, scopes, expires_in: expiresIn }),
    });
    if (res.status !== 201) throw new Error(`session token: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as CreateSessionTokenResponse;
  };
  return {
    h,
    pat,
    account,
    serverFetch,
    mintSessionToken,
    render(ui: ReactElement, getSessionToken: () => Promise<string | CreateSessionTokenResponse>) {
      return renderWithProvider(ui, {
        serverUrl: h.config.publicUrl,
        sessionToken: undefined,
        getSessionToken,
        fetch: serverFetch,
        locale: 'en-US',
      });
    },
  };
}
