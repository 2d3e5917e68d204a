import { afterEach, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../services/token-provider';
import type { Store } from '../store/store';
import { connectWithOAuth } from './flows';
import {
  API_URL,
  createHarness,
  type Harness,
  type HarnessOptions,
  ID_URL,
  sandboxFetch,
  tokenRequests,
} from './harness';

let h: Harness;
afterEach(async () => h?.server.close());

const DAY = 86_400_000;

/** A harness with one OAuth-linked account; `tokenRequests` starts at 1 (the code exchange). */
async function linked(options: HarnessOptions = {}) {
  h = await createHarness(options);
  const admin = h.sandbox.credentials.personal_access_tokens[0]!;
  const { session } = await connectWithOAuth(h, admin.identity_id);
  return { accountId: session.result!.integrated_account_id, admin };
}

/** `GET /v2/users/me` through the token provider, as the data API will call Harvest. */
function usersMe(accountId: string, tokens = h.server.tokens) {
  return tokens.call(accountId, (access) =>
    h.deps.harvest.fetch(`${API_URL}/v2/users/me`, {
      headers: {
        authorization: `Bearer ${access.accessToken}`,
        'harvest-account-id': String(access.harvestAccountId),
        'user-agent': 'Harvest Connect tests (tests@example.com)',
      },
    }),
  );
}

describe('refresh (RELIABILITY.md "Refresh")', () => {
  it('50 concurrent calls on an expired token in one process -> one token request', async () => {
    const { accountId } = await linked();
    const old = (await h.server.tokens.get(accountId)).accessToken;
    h.clock.now += 15 * DAY;
    const results = await Promise.all(Array.from({ length: 50 }, () => usersMe(accountId)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests(h.sandbox)).toBe(2);
    const fresh = await h.server.tokens.get(accountId);
    expect(fresh.accessToken).not.toBe(old);
    expect(tokenRequests(h.sandbox)).toBe(2);
  });

  it('refreshes ahead of expiry by the margin (host clock minutes behind still refreshes in time)', async () => {
    const { accountId } = await linked();
    h.clock.now += 14 * DAY - 20 * 60_000; // 20 minutes left: no refresh yet
    await h.server.tokens.get(accountId);
    expect(tokenRequests(h.sandbox)).toBe(1);
    h.clock.now += 12 * 60_000; // 8 minutes left: inside the 10-minute margin
    await h.server.tokens.get(accountId);
    expect(tokenRequests(h.sandbox)).toBe(2);
  });

  it('a 401 before expires_at -> one forced refresh and one retry', async () => {
    const { accountId } = await linked();
    const first = await h.server.tokens.get(accountId);
    h.sandbox.control.expireToken(first.accessToken);
    const res = await usersMe(accountId);
    expect(res.status).toBe(200);
    expect(tokenRequests(h.sandbox)).toBe(2);
    // A later 401 gets its own single forced refresh.
    h.sandbox.control.revokeToken((await h.server.tokens.get(accountId)).accessToken);
    h.sandbox.control.setRefreshRotation(false);
    const again = await usersMe(accountId);
    expect(tokenRequests(h.sandbox)).toBe(3);
    expect(again.status).toBe(200);
  });

  it('refresh(stale) forces one refresh, and hands later callers with the same stale token the new one', async () => {
    const { accountId } = await linked();
    const stale = (await h.server.tokens.get(accountId)).accessToken;
    const [x, y] = await Promise.all([
      h.server.tokens.refresh(accountId, stale),
      h.server.tokens.refresh(accountId, stale),
    ]);
    expect(x.accessToken).not.toBe(stale);
    expect(y.accessToken).toBe(x.accessToken);
    expect((await h.server.tokens.refresh(accountId, stale)).accessToken).toBe(x.accessToken);
    expect(tokenRequests(h.sandbox)).toBe(2);
  });

  it('a rotated refresh token is persisted; an absent one keeps the old', async () => {
    const strip = { on: false };
    const holder: { h?: Harness } = {};
    const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await sandboxFetch(holder.h!.sandbox, ID_URL, API_URL)(input, init);
      if (!strip.on || !String(input).endsWith('/oauth2/token')) return res;
      const { refresh_token: _dropped, ...rest } = (await res.json()) as Record<string, unknown>;
      return Response.json(rest);
    }) as typeof fetch;
    h = await createHarness({ server: { harvestFetch: fetcher } });
    holder.h = h;
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const accountId = session.result!.integrated_account_id;
    // Rotation on (sandbox default): each refresh revokes the old refresh token, so a chain of three only
    // works if each new one was stored.
    for (let i = 0; i < 3; i++) {
      h.clock.now += 15 * DAY;
      await h.server.tokens.get(accountId);
    }
    expect(tokenRequests(h.sandbox)).toBe(4);
    h.sandbox.control.setRefreshRotation(false);
    strip.on = true;
    for (let i = 0; i < 2; i++) {
      h.clock.now += 15 * DAY;
      await h.server.tokens.get(accountId);
    }
    expect(tokenRequests(h.sandbox)).toBe(6);
    expect((await h.deps.store.getAccount(accountId))?.status).toBe('active');
  });

  it('5xx or timeout -> tokens kept, cool-down, then a retry; an expired token in cool-down -> 503', async () => {
    const { accountId } = await linked({ server: { harvestTimeoutMs: 150 } });
    const old = (await h.server.tokens.get(accountId)).accessToken;
    h.clock.now += 14 * DAY - 5 * 60_000; // inside the margin, still valid
    h.sandbox.control.setFaults({ pathPrefix: '/api/v2/oauth2/token', errorRate: 1, errorStatus: 503 });
    expect((await h.server.tokens.get(accountId)).accessToken).toBe(old);
    expect(tokenRequests(h.sandbox)).toBe(2);
    expect((await h.server.tokens.get(accountId)).accessToken).toBe(old); // cooling down: no call
    expect(tokenRequests(h.sandbox)).toBe(2);
    expect((await usersMe(accountId)).status).toBe(200);
    h.clock.now += 61_000;
    // A timed-out refresh is ambiguous: Harvest may have rotated the refresh token anyway. Rotation off here;
    // with rotation on, the next refresh is refused and the account goes needs_reauth (see the crash case).
    h.sandbox.control.setRefreshRotation(false);
    h.sandbox.control.setFaults({ errorRate: 0, latencyMs: 400 });
    expect((await h.server.tokens.get(accountId)).accessToken).toBe(old); // timed out: kept
    await new Promise((r) => setTimeout(r, 450));
    expect(tokenRequests(h.sandbox)).toBe(3);
    h.clock.now += 10 * 60_000; // now expired, and still cooling down
    await expect(h.server.tokens.get(accountId)).rejects.toMatchObject({ code: 'upstream.unavailable' });
    h.sandbox.control.clearFaults();
    h.clock.now += 61_000;
    expect((await h.server.tokens.get(accountId)).accessToken).not.toBe(old);
    expect((await h.deps.store.getAccount(accountId))?.status).toBe('active');
  });

  it('a holder that stalls past its lease cannot overwrite a newer token', async () => {
    const { accountId } = await linked();
    h.sandbox.control.setRefreshRotation(false);
    h.clock.now += 15 * DAY;
    let release!: () => void;
    const stalled = new Promise<void>((r) => {
      release = r;
    });
    const slowFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await h.deps.harvest.fetch(input, init);
      if (String(input).endsWith('/oauth2/token')) await stalled; // the answer arrives after the lease is gone
      return res;
    }) as typeof fetch;
    const staleDeps = { ...h.deps, harvest: { ...h.deps.harvest, fetch: slowFetch } };
    const a = createTokenProvider(staleDeps, h.server.webhooks, { leaseMs: 50, pollMs: 10 });
    const b = createTokenProvider(h.deps, h.server.webhooks, { leaseMs: 50, pollMs: 10 });
    const aResult = a.get(accountId);
    await new Promise((r) => setTimeout(r, 30));
    h.clock.now += 1_000; // A's lease (50 ms on our clock) is over
    const bResult = await b.get(accountId);
    release();
    const aAccess = await aResult;
    expect(tokenRequests(h.sandbox)).toBe(3);
    const stored = await h.server.tokens.get(accountId);
    expect(stored.accessToken).toBe(bResult.accessToken);
    expect(aAccess.accessToken).toBe(bResult.accessToken);
  });

  it('a crash after the token response but before the commit: the rotated grant is lost -> needs_reauth', async () => {
    const { accountId } = await linked();
    const crashing: Store = Object.create(h.deps.store);
    let crashes = 1;
    crashing.updateCredentialsIfVersion = async (...args) => {
      if (crashes-- > 0) throw new Error('simulated crash before commit');
      return h.deps.store.updateCredentialsIfVersion(...args);
    };
    const tokens = createTokenProvider({ ...h.deps, store: crashing }, h.server.webhooks);
    h.clock.now += 15 * DAY;
    await expect(tokens.get(accountId)).rejects.toThrow('simulated crash');
    // The stored pair is the old one; Harvest rotated it away, so the next refresh is refused: the account
    // becomes needs_reauth (with its webhook) and the end user reconnects. Nothing loops, nothing crashes.
    await expect(tokens.get(accountId)).rejects.toMatchObject({ code: 'integrated_account.needs_reauth' });
    expect(tokenRequests(h.sandbox)).toBe(3);
    expect((await h.deps.store.getAccount(accountId))?.status).toBe('needs_reauth');
  });
});
