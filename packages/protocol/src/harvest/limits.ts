/**
 * Harvest's documented limits (fact sheet §2, §3, §1.4).
 *
 * @example
 * const perSecond = HARVEST_LIMITS.requestsPerWindow / (HARVEST_LIMITS.windowMs / 1000); // 6.67
 */
export const HARVEST_LIMITS = {
  /** General API: requests per window per token. */
  requestsPerWindow: 100,
  windowMs: 15_000,
  /** `/v2/reports/*`: requests per window. */
  reportRequestsPerWindow: 100,
  reportWindowMs: 15 * 60_000,
  /** Default and maximum `per_page`; `/invoices` defaults to 100. */
  maxPerPage: 2000,
  invoicesDefaultPerPage: 100,
  /** Observed `expires_in` of an OAuth access token (14 days less a second). */
  accessTokenLifetimeSeconds: 1_209_599,
} as const;

/**
 * Production hosts; everything here can point elsewhere (the sandbox) by configuration.
 *
 * @example
 * const authorize = new URL('/oauth2/authorize', config.harvestIdUrl ?? HARVEST_HOSTS.id);
 */
export const HARVEST_HOSTS = {
  id: 'https://id.getharvest.com',
  api: 'https://api.harvestapp.com',
} as const;
