import type { CurrentIntegratedAccountResponse } from '@harvest-connect/protocol';
import { queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';

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
 * `queryOptions` factory of `GET /v1/integrated-accounts/current`.
 *
 * @example
 * const { data: account } = useQuery(accountQueries.current(client));
 */
export const accountQueries = {
  current: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: accountKeys.current(),
      queryFn: async ({ signal }) =>
        (
          await client.get<CurrentIntegratedAccountResponse>('/v1/integrated-accounts/current', undefined, {
            signal,
          })
        ).result,
      staleTime: 60_000,
    }),
};
