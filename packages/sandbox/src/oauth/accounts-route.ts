import type { HarvestAccountsResponse } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import type { SandboxEnv, SandboxRuntime } from '../core/runtime';
import { bearerToken } from '../middleware/bearer';
import { invalidToken } from '../middleware/token-auth';

/**
 * `GET /api/v2/accounts` (fact sheet §1.5): the person behind the token and the accounts it may use. No
 * account header is needed.
 *
 * @example
 * app.route('/', accountsRoute(runtime));
 */
export function accountsRoute(rt: SandboxRuntime): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: false });
  app.get('/api/v2/accounts', (c) => {
    const value = bearerToken(c);
    const token = value ? rt.auth.find(value, rt.clock.now(), ['access', 'personal']) : null;
    const identity = token ? rt.store.identities.get(token.identityId) : undefined;
    if (!token || !identity) return invalidToken(c);
    c.set('token', token);
    const body: HarvestAccountsResponse = {
      user: {
        id: identity.id,
        first_name: identity.firstName,
        last_name: identity.lastName,
        email: identity.email,
      },
      accounts: identity.memberships
        .filter((m) => token.accountIds === 'all' || token.accountIds.includes(m.accountId))
        .map((m) => ({
          id: m.accountId,
          name: rt.store.accounts.get(m.accountId)!.company.name,
          product: 'harvest' as const,
        })),
    };
    return c.json(body);
  });
  return app;
}
