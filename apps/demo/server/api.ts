import type { IntegratedAccount } from '@harvest-connect/protocol';
import { Hono } from 'hono';
import { endUserOf } from './end-user';
import { type HarvestConnectApi, HarvestConnectApiError } from './harvest-connect-api';

/** What the browser may know about the deployment (no secret here). */
export interface PublicConfig {
  server_url: string;
  sandbox_url: string | null;
}

/** The end user's account to use: the newest active one, else the newest of any status. */
function currentAccount(accounts: IntegratedAccount[]): IntegratedAccount | null {
  const newest = [...accounts].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return newest.find((a) => a.status === 'active') ?? newest.find((a) => a.status !== 'disconnected') ?? null;
}

/**
 * Acme's backend routes for Harvest: the browser asks here for link and session tokens; only this process holds
 * the API key. Errors keep the server's code and status.
 *
 * @example
 * app.route('/api', acmeApi({ hc, origin: 'http://127.0.0.1:5173', config }));
 */
export function acmeApi(options: { hc: HarvestConnectApi; origin: string; config: PublicConfig }) {
  const { hc } = options;
  const app = new Hono();
  const accountOf = async (endUserId: string) => currentAccount((await hc.listAccounts(endUserId)).result);

  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/config', (c) => c.json(options.config));

  app.get('/harvest/account', async (c) => c.json({ account: await accountOf(endUserOf(c)) }));

  // Called by <ConnectButton> and by the script-tag button (a bodiless POST). `reconnect: true` binds the flow to
  // the end user's current account, so Harvest Connect repairs it instead of adding a second one.
  app.post('/harvest/link-token', async (c) => {
    const endUserId = endUserOf(c);
    const body = (await c.req.json().catch(() => ({}))) as { reconnect?: unknown };
    const account = body.reconnect === true ? await accountOf(endUserId) : null;
    const { link_token, expires_at } = await hc.createLinkToken({
      end_user_id: endUserId,
      origin: options.origin,
      ...(account ? { integrated_account_id: account.id } : {}),
    });
    return c.json({ link_token, expires_at });
  });

  app.post('/harvest/session-token', async (c) => {
    const account = await accountOf(endUserOf(c));
    if (!account) {
      return c.json({ error: { code: 'acme.not_connected', message: 'Connect Harvest first.' } }, 409);
    }
    const token = await hc.createSessionToken(account.id);
    return c.json({ ...token, integrated_account_id: account.id });
  });

  app.delete('/harvest/account', async (c) => {
    const account = await accountOf(endUserOf(c));
    if (account) await hc.disconnect(account.id);
    return c.body(null, 204);
  });

  app.notFound((c) => c.json({ error: { code: 'request.not_found', message: 'No such endpoint.' } }, 404));
  app.onError((error, c) => {
    if (error instanceof HarvestConnectApiError) {
      const status = error.status >= 400 && error.status < 500 ? error.status : 502;
      return c.json({ error: { code: error.code, message: error.message } }, status as 400);
    }
    console.error('acme api error:', error instanceof Error ? error.message : error);
    return c.json({ error: { code: 'acme.internal', message: 'Something went wrong.' } }, 500);
  });
  return app;
}
