import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import type { OAuthClient } from '../store/auth-store';
import type { SandboxClock } from './clock';

/** The OAuth client every sandbox registers unless told otherwise. */
export const DEFAULT_CLIENT: OAuthClient = {
  clientId: 'hc_sandbox_client',
  clientSecret: 'hc_sandbox_secret',
  redirectUri: 'http://127.0.0.1:4000/connect/oauth/callback',
  name: 'Harvest Connect (sandbox)',
};

/** Everything `createSandbox` accepts; every field is optional. */
export interface SandboxOptions {
  /** Seed of the generated data (default `"harvest"`). Same seed, same data. */
  seed?: string | number;
  /** `small` (default: 24 users, 3,000 time entries) or `large` (10,000 users, 1,000,000 entries). */
  scale?: 'small' | 'large';
  /** Explicit counts; they win over `scale`. */
  users?: number;
  timeEntries?: number;
  /** Start the company in timestamp-timer mode (`wants_timestamp_timers: true`). */
  timestampTimers?: boolean;
  /** Clock start (epoch ms). When given the clock is frozen (moves only by control calls) unless `clock` says. */
  now?: number;
  /** Bring your own clock. */
  clock?: SandboxClock;
  /** Rate-limit window in ms (default 15,000). The reports window is 60 times longer, as 15 s vs 15 min. */
  rateWindowMs?: number;
  /** Send `Retry-After` on 429 (default true). */
  retryAfter?: boolean;
  /** Rotate refresh tokens on use (default true). */
  refreshRotation?: boolean;
  /** `expires_in` of OAuth access tokens in seconds (default 1209599). */
  accessTokenLifetimeSeconds?: number;
  /** Serve `/__sandbox/*` (default true). */
  control?: boolean;
  /** Replace the default client's fields. */
  defaultClient?: Partial<OAuthClient>;
  /** More registered OAuth clients. */
  clients?: OAuthClient[];
  /** How many requests the log keeps (default 10,000). */
  requestLogLimit?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  seed: string | number;
  users: number;
  timeEntries: number;
  timestampTimers: boolean;
  rateWindowMs: number;
  retryAfter: boolean;
  refreshRotation: boolean;
  accessTokenLifetimeSeconds: number;
  control: boolean;
  clients: OAuthClient[];
  requestLogLimit: number;
}

const COUNTS = { small: { users: 24, timeEntries: 3000 }, large: { users: 10_000, timeEntries: 1_000_000 } };

/** Fills in defaults. */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const scale = COUNTS[options.scale ?? 'small'];
  return {
    seed: options.seed ?? 'harvest',
    users: options.users ?? scale.users,
    timeEntries: options.timeEntries ?? scale.timeEntries,
    timestampTimers: options.timestampTimers ?? false,
    rateWindowMs: options.rateWindowMs ?? HARVEST_LIMITS.windowMs,
    retryAfter: options.retryAfter ?? true,
    refreshRotation: options.refreshRotation ?? true,
    accessTokenLifetimeSeconds:
      options.accessTokenLifetimeSeconds ?? HARVEST_LIMITS.accessTokenLifetimeSeconds,
    control: options.control ?? true,
    clients: [{ ...DEFAULT_CLIENT, ...options.defaultClient }, ...(options.clients ?? [])],
    requestLogLimit: options.requestLogLimit ?? 10_000,
  };
}
