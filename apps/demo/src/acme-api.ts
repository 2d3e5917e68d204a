import type { IntegratedAccount } from '@harvest-connect/protocol';
import { HarvestConnectError } from '@harvest-connect/react';

/** What Acme's backend tells the page about the deployment. */
export interface AcmeConfig {
  server_url: string;
  sandbox_url: string | null;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new HarvestConnectError(
      body?.error?.code ?? 'client.bad_response',
      body?.error?.message ?? `HTTP ${res.status}`,
      {
        status: res.status,
      },
    );
  }
  return (await res.json()) as T;
}

/**
 * Acme's own backend calls, as the browser makes them: cookies identify the end user, and only tokens made for
 * this browser come back (never the API key).
 *
 * @example
 * const linkToken = await acmeApi.linkToken();
 */
export const acmeApi = {
  config: () => fetch('/api/config').then((r) => json<AcmeConfig>(r)),
  account: () =>
    fetch('/api/harvest/account').then(
      async (r) => (await json<{ account: IntegratedAccount | null }>(r)).account,
    ),
  /** A link token for a new connection, or (with `reconnect`) for repairing the current one. */
  linkToken: (reconnect = false) =>
    fetch('/api/harvest/link-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reconnect }),
    }).then(async (r) => (await json<{ link_token: string }>(r)).link_token),
  /** A session token for the widgets; "not connected" becomes the code the widgets understand. */
  async sessionToken() {
    try {
      return await json<{ session_token: string; expires_at: string }>(
        await fetch('/api/harvest/session-token', { method: 'POST' }),
      );
    } catch (error) {
      // Other refusals (e.g. `integrated_account.needs_reauth`) keep the server's code for the widgets.
      if (error instanceof HarvestConnectError && error.code === 'acme.not_connected') {
        throw new HarvestConnectError('client.no_session_token', 'Harvest is not connected');
      }
      throw error;
    }
  },
  disconnect: () => fetch('/api/harvest/account', { method: 'DELETE' }).then(() => undefined),
};
