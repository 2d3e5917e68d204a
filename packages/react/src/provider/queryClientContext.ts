import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

/**
 * Our own context for the QueryClient, so an internal client never shadows the host's `QueryClientProvider`
 * for the host's components rendered inside ours.
 *
 * @example
 * const qc = useContext(QueryClientContext); // prefer useHarvestQueryClient()
 */
export const QueryClientContext = createContext<QueryClient | null>(null);

/**
 * The QueryClient the widgets use (the host's if given to the provider, else an internal one).
 *
 * @example
 * const queryClient = useHarvestQueryClient();
 * queryClient.invalidateQueries({ queryKey: timeKeys.all });
 */
export function useHarvestQueryClient(): QueryClient {
  const qc = useContext(QueryClientContext);
  if (!qc) throw new Error('useHarvestQueryClient must be used within <HarvestConnectProvider>');
  return qc;
}
