import { STACK } from './stack';

/** The sandbox's seeded credentials (`GET /__sandbox/credentials`), as far as the journeys use them. */
export interface Credentials {
  personal_access_tokens: Array<{
    token: string;
    account_id: number;
    user_id: number;
    identity_id: number;
    name: string;
    email: string;
    access_role: string;
  }>;
  multi_account_person: {
    identity_id: number;
    name: string;
    token: string;
    accounts: Array<{ account_id: number; user_id: number; access_role: string }>;
  };
  accounts: Array<{ id: number; name: string }>;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${STACK.sandboxUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The sandbox as the journeys drive and inspect it: its control API and its Harvest API v2 (with a seeded
 * personal access token), over HTTP like any Harvest client.
 *
 * @example
 * const { personal_access_tokens: [admin] } = await sandbox.credentials();
 * const running = await sandbox.v2(admin, '/v2/time_entries?is_running=true');
 */
export const sandbox = {
  credentials: () => call<Credentials>('GET', '/__sandbox/credentials'),
  revokeGrant: (identityId: number) =>
    call<{ revoked: number }>('POST', '/__sandbox/tokens/revoke-grant', { identity_id: identityId }),
  async v2<T>(who: { token: string; account_id: number }, path: string): Promise<T> {
    const res = await fetch(`${STACK.sandboxUrl}${path}`, {
      headers: {
        authorization: `Bearer ${who.token}`,
        'harvest-account-id': String(who.account_id),
        'user-agent': 'Harvest Connect e2e (e2e@acme.test)',
      },
    });
    if (!res.ok) throw new Error(`sandbox GET ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  },
};
