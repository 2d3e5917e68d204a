import { z } from 'zod';
import { HarvestAuthError, type HarvestClient, type HarvestHttp, type TokenSet } from './types';

// Up to ten years: anything else is a broken response, not a lifetime (fact sheet §1.4 observed 1209599).
const expiresIn = z
  .number()
  .int()
  .positive()
  .max(10 * 365 * 86_400);

const tokenBody = z.object({
  access_token: z.string().min(1).max(4096),
  refresh_token: z.string().min(1).max(4096).optional(),
  expires_in: z.union([
    expiresIn,
    z
      .string()
      .regex(/^\d{1,10}$/)
      .transform(Number)
      .pipe(expiresIn),
  ]),
});

/**
 * One POST to Harvest ID's token endpoint. Never retried here: for a code exchange a retry after an ambiguous
 * failure could redeem the code twice, and for a refresh the caller owns the retry policy (cool-down).
 */
async function postToken(
  http: HarvestHttp,
  fields: Record<string, string>,
): Promise<z.output<typeof tokenBody>> {
  let res: Response;
  try {
    res = await http.fetch(new URL('/api/v2/oauth2/token', http.idUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': http.userAgent,
      },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch {
    throw new HarvestAuthError('unavailable', 'token endpoint unreachable or timed out');
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status >= 500)
    throw new HarvestAuthError('unavailable', `token endpoint answered ${res.status}`, res.status);
  if (!res.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    const kind = error === 'invalid_grant' ? 'invalid_grant' : 'rejected';
    throw new HarvestAuthError(
      kind,
      `token endpoint refused: ${typeof error === 'string' ? error.slice(0, 40) : res.status}`,
      res.status,
    );
  }
  const parsed = tokenBody.safeParse(body);
  if (!parsed.success)
    throw new HarvestAuthError('malformed', 'token endpoint answered an unusable body', res.status);
  return parsed.data;
}

/**
 * Step 2: exchange an authorization code, exactly once. A response without a refresh token is unusable for a
 * long-lived link, so it is `malformed`.
 *
 * @example
 * const tokens = await exchangeCode(http, client, { code, codeVerifier });
 */
export async function exchangeCode(
  http: HarvestHttp,
  client: HarvestClient,
  p: { code: string; codeVerifier: string },
): Promise<TokenSet> {
  const body = await postToken(http, {
    grant_type: 'authorization_code',
    code: p.code,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uri: client.redirectUri,
    code_verifier: p.codeVerifier,
  });
  if (!body.refresh_token) throw new HarvestAuthError('malformed', 'token endpoint sent no refresh_token');
  return { access_token: body.access_token, refresh_token: body.refresh_token, expires_in: body.expires_in };
}

/**
 * Step 3: refresh. Harvest may or may not rotate the refresh token (fact sheet "Unverified" 1): a new one is
 * kept, an absent one keeps the old.
 *
 * @example
 * const next = await refreshTokens(http, client, current.refresh_token);
 */
export async function refreshTokens(
  http: HarvestHttp,
  client: HarvestClient,
  refreshToken: string,
): Promise<TokenSet> {
  const body = await postToken(http, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  return {
    access_token: body.access_token,
    refresh_token: body.refresh_token ?? refreshToken,
    expires_in: body.expires_in,
  };
}
