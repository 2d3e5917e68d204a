import type { AuthType } from '@harvest-connect/protocol';
import { ApiError } from '../errors';
import type { ConnectSessionRow } from '../store/store';
import { linkAccount } from './accounts';
import { finishSession } from './connect-sessions';
import type { Deps } from './deps';
import type { Webhooks } from './webhooks';

/**
 * The common end of both flows: store the account (or repair the one being reconnected) and record `success`
 * on the session. A reconnect to the wrong Harvest account records an `error` instead.
 *
 * @example
 * await completeLink(deps, webhooks, session, { user, account, authType: 'pat', tokens: { access_token: pat } });
 */
export async function completeLink(
  deps: Deps,
  webhooks: Webhooks,
  session: ConnectSessionRow,
  p: {
    user: { id: number; name: string; email: string };
    account: { id: number; name: string };
    authType: AuthType;
    tokens: { access_token: string; refresh_token?: string; expires_in?: number };
  },
): Promise<void> {
  const link = await deps.store.getLinkTokenById(session.link_token_id);
  if (!link) throw new ApiError('connect_session.not_found', 'No such connect session.');
  try {
    const { account, reconnected } = await linkAccount(deps, webhooks, {
      tenantId: session.tenant_id,
      endUserId: link.end_user_id,
      reconnectId: link.integrated_account_id,
      user: p.user,
      account: p.account,
      authType: p.authType,
      secrets: { access_token: p.tokens.access_token, refresh_token: p.tokens.refresh_token ?? null },
      expiresIn: p.tokens.expires_in ?? null,
    });
    await finishSession(deps, session.id, {
      status: 'success',
      result: {
        integrated_account_id: account.id,
        harvest_account: account.harvest_account,
        harvest_user: account.harvest_user,
        reconnected,
      },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    await finishSession(deps, session.id, { status: 'error', code: error.code, message: error.message });
  }
}
