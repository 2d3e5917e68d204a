import type { ErrorResponse } from '@harvest-connect/protocol';
import type { ConnectEnv } from './env';
import type { ConnectFailure } from './errors';

/**
 * One call to the Harvest Connect API (`POST /v1/connect-sessions` with a body, `GET /v1/connect-sessions/:id`
 * without), authorised by the flow's link token, sent as a header and never in a URL. Rejects with a
 * `ConnectFailure`: the server's own code on a 4xx; a transient one on network errors, 429 and 5xx.
 *
 * @example
 * const session = await request<ConnectSession>(env, 'https://connect.example.com/v1/connect-sessions/cs_1', token);
 */
export async function request<T>(env: ConnectEnv, url: string, linkToken: string, body?: object): Promise<T> {
  let res: Response;
  try {
    res = await env.fetch(url, {
      method: body && 'POST',
      // `authorization` makes every call a CORS preflighted one anyway, so one header set serves both methods.
      headers: { authorization: `Bearer ${linkToken}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
      // No `cache` option: the answers carry no validators or expiry, so browsers do not reuse them, and the
      // option would add request headers that the CORS preflight does not announce.
    });
  } catch {
    throw { code: 'client.network', message: 'Server unreachable', transient: true } satisfies ConnectFailure;
  }
  const json = (await res.json().catch(() => null)) as (T & Partial<ErrorResponse>) | null;
  if (res.ok && json) return json;
  const transient = res.status >= 500 || res.status === 429;
  throw {
    code: (json?.error?.code as ConnectFailure['code'] | undefined) ?? 'client.network',
    message: json?.error?.message ?? `HTTP ${res.status}`,
    transient,
  } satisfies ConnectFailure;
}
