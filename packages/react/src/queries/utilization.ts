import type { UtilizationResponse } from '@harvest-connect/protocol';
import { queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';

/**
 * Query keys of the weekly utilization report.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: utilizationKeys.all });
 */
export const utilizationKeys = {
  all: ['harvest-connect', 'utilization'] as const,
  week: (week: string | undefined) => [...utilizationKeys.all, week ?? 'current'] as const,
};

/**
 * `queryOptions` factory of `GET /v1/tools/utilization?week=`.
 *
 * @example
 * const { data } = useQuery(utilizationQueries.week(client, '2026-11-30'));
 */
export const utilizationQueries = {
  week: (client: HarvestConnectClient, week?: string) =>
    queryOptions({
      queryKey: utilizationKeys.week(week),
      queryFn: ({ signal }) => client.get<UtilizationResponse>('/v1/tools/utilization', { week }, { signal }),
      staleTime: 60_000,
    }),
};
