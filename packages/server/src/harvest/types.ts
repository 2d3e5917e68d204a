/** What every Harvest step needs injected, so tests point it at the sandbox. */
export interface HarvestHttp {
  fetch: typeof fetch;
  /** Harvest ID, e.g. `https://id.getharvest.com`. */
  idUrl: string;
  /** Harvest API, e.g. `https://api.harvestapp.com`. */
  apiUrl: string;
  userAgent: string;
  /** Per-request timeout. */
  timeoutMs: number;
}

/** The OAuth client registered at Harvest ID. */
export interface HarvestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** A token pair as we keep it: `expiresAt` is on our clock (receipt time + `expires_in`). */
export interface TokenSet {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/**
 * Why a Harvest ID call failed. `invalid_grant`: the grant is dead (terminal). `rejected`: another definite 4xx.
 * `unavailable`: 5xx, timeout or a broken connection: the outcome is unknown. `malformed`: a 2xx we cannot use.
 */
export type HarvestAuthFailure = 'invalid_grant' | 'rejected' | 'unavailable' | 'malformed';

export class HarvestAuthError extends Error {
  override name = 'HarvestAuthError';
  constructor(
    readonly kind: HarvestAuthFailure,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
