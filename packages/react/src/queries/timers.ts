import type {
  CompanyResponse,
  HarvestProjectAssignment,
  HarvestTimeEntry,
  ListResponse,
  ListTimeEntriesQuery,
  MyAssignmentsResponse,
  RunningTimerResponse,
} from '@harvest-connect/protocol';
import { queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';

/**
 * How often the running timer is re-read, to pick up timers started in Harvest itself (fact sheet §6.5).
 *
 * @example
 * setInterval(refetchRunning, RUNNING_TIMER_POLL_MS);
 */
export const RUNNING_TIMER_POLL_MS = 30_000;

/**
 * Query keys of time tracking. Every TimerButton reads the one `running()` key: a person has one running timer,
 * so one cache entry drives every button on the page.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: timeKeys.all });
 */
export const timeKeys = {
  all: ['harvest-connect', 'time'] as const,
  running: () => [...timeKeys.all, 'running'] as const,
  entries: (query: ListTimeEntriesQuery) => [...timeKeys.all, 'entries', query] as const,
  assignments: () => [...timeKeys.all, 'my-assignments'] as const,
  company: () => ['harvest-connect', 'company'] as const,
};

/**
 * `queryOptions` factories of time tracking.
 *
 * @example
 * const { data: running } = useQuery(timeQueries.running(client));
 */
export const timeQueries = {
  /**
   * The caller's running timer, or null; refetched on window focus. The gentle poll is not set here: one
   * interval per QueryClient drives it (see `subscribeTimerSync`), however many buttons observe this query.
   */
  running: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: timeKeys.running(),
      queryFn: async ({ signal }) =>
        (await client.get<RunningTimerResponse>('/v1/tools/timers/running', undefined, { signal })).result,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    }),
  entries: (client: HarvestConnectClient, query: ListTimeEntriesQuery) =>
    queryOptions({
      queryKey: timeKeys.entries(query),
      queryFn: async ({ signal }) =>
        (
          await client.get<ListResponse<HarvestTimeEntry>>(
            '/v1/tools/time-entries',
            query as Record<string, string>,
            {
              signal,
            },
          )
        ).result,
      staleTime: 15_000,
    }),
  /** Every active project assignment of the caller (all pages). */
  assignments: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: timeKeys.assignments(),
      queryFn: async ({ signal }) => {
        const all: HarvestProjectAssignment[] = [];
        let cursor: string | null = null;
        do {
          const page: MyAssignmentsResponse = await client.get<MyAssignmentsResponse>(
            '/v1/tools/my-assignments',
            { cursor },
            { signal },
          );
          all.push(...page.result);
          cursor = page.next_cursor;
        } while (cursor);
        return all;
      },
      staleTime: 5 * 60_000,
    }),
  company: (client: HarvestConnectClient) =>
    queryOptions({
      queryKey: timeKeys.company(),
      queryFn: async ({ signal }) =>
        (await client.get<CompanyResponse>('/v1/tools/company', undefined, { signal })).result,
      staleTime: 10 * 60_000,
    }),
};
