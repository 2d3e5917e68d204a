import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { readBody } from '../http/body';
import { HarvestError } from '../http/harvest-errors';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** PKCE (RFC 7636): S256 compares base64url(sha256(verifier)); `plain` compares as is. */
function pkceOk(challenge: string, method: string | null, verifier: unknown): boolean {
  if (typeof verifier !== 'string' || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return same(derived, challenge);
}

/**
 * `POST /api/v2/oauth2/token`, form or JSON (fact sheet §1.4): `authorization_code` (single use, 10-minute
 * codes, PKCE checked when a challenge was sent) and `refresh_token` (rotating unless switched off).
 * Errors are standard OAuth bodies: `invalid_client` 401, `invalid_grant` / `invalid_request` 400.
 *
 * @example
 * app.route('/', tokenRoute(runtime));
 */
export function tokenRoute(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.post('/api/v2/oauth2/token', async (c) => {
    const body = await readBody(c).catch(() => {
      throw HarvestError.oauth('invalid_request');
    });
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    let clientId = str('client_id');
    let clientSecret = str('client_secret');
    const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (basic && !clientId) {
      const [id, pass] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      clientSecret = decodeURIComponent(pass ?? '');
    }
    const grantType = str('grant_type');
    if (!grantType) throw HarvestError.oauth('invalid_request');
    const client = rt.auth.clients.get(clientId ?? '');
    if (!client || !clientSecret || !same(client.clientSecret, clientSecret))
      // The decisions table gives invalid_grant a 400; an unauthenticated client gets RFC 6749's 401.
      throw HarvestError.oauth('invalid_client', 401);
    const now = rt.clock.now();
    const lifetime = rt.settings.accessTokenLifetimeSeconds;
    const issuePair = (identityId: number, accountIds: number[], grantId: string) => ({
      access: rt.auth.issue({
        kind: 'access',
        identityId,
        accountIds,
        clientId: client.clientId,
        grantId,
        expiresAt: now + lifetime * 1000,
      }),
      refresh: () =>
        rt.auth.issue({
          kind: 'refresh',
          identityId,
          accountIds,
          clientId: client.clientId,
          grantId,
          expiresAt: null,
        }),
    });
    if (grantType === 'authorization_code') {
      const record = rt.auth.codes.get(str('code') ?? '');
      if (!record || record.used || record.expiresAt <= now || record.clientId !== client.clientId) {
        throw HarvestError.oauth('invalid_grant');
      }
      const redirect = str('redirect_uri');
      if (redirect !== undefined && record.redirectUri !== null && redirect !== record.redirectUri) {
        throw HarvestError.oauth('invalid_grant');
      }
      record.used = true;
      if (
        record.codeChallenge &&
        !pkceOk(record.codeChallenge, record.codeChallengeMethod, body.code_verifier)
      ) {
        throw HarvestError.oauth('invalid_grant');
      }
      const grantId = `grant:${record.identityId}:${client.clientId}`;
      const pair = issuePair(record.identityId, record.accountIds, grantId);
      const refresh = pair.refresh();
      return c.json({
        access_token: pair.access.value,
        refresh_token: refresh.value,
        token_type: 'bearer',
        expires_in: lifetime,
      });
    }
    if (grantType === 'refresh_token') {
      const old = rt.auth.find(str('refresh_token') ?? '', now, ['refresh']);
      if (!old || old.clientId !== client.clientId) throw HarvestError.oauth('invalid_grant');
      const accountIds = old.accountIds === 'all' ? [] : old.accountIds;
      const pair = issuePair(old.identityId, accountIds, old.grantId);
      let refreshValue = old.value;
      if (rt.settings.refreshRotation) {
        old.revoked = true;
        refreshValue = pair.refresh().value;
      }
      return c.json({
        access_token: pair.access.value,
        refresh_token: refreshValue,
        token_type: 'bearer',
        expires_in: lifetime,
      });
    }
    throw HarvestError.oauth('unsupported_grant_type');
  });
  return app;
}
