import type { ListResponse, UnifiedMe, UnifiedRole, UnifiedUser } from '@harvest-connect/protocol';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';

/** Server-side filters of `GET /v1/unified/user-directory/users`. */
export interface UserListFilters {
  q?: string;
  status?: 'active' | 'inactive';
  role?: string;
  employment_type?: 'contractor' | 'employee';
  limit?: number;
}

const base = '/v1/unified/user-directory';

/**
 * Query keys of the Unified User Directory; invalidate `userDirectoryKeys.all` to refetch everything.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: userDirectoryKeys.all });
 */
export const userDirectoryKeys = {
  all: ['harvest-connect', 'user-directory'] as const,
  me: () => [...userDirectoryKeys.all, 'me'] as const,
  users: (filters: UserListFilters) => [...userDirectoryKeys.all, 'users', filters] as const,
  user: (id: string) => [...userDirectoryKeys.all, 'user', id] as const,
  roles: () => [...userDirectoryKeys.all, 'roles'] as const,
};

/**
 * `queryOptions` factories of the Unified User Directory, for `useQuery`, `prefetchQuery` or `setQueryData`.
 *
 * @example
 * const { data } = useQuery(userDirectoryQueries.me(client));
 */
export const userDirectoryQueries = {
  me: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: userDirectoryKeys.me(),
      queryFn: async ({ signal }) =>
        (await client.get<{ result: UnifiedMe }>(`${base}/me`, undefined, { signal })).result,
    }),
  /** Every page of users, fetched one `next_cursor` after another. */
  users: (client: HarvestConnectClient, filters: UserListFilters = {}) =>
    infiniteQueryOptions({
      queryKey: userDirectoryKeys.users(filters),
      queryFn: ({ pageParam, signal }) =>
        client.get<ListResponse<UnifiedUser>>(
          `${base}/users`,
          { limit: 500, ...filters, cursor: pageParam },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next_cursor ?? undefined,
    }),
  user: (client: HarvestConnectClient, id: string) =>
    queryOptions({
      queryKey: userDirectoryKeys.user(id),
      queryFn: async ({ signal }) =>
        (
          await client.get<{ result: UnifiedUser }>(`${base}/users/${encodeURIComponent(id)}`, undefined, {
            signal,
          })
        ).result,
    }),
  roles: (client: HarvestConnectClient) =>
    infiniteQueryOptions({
      queryKey: userDirectoryKeys.roles(),
      queryFn: ({ pageParam, signal }) =>
        client.get<ListResponse<UnifiedRole>>(
          `${base}/roles`,
          { limit: 1000, cursor: pageParam },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next_cursor ?? undefined,
    }),
};
