import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { HarvestConnectProvider, type HarvestConnectProviderProps } from '../provider/HarvestConnectProvider';

/**
 * A QueryClient for component tests: no retries and no garbage collection, so data put in with `setQueryData`
 * stays and errors show at once.
 */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY, staleTime: Number.POSITIVE_INFINITY },
    },
  });
}

/**
 * Renders inside a provider whose server is an unused local port: a query whose data the test did not put in
 * fails as a network error instead of reaching anything.
 */
export function renderWithProvider(
  ui: ReactElement,
  options: { queryClient?: QueryClient } & Partial<HarvestConnectProviderProps> = {},
) {
  const queryClient = options.queryClient ?? testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <HarvestConnectProvider
      serverUrl="http://127.0.0.1:9"
      sessionToken="hc_st_test"
      {...options}
      queryClient={queryClient}
    >
      {children}
    </HarvestConnectProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}
