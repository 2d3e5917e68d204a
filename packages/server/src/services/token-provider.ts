import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnsealError } from '../crypto/cipher';
import { ApiError } from '../errors';
import { refreshTokens } from '../harvest/token-endpoint';
import { HarvestAuthError } from '../harvest/types';
import type { AccountRow, CredentialRow } from '../store/store';
import { toIntegratedAccount } from './accounts';
import { type HarvestSecrets, openSecrets, sealSecrets } from './credentials';
import { type Deps, LIFETIMES } from './deps';
import type { Webhooks } from './webhooks';

/** A usable Harvest token for one integrated account. `version` identifies the credentials row it came from. */
export interface HarvestAccess {
  accountId: string;
  harvestAccountId: number;
  accessToken: string;
  version: number;
}

export interface TokenProviderOptions {
  /** How often a process waiting for another's refresh looks again. */
  pollMs?: number;
  /** Lease of the cross-process refresh lock; longer than the token request timeout. */
  leaseMs?: number;
}

/**
 * Hands out fresh Harvest access tokens. Refreshes ahead of expiry (margin), once more on a 401 (`call`),
 * one refresh at a time per account: in process by sharing the promise, across processes by a lease in the
 * store; after taking the lease it re-reads, and writes the new pair fenced by the row version before anyone
 * uses it. `invalid_grant` -> `needs_reauth` (+ webhook; later calls never reach Harvest). A 5xx/timeout keeps
 * the tokens and cools down; the old access token is served while it is still valid.
 *
 * @example
 * const tokens = createTokenProvider(deps, webhooks);
 * const res = await tokens.call('acc_1', (access) => fetch(url, { headers: harvestHeaders(access) }));
 */
export function createTokenProvider(deps: Deps, webhooks: Webhooks, options: TokenProviderOptions = {}) {
  const pollMs = options.pollMs ?? 50;
  const leaseMs = options.leaseMs ?? LIFETIMES.refreshLease;
  const inflight = new Map<string, Promise<HarvestAccess>>();

  async function load(
    accountId: string,
  ): Promise<{ account: AccountRow; cred: CredentialRow; secrets: HarvestSecrets }> {
    const account = await deps.store.getAccount(accountId);
    if (!account || account.status === 'disconnected') {
      throw new ApiError('integrated_account.not_found', 'No such integrated account.');
    }
    if (account.status === 'needs_reauth') {
      throw new ApiError(
        'integrated_account.needs_reauth',
        'The end user must reconnect this Harvest account.',
      );
    }
    const cred = await deps.store.getCredentials(accountId);
    if (!cred)
      throw new ApiError(
        'integrated_account.needs_reauth',
        'The end user must reconnect this Harvest account.',
      );
    try {
      return { account, cred, secrets: openSecrets(deps.cipher, accountId, cred.sealed) };
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      // Fail closed, once per call: no crash, no Harvest call; reconnecting writes fresh credentials.
      deps.log.error({ account_id: accountId, reason: error.message }, 'credentials do not decrypt');
      throw new ApiError(
        'credentials.unreadable',
        'The stored credentials cannot be read; reconnect the account.',
      );
    }
  }

  const access = (a: AccountRow, c: CredentialRow, s: HarvestSecrets): HarvestAccess => ({
    accountId: a.id,
    harvestAccountId: a.harvest_account_id,
    accessToken: s.access_token,
    version: c.version,
  });

  const fresh = (c: CredentialRow) =>
    c.expires_at === null || c.expires_at - LIFETIMES.refreshMargin > deps.now();
  const stillValid = (c: CredentialRow) => c.expires_at === null || c.expires_at > deps.now();

  /** A fresh token; `staleVersion` forces a refresh unless the row already moved past that version. */
  async function get(accountId: string, staleVersion?: number): Promise<HarvestAccess> {
    const { account, cred, secrets } = await load(accountId);
    if (account.auth_type === 'pat' || secrets.refresh_token === null) return access(account, cred, secrets);
    if (staleVersion === undefined ? fresh(cred) : cred.version !== staleVersion)
      return access(account, cred, secrets);
    let pending = inflight.get(accountId);
    if (!pending) {
      pending = refreshUnderLock(accountId, cred.version).finally(() => inflight.delete(accountId));
      inflight.set(accountId, pending);
    }
    return pending;
  }

  async function refreshUnderLock(accountId: string, seenVersion: number): Promise<HarvestAccess> {
    const lock = `refresh:${accountId}`;
    const owner = randomUUID();
    const deadline = Date.now() + leaseMs + 5_000;
    while (!(await deps.locks.tryAcquire(lock, owner, leaseMs, deps.now()))) {
      // Another process is refreshing: wait, and take its result as soon as the row moves.
      await sleep(pollMs);
      const now = await load(accountId);
      if (now.cred.version !== seenVersion) return access(now.account, now.cred, now.secrets);
      if (Date.now() > deadline)
        throw new ApiError('upstream.unavailable', 'Harvest token refresh is taking too long.');
    }
    try {
      const { account, cred, secrets } = await load(accountId);
      if (cred.version !== seenVersion) return access(account, cred, secrets);
      if (cred.cooldown_until !== null && cred.cooldown_until > deps.now())
        return keepOrFail(account, cred, secrets);
      return await refreshNow(account, cred, secrets);
    } finally {
      await deps.locks.release(lock, owner);
    }
  }

  function keepOrFail(account: AccountRow, cred: CredentialRow, secrets: HarvestSecrets): HarvestAccess {
    if (stillValid(cred)) return access(account, cred, secrets);
    throw new ApiError(
      'upstream.unavailable',
      'Harvest is not answering token refreshes; try again shortly.',
    );
  }

  async function refreshNow(
    account: AccountRow,
    cred: CredentialRow,
    secrets: HarvestSecrets,
  ): Promise<HarvestAccess> {
    const client = deps.oauthClient;
    if (!client)
      throw new ApiError('upstream.unavailable', 'No OAuth client is configured to refresh tokens.');
    try {
      const next = await refreshTokens(deps.harvest, client, secrets.refresh_token!);
      const now = deps.now();
      const sealed = sealSecrets(deps.cipher, account.id, {
        access_token: next.access_token,
        refresh_token: next.refresh_token,
      });
      const written = await deps.store.updateCredentialsIfVersion(
        account.id,
        cred.version,
        { sealed, expires_at: now + next.expires_in * 1000, cooldown_until: null },
        now,
      );
      if (!written) {
        // Fenced out: a newer pair was written while we stalled past the lease. Theirs wins.
        const latest = await load(account.id);
        return access(latest.account, latest.cred, latest.secrets);
      }
      await deps.store.updateAccount(account.id, { last_refreshed_at: now, updated_at: now });
      deps.log.info({ account_id: account.id }, 'harvest token refreshed');
      return {
        accountId: account.id,
        harvestAccountId: account.harvest_account_id,
        accessToken: next.access_token,
        version: written.version,
      };
    } catch (error) {
      if (error instanceof HarvestAuthError && error.kind === 'invalid_grant')
        return markNeedsReauth(account, cred.version);
      if (error instanceof HarvestAuthError || error instanceof ApiError) {
        deps.log.warn(
          { account_id: account.id, kind: (error as HarvestAuthError).kind },
          'token refresh failed; cooling down',
        );
        await deps.store.setCredentialCooldown(account.id, deps.now() + LIFETIMES.refreshCooldown);
        return keepOrFail(account, cred, secrets);
      }
      throw error;
    }
  }

  async function markNeedsReauth(account: AccountRow, version: number): Promise<HarvestAccess> {
    const now = deps.now();
    const changed = await deps.store.transaction(async (tx) => {
      // Only if nobody wrote newer credentials meanwhile (then our grant was simply superseded).
      const cred = await tx.getCredentials(account.id);
      const current = await tx.getAccount(account.id);
      if (!cred || cred.version !== version || current?.status !== 'active') return false;
      return tx.updateAccount(account.id, { status: 'needs_reauth', updated_at: now });
    });
    if (changed) {
      deps.log.warn({ account_id: account.id }, 'refresh token refused; account needs reauth');
      await webhooks.emit(
        account.tenant_id,
        'account.needs_reauth',
        toIntegratedAccount({ ...account, status: 'needs_reauth', updated_at: now }),
      );
      throw new ApiError(
        'integrated_account.needs_reauth',
        'The end user must reconnect this Harvest account.',
      );
    }
    const latest = await load(account.id);
    return access(latest.account, latest.cred, latest.secrets);
  }

  return {
    /** A fresh access token for the account (refreshing first if it is close to expiry). */
    get: (accountId: string) => get(accountId),
    /**
     * Harvest refused `staleAccessToken` (a 401): force one refresh, unless the stored token already moved on
     * (another caller refreshed), in which case that newer token is returned without a Harvest call.
     */
    async refresh(accountId: string, staleAccessToken: string): Promise<HarvestAccess> {
      const { account, cred, secrets } = await load(accountId);
      if (secrets.access_token !== staleAccessToken) return access(account, cred, secrets);
      if (account.auth_type === 'pat') return markNeedsReauth(account, cred.version);
      return get(accountId, cred.version);
    },
    /**
     * Runs one Harvest call with a fresh token; on a 401 forces one refresh (unless someone already did) and
     * retries once. A personal access token refused with 401 marks the account `needs_reauth`.
     */
    async call(accountId: string, send: (access: HarvestAccess) => Promise<Response>): Promise<Response> {
      const first = await get(accountId);
      const res = await send(first);
      if (res.status !== 401) return res;
      const account = await deps.store.getAccount(accountId);
      if (account?.auth_type === 'pat') {
        await res.body?.cancel();
        return send(await markNeedsReauth(account, first.version));
      }
      await res.body?.cancel();
      return send(await get(accountId, first.version));
    },
  };
}

export type TokenProvider = ReturnType<typeof createTokenProvider>;
