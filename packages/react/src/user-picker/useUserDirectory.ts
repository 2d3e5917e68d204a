import type { UnifiedUser } from '@harvest-connect/protocol';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useHarvestConnect } from '../provider/context';
import { useHarvestQueryClient } from '../provider/queryClientContext';
import { type UserListFilters, userDirectoryQueries } from '../queries/userDirectory';
import type { UserFilters } from './filterUsers';

/** Options of `useUserDirectory`. */
export interface UseUserDirectoryOptions {
  /** The (debounced) search text sent to the server as `q`. */
  q?: string;
  filters?: UserFilters;
  /** False to fetch nothing (the caller passes its own users). */
  enabled?: boolean;
}

/** What `useUserDirectory` returns. */
export interface UserDirectoryResult {
  users: UnifiedUser[];
  isLoading: boolean;
  error: Error | null;
  /** True once every page of the unfiltered list is loaded: local filtering is then exact. */
  isComplete: boolean;
  retry: () => void;
}

function toServer(filters: UserFilters, q?: string): UserListFilters {
  return {
    q: q || undefined,
    role: filters.role,
    employment_type: filters.employmentType,
    status: filters.status,
  };
}

/**
 * The people of the directory for a picker: the filtered list, loaded page after page in the background, plus
 * a server search for `q` while the list is still incomplete. Loaded users are merged, so local filtering can
 * answer every keystroke at once.
 *
 * @example
 * const { users, isLoading, error } = useUserDirectory({ q: debouncedQuery, filters: { status: 'active' } });
 */
export function useUserDirectory(options: UseUserDirectoryOptions = {}): UserDirectoryResult {
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const enabled = options.enabled ?? true;
  const filters = options.filters ?? {};
  const base = useInfiniteQuery(
    {
      ...userDirectoryQueries.users(client, toServer(filters)),
      enabled,
      staleTime: 5 * 60_000,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const isComplete = base.isSuccess && !base.isPlaceholderData && !base.hasNextPage;
  const q = options.q?.trim() ?? '';
  // Once the whole list is here, the server has nothing to add to a search.
  const search = useInfiniteQuery(
    {
      ...userDirectoryQueries.users(client, toServer(filters, q)),
      enabled: enabled && q.length > 0 && !isComplete,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = base;
  useEffect(() => {
    if (enabled && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [enabled, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const users = useMemo(() => {
    const basePages = base.data?.pages ?? [];
    const searchPages = q && !isComplete ? (search.data?.pages ?? []) : [];
    if (searchPages.length === 0) return basePages.flatMap((p) => p.result);
    const seen = new Set<string>();
    const out: UnifiedUser[] = [];
    for (const page of [...searchPages, ...basePages]) {
      for (const user of page.result) {
        if (!seen.has(user.id)) {
          seen.add(user.id);
          out.push(user);
        }
      }
    }
    return out;
  }, [base.data, search.data, q, isComplete]);

  return {
    users,
    isLoading: enabled && users.length === 0 && (base.isPending || search.isFetching),
    error: (base.error ?? search.error) as Error | null,
    isComplete,
    retry: () => {
      void base.refetch();
      if (q) void search.refetch();
    },
  };
}
