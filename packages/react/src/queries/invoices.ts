import type {
  HarvestInvoicePayment,
  InvoiceWithStatus,
  ListInvoicesQuery,
  ListResponse,
} from '@harvest-connect/protocol';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { HarvestConnectClient } from '../client/createClient';

/** Filters of the invoice list (the cursor is handled by the infinite query). */
export type InvoiceFilters = Omit<ListInvoicesQuery, 'cursor'>;

/**
 * Query keys of invoices. Recording a payment invalidates `invoiceKeys.all`.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
 */
export const invoiceKeys = {
  all: ['harvest-connect', 'invoices'] as const,
  list: (filters: InvoiceFilters) => [...invoiceKeys.all, 'list', filters] as const,
  detail: (id: number) => [...invoiceKeys.all, 'detail', id] as const,
  payments: (id: number) => [...invoiceKeys.all, 'payments', id] as const,
};

/**
 * `queryOptions` factories of invoices.
 *
 * @example
 * const invoices = useInfiniteQuery(invoiceQueries.list(client, { state: 'overdue' }));
 */
export const invoiceQueries = {
  list: (client: HarvestConnectClient, filters: InvoiceFilters = {}) =>
    infiniteQueryOptions({
      queryKey: invoiceKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        client.get<ListResponse<InvoiceWithStatus>>(
          '/v1/tools/invoices',
          { limit: 20, ...filters, cursor: pageParam },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next_cursor ?? undefined,
    }),
  detail: (client: HarvestConnectClient, id: number) =>
    queryOptions({
      queryKey: invoiceKeys.detail(id),
      queryFn: async ({ signal }) =>
        (await client.get<{ result: InvoiceWithStatus }>(`/v1/tools/invoices/${id}`, undefined, { signal }))
          .result,
    }),
  payments: (client: HarvestConnectClient, id: number) =>
    queryOptions({
      queryKey: invoiceKeys.payments(id),
      queryFn: async ({ signal }) =>
        (
          await client.get<ListResponse<HarvestInvoicePayment>>(
            `/v1/tools/invoices/${id}/payments`,
            undefined,
            {
              signal,
            },
          )
        ).result,
    }),
};
