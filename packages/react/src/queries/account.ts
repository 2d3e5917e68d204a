import type { CurrentIntegratedAccountResponse } from '@harvest-connect/protocol';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';
import type { HarvestConnectError } from '../client/HarvestConnectError';

const CURRENT_PATH = '/v1/integrated-accounts/current';

/** Error codes of any data API call that mean the session's account is no longer as last described. */
const ACCOUNT_CHANGED = [
  'integrated_account.needs_reauth',
  'integrated_account.disconnected',
  // After DELETE the account's session tokens are wiped, so this is how a deleted account shows.
  'auth.invalid_session_token',
];

/**
 * Query keys of the session's integrated account.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: accountKeys.all });
 */
export const accountKeys = {
  all: ['harvest-connect', 'integrated-account'] as const,
  current: () => [...accountKeys.all, 'current'] as const,
};

/**
 * `queryOptions` factory of `GET /v1/integrated-accounts/current`. A cheap call (no Harvest request): asked
 * again on every window focus, and at once after any call that learnt the account changed (see
 * `refreshAccountOnError`), so no poll is needed.
 *
 * @example
 * const { data: account } = useQuery(accountQueries.current(client));
 */
export const accountQueries = {
  current: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: accountKeys.current(),
      queryFn: async ({ signal }) =>
        (await client.get<CurrentIntegratedAccountResponse>(CURRENT_PATH, undefined, { signal })).result,
      staleTime: 30_000,
      refetchOnWindowFocus: 'always',
    }),
};

/**
 * The client's `onError` that keeps `ConnectionStatus` honest: a call refused because the Harvest grant was
 * revoked, or the account disconnected or deleted, invalidates the account query (mounted ones refetch now).
 *
 * @example
 * createClient({ serverUrl, sessionToken, onError: (e, path) => refreshAccountOnError(queryClient, e, path) });
 */
export function refreshAccountOnError(queryClient: QueryClient, error: HarvestConnectError, path: string) {
  // The account's own call is left out: its error is already the query's state, and invalidating would loop.
  if (path !== CURRENT_PATH && ACCOUNT_CHANGED.includes(error.code)) {
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
  }
}
