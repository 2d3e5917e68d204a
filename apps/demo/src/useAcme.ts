import { useQuery, useQueryClient } from '@tanstack/react-query';
import { acmeApi } from './acme-api';

export const acmeKeys = { config: ['acme', 'config'] as const, account: ['acme', 'account'] as const };

/**
 * Acme's deployment config and the end user's linked Harvest account, from Acme's backend.
 *
 * @example
 * const { account, refresh } = useAcme();
 */
export function useAcme() {
  const queryClient = useQueryClient();
  const config = useQuery({
    queryKey: acmeKeys.config,
    queryFn: acmeApi.config,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const account = useQuery({ queryKey: acmeKeys.account, queryFn: acmeApi.account });
  return {
    config: config.data,
    account: account.data ?? null,
    loading: config.isPending || account.isPending,
    error: config.error ?? account.error,
    refresh: () => queryClient.invalidateQueries({ queryKey: acmeKeys.account }),
  };
}
