import type { Config } from '../config';
import type { Cipher } from '../crypto/cipher';
import type { HarvestClient, HarvestHttp } from '../harvest/types';
import type { Logger } from '../logger';
import type { LockStore, Store } from '../store/store';

/** Everything a service needs, built once in `createServer` and injected (tests swap fetch, clock, store). */
export interface Deps {
  config: Pick<Config, 'publicUrl' | 'harvestIdUrl'>;
  store: Store;
  locks: LockStore;
  cipher: Cipher;
  log: Logger;
  /** Epoch milliseconds. */
  now: () => number;
  harvest: HarvestHttp;
  /** Null when no OAuth client is configured: only personal access tokens can connect. */
  oauthClient: HarvestClient | null;
  /** Used to deliver webhooks to product backends. */
  webhookFetch: typeof fetch;
}

/** Lifetimes and margins, in milliseconds. */
export const LIFETIMES = {
  linkToken: 10 * 60_000,
  /** A connect session outlives its link token: the user may take a while at Harvest. */
  connectSession: 30 * 60_000,
  oauthState: 10 * 60_000,
  pendingGrant: 10 * 60_000,
  /** Refresh this long before Harvest's `expires_in` runs out (absorbs clock skew of minutes). */
  refreshMargin: 10 * 60_000,
  refreshCooldown: 60_000,
  refreshLease: 30_000,
  sessionTokenDefault: 15 * 60_000,
  sessionTokenMax: 60 * 60_000,
} as const;
