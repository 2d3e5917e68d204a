import { registerPersonalTokens } from '../core/credentials';
import { createFaultState, type FaultState } from '../core/faults';
import type { LoggedRequest } from '../core/request-log';
import type { SandboxRuntime } from '../core/runtime';
import { seedStore } from '../seed/seed-store';
import type { TokenRecord } from '../store/auth-store';

/** Fault switches as the control API takes them. */
export type FaultSettings = Partial<Omit<FaultState, 'rng'>>;

/** In-process handle on everything `/__sandbox/*` offers over HTTP. */
export interface SandboxControl {
  /** Regenerate all data (optionally with another seed or counts); drops OAuth tokens, codes and rate buckets. */
  reset(options?: { seed?: string | number; users?: number; timeEntries?: number }): void;
  /** Logged Harvest requests (never the token: `token_id` is its public id). */
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** Make a token (by value or public id) expire now. Returns false when unknown. */
  expireToken(tokenOrId: string): boolean;
  /** Revoke a token (by value or public id). Returns false when unknown. */
  revokeToken(tokenOrId: string): boolean;
  /** Revoke every OAuth token of a person (Harvest ID "revoke access"); returns how many were live. */
  revokeGrant(identityId: number): number;
  setRefreshRotation(on: boolean): void;
  setAccessTokenLifetime(seconds: number): void;
  setRetryAfter(on: boolean): void;
  setRateWindow(ms: number): void;
  /** Merge fault switches; `clearFaults` turns all off. */
  setFaults(faults: FaultSettings): FaultState;
  clearFaults(): void;
  /** Mint an OAuth access + refresh token pair for a person without the browser flow. */
  issueOAuthTokens(
    identityId: number,
    clientId?: string,
  ): { access_token: string; refresh_token: string; expires_in: number };
}

/**
 * @example
 * const control = createControl(runtime);
 * control.setFaults({ storm429: 3 });
 */
export function createControl(rt: SandboxRuntime): SandboxControl {
  const token = (tokenOrId: string): TokenRecord | undefined =>
    rt.auth.tokens.get(tokenOrId) ?? rt.auth.byId(tokenOrId);
  return {
    reset(options = {}) {
      Object.assign(rt.settings, {
        seed: options.seed ?? rt.settings.seed,
        users: options.users ?? rt.settings.users,
        timeEntries: options.timeEntries ?? rt.settings.timeEntries,
      });
      rt.store = seedStore({ ...rt.settings, now: rt.clock.now() });
      rt.auth.tokens.clear();
      rt.auth.codes.clear();
      registerPersonalTokens(rt.store, rt.auth);
      rt.buckets.clear();
      rt.log.clear();
    },
    requests: () => rt.log.list(),
    clearRequests: () => rt.log.clear(),
    expireToken(tokenOrId) {
      const t = token(tokenOrId);
      if (t) t.expiresAt = rt.clock.now();
      return t !== undefined;
    },
    revokeToken(tokenOrId) {
      const t = token(tokenOrId);
      if (t) t.revoked = true;
      return t !== undefined;
    },
    revokeGrant: (identityId) => rt.auth.revokeIdentity(identityId),
    setRefreshRotation(on) {
      rt.settings.refreshRotation = on;
    },
    setAccessTokenLifetime(seconds) {
      rt.settings.accessTokenLifetimeSeconds = seconds;
    },
    setRetryAfter(on) {
      rt.settings.retryAfter = on;
    },
    setRateWindow(ms) {
      rt.settings.rateWindowMs = ms;
      rt.buckets.clear();
    },
    setFaults(faults) {
      Object.assign(rt.faults, faults);
      return rt.faults;
    },
    clearFaults() {
      rt.faults = createFaultState(rt.settings.seed);
    },
    issueOAuthTokens(identityId, clientId) {
      const identity = rt.store.identities.get(identityId);
      if (!identity) throw new Error(`Unknown identity ${identityId}`);
      const client = clientId ?? [...rt.auth.clients.keys()][0]!;
      const accountIds = identity.memberships.map((m) => m.accountId);
      const grantId = `grant:${identityId}:${client}`;
      const expiresIn = rt.settings.accessTokenLifetimeSeconds;
      const now = rt.clock.now();
      const access = rt.auth.issue({
        kind: 'access',
        identityId,
        accountIds,
        clientId: client,
        grantId,
        expiresAt: now + expiresIn * 1000,
      });
      const refresh = rt.auth.issue({
        kind: 'refresh',
        identityId,
        accountIds,
        clientId: client,
        grantId,
        expiresAt: null,
      });
      return { access_token: access.value, refresh_token: refresh.value, expires_in: expiresIn };
    },
  };
}
