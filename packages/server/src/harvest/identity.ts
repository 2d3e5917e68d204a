import { z } from 'zod';
import { HarvestAuthError, type HarvestHttp } from './types';

const accountsBody = z.object({
  user: z.object({
    id: z.number().int(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string(),
  }),
  accounts: z.array(z.object({ id: z.number().int(), name: z.string(), product: z.string() })),
});

/** Who granted access and which Harvest accounts the grant covers. */
export interface GrantIdentity {
  user: { id: number; name: string; email: string };
  /** Harvest accounts only (Forecast accounts are dropped, fact sheet §1.5). */
  accounts: Array<{ id: number; name: string }>;
}

async function getJson(http: HarvestHttp, url: URL, headers: Record<string, string>): Promise<unknown> {
  let res: Response;
  try {
    res = await http.fetch(url, {
      headers: { accept: 'application/json', 'user-agent': http.userAgent, ...headers },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch {
    throw new HarvestAuthError('unavailable', `${url.pathname} unreachable or timed out`);
  }
  if (res.status >= 500)
    throw new HarvestAuthError('unavailable', `${url.pathname} answered ${res.status}`, res.status);
  if (res.status === 401)
    throw new HarvestAuthError('invalid_grant', `${url.pathname} refused the token`, 401);
  if (!res.ok) throw new HarvestAuthError('rejected', `${url.pathname} answered ${res.status}`, res.status);
  try {
    return await res.json();
  } catch {
    throw new HarvestAuthError('malformed', `${url.pathname} answered non-JSON`, res.status);
  }
}

/**
 * Step 4: list the accounts a grant covers (`GET /api/v2/accounts` at Harvest ID).
 *
 * @example
 * const { user, accounts } = await listAccounts(http, accessToken);
 */
export async function listAccounts(http: HarvestHttp, accessToken: string): Promise<GrantIdentity> {
  const body = accountsBody.safeParse(
    await getJson(http, new URL('/api/v2/accounts', http.idUrl), { authorization: `Bearer ${accessToken}` }),
  );
  if (!body.success) throw new HarvestAuthError('malformed', 'accounts answered an unusable body');
  const { user, accounts } = body.data;
  return {
    user: {
      id: user.id,
      name: [user.first_name, user.last_name].filter(Boolean).join(' '),
      email: user.email,
    },
    accounts: accounts.filter((a) => a.product === 'harvest').map((a) => ({ id: a.id, name: a.name })),
  };
}

const meBody = z.object({
  id: z.number().int(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string(),
});

/**
 * The person behind a token inside one Harvest account (`GET /v2/users/me` with `Harvest-Account-Id`): their
 * user id there, name and email. A 401 means the token or the account id is wrong (fact sheet §1.7).
 *
 * @example
 * const user = await whoAmI(http, token, 123456);
 */
export async function whoAmI(
  http: HarvestHttp,
  token: string,
  accountId: number,
): Promise<GrantIdentity['user']> {
  const headers = { authorization: `Bearer ${token}`, 'harvest-account-id': String(accountId) };
  const me = meBody.safeParse(await getJson(http, new URL('/v2/users/me', http.apiUrl), headers));
  if (!me.success) throw new HarvestAuthError('malformed', 'users/me answered an unusable body');
  const { id, first_name, last_name, email } = me.data;
  return { id, name: [first_name, last_name].filter(Boolean).join(' '), email };
}
