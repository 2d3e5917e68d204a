import type { AuthStore, TokenRecord } from '../store/auth-store';
import type { UserRecord } from '../store/records';
import type { AccountStore, SandboxStore } from '../store/store';
import type { SandboxClock } from './clock';
import type { FaultState } from './faults';
import type { ResolvedOptions } from './options';
import type { RequestLog } from './request-log';

/** Live, switchable state shared by every route and middleware. `store` is replaced on reset. */
export interface SandboxRuntime {
  store: SandboxStore;
  auth: AuthStore;
  clock: SandboxClock;
  settings: ResolvedOptions;
  faults: FaultState;
  log: RequestLog;
  /** Rate-limit buckets by key; cleared on reset. */
  buckets: Map<string, { start: number; count: number }>;
}

/** Hono variables set by the auth middleware for `/v2` routes. */
export interface SandboxEnv {
  Variables: {
    token: TokenRecord;
    account: AccountStore;
    user: UserRecord;
  };
}
