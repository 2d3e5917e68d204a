/** What the Harvest client needs to call Harvest for one integrated account. Never logged. */
export interface HarvestAccess {
  accessToken: string;
  harvestAccountId: number | string;
  /** Stable, non-secret id of this token: with the Harvest account id it is the rate-limit key. */
  tokenId: string;
}

/**
 * Where the Harvest client gets tokens: the credentials service (refreshing ahead of expiry, one refresh at a
 * time) in the server, a fixed personal access token in tests and benchmarks.
 *
 * @example
 * const access = await tokens.get('ia_123');
 * // after a 401 with that token:
 * const fresh = await tokens.refresh('ia_123', access);
 */
export interface TokenSource {
  get(accountId: string): Promise<HarvestAccess>;
  /** Forces a refresh because Harvest refused `stale` (a 401 before expiry); throws when the grant is gone. */
  refresh(accountId: string, stale: HarvestAccess): Promise<HarvestAccess>;
}

/**
 * A token source over fixed personal access tokens, keyed by integrated account id. A PAT cannot be refreshed,
 * so `refresh` returns it unchanged (the client then reports the 401).
 *
 * @example
 * const tokens = staticTokenSource({ ia_1: { accessToken: pat, harvestAccountId: 1, tokenId: 'pat_1' } });
 */
export function staticTokenSource(accounts: Record<string, HarvestAccess>): TokenSource {
  const find = async (accountId: string) => {
    const access = Object.hasOwn(accounts, accountId) ? accounts[accountId] : undefined;
    if (!access) throw new Error(`no token for ${accountId}`);
    return access;
  };
  return { get: find, refresh: (accountId) => find(accountId) };
}
