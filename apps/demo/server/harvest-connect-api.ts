import type {
  CreateLinkTokenResponse,
  CreateSessionTokenResponse,
  ErrorResponse,
  IntegratedAccount,
  ListResponse,
} from '@harvest-connect/protocol';
import { SESSION_SCOPES } from '@harvest-connect/protocol';

/** A refusal from the Harvest Connect server, with its error code and HTTP status. */
export class HarvestConnectApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Acme's server-side client of the Harvest Connect server: the only place the API key is used. It never leaves
 * this process (not in responses, not in logs).
 *
 * @example
 * const hc = harvestConnectApi({ serverUrl: 'http://127.0.0.1:4000', apiKey });
 * const { link_token } = await hc.createLinkToken({ end_user_id: 'u_1', origin: 'http://127.0.0.1:5173' });
 */
export function harvestConnectApi(options: { serverUrl: string; apiKey: string; fetch?: typeof fetch }) {
  const send = options.fetch ?? fetch;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await send(`${options.serverUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => null)) as (T & Partial<ErrorResponse>) | null;
    if (!res.ok || !json) {
      throw new HarvestConnectApiError(
        res.status,
        json?.error?.code ?? 'acme.upstream',
        json?.error?.message ?? `HTTP ${res.status}`,
      );
    }
    return json;
  }
  return {
    createLinkToken: (body: { end_user_id: string; origin: string; integrated_account_id?: string }) =>
      call<CreateLinkTokenResponse>('POST', '/v1/link-tokens', body),
    createSessionToken: (integratedAccountId: string) =>
      call<CreateSessionTokenResponse>('POST', '/v1/session-tokens', {
        integrated_account_id: integratedAccountId,
        // The demo shows every widget, writes included (start timers, record payments). A product grants only
        // what the page needs: read-only scopes are the server's default.
        scopes: [...SESSION_SCOPES],
        expires_in: 3600,
      }),
    listAccounts: (endUserId: string) =>
      call<ListResponse<IntegratedAccount>>(
        'GET',
        `/v1/integrated-accounts?end_user_id=${encodeURIComponent(endUserId)}&limit=100`,
      ),
    disconnect: (id: string) => call<void>('DELETE', `/v1/integrated-accounts/${encodeURIComponent(id)}`),
  };
}

export type HarvestConnectApi = ReturnType<typeof harvestConnectApi>;
