import type { CurrentIntegratedAccountResponse } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { type DataApiEnv, type DataApiVerifier, dataApiAuth } from '../data-api/data-api-auth';
import { verifierOf } from '../data-api/server-wiring';
import { getAccountOf, toIntegratedAccount } from '../services/accounts';
import type { Deps } from '../services/deps';

/**
 * `GET /v1/integrated-accounts/current`: the integrated account a session token acts for (the
 * `<ConnectionStatus>` widget's "Connected as ..."), with the data API's authentication and CORS for the
 * tenant's allowed origins. An API key works too when it names the account (`?integrated_account_id=` or the
 * `Harvest-Connect-Account` header), like `GET /v1/integrated-accounts/:id`. A `needs_reauth` account is
 * described, not refused: the widget must learn it so it can offer Reconnect. Mount it before `/:id`.
 *
 * @example
 * accounts.route('/current', currentAccountRoutes(deps));
 */
export function currentAccountRoutes(deps: Deps) {
  const data = verifierOf(deps);
  const verifier: DataApiVerifier = {
    ...data,
    // The data API refuses a needs_reauth account; this route exists to report it.
    checkAccount: async (tenantId, accountId) => {
      await getAccountOf(deps.store, tenantId, accountId);
    },
  };
  return new Hono<DataApiEnv>().on(['GET', 'OPTIONS'], '/', dataApiAuth(verifier), async (c) => {
    const { tenantId, accountId } = c.get('caller');
    const body: CurrentIntegratedAccountResponse = {
      result: toIntegratedAccount(await getAccountOf(deps.store, tenantId, accountId)),
    };
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });
}
