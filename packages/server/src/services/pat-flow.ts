import { ApiError } from '../errors';
import { listAccounts, whoAmI } from '../harvest/identity';
import { HarvestAuthError } from '../harvest/types';
import type { ConnectSessionRow } from '../store/store';
import { completeLink } from './complete-link';
import type { Deps } from './deps';
import type { Webhooks } from './webhooks';

/**
 * The personal-access-token path: check the token against Harvest (`/v2/users/me` for that account) before
 * saving anything. A wrong token or account id is a form error the user can fix, not the end of the flow.
 *
 * @example
 * await connectWithPat(deps, webhooks, session, { token, accountId: 123456 });
 */
export async function connectWithPat(
  deps: Deps,
  webhooks: Webhooks,
  session: ConnectSessionRow,
  p: { token: string; accountId: number },
): Promise<void> {
  let user: Awaited<ReturnType<typeof whoAmI>>;
  let account: { id: number; name: string } | undefined;
  try {
    // A personal access token covers all of its person's accounts: find the named one, then who they are in it.
    account = (await listAccounts(deps.harvest, p.token)).accounts.find((a) => a.id === p.accountId);
    if (!account)
      throw new ApiError(
        'pat.account_not_found',
        'This token has no access to a Harvest account with this ID.',
      );
    user = await whoAmI(deps.harvest, p.token, p.accountId);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof HarvestAuthError && error.kind === 'invalid_grant') {
      throw new ApiError('pat.invalid', 'Harvest did not accept this token for this account id.');
    }
    if (error instanceof HarvestAuthError && error.kind === 'rejected') {
      throw new ApiError('pat.account_not_found', 'Harvest did not find this account for this token.');
    }
    throw new ApiError('upstream.unavailable', 'Harvest could not be reached. Try again in a moment.');
  }
  await completeLink(deps, webhooks, session, {
    user,
    account,
    authType: 'pat',
    tokens: { access_token: p.token },
  });
}
