import type { IntegratedAccount, ListResponse, WebhookEvent } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySessionToken } from '../services/session-tokens';
import { WEBHOOK_BACKOFF_MS } from '../services/webhooks';
import { connectWithOAuth, mintLinkToken, openPopup } from './flows';
import { createHarness, type Harness } from './harness';
import { createWebhookReceiver } from './webhook-receiver';

let h: Harness;
afterEach(async () => h?.server.close());

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe('integrated accounts API', () => {
  it('lists with a filter and cursors, gets one, and DELETE wipes the credentials', async () => {
    h = await createHarness();
    const [a, b, c] = h.sandbox.credentials.personal_access_tokens;
    const ids: string[] = [];
    for (const [i, person] of [a!, b!, c!].entries()) {
      const { session } = await connectWithOAuth(h, person.identity_id, {
        end_user_id: i < 2 ? 'u-pages' : 'u-other',
      });
      ids.push(session.result!.integrated_account_id);
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: ListResponse<IntegratedAccount> = await json(
        await h.app.request(
          `/v1/integrated-accounts?end_user_id=u-pages&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          {
            headers: h.apiHeaders,
          },
        ),
      );
      seen.push(...page.result.map((r) => r.id));
      cursor = page.next_cursor;
    }
    expect(seen.sort()).toEqual(ids.slice(0, 2).sort());
    const all: ListResponse<IntegratedAccount> = await json(
      await h.app.request('/v1/integrated-accounts', { headers: h.apiHeaders }),
    );
    expect(all.result).toHaveLength(3);
    for (const account of all.result) {
      expect(Object.keys(account).sort()).toEqual(
        [
          'auth_type',
          'created_at',
          'end_user_id',
          'harvest_account',
          'harvest_user',
          'id',
          'last_refreshed_at',
          'status',
          'updated_at',
        ].sort(),
      );
    }

    const del = await h.app.request(`/v1/integrated-accounts/${ids[0]}`, {
      method: 'DELETE',
      headers: h.apiHeaders,
    });
    expect(del.status).toBe(204);
    expect(await h.deps.store.getCredentials(ids[0]!)).toBeNull();
    expect((await h.app.request(`/v1/integrated-accounts/${ids[0]}`, { headers: h.apiHeaders })).status).toBe(
      404,
    );
    expect(
      (await h.app.request(`/v1/integrated-accounts/${ids[0]}`, { method: 'DELETE', headers: h.apiHeaders }))
        .status,
    ).toBe(404);
    await expect(h.server.tokens.get(ids[0]!)).rejects.toMatchObject({
      code: 'integrated_account.not_found',
    });
  });
});

describe('session tokens', () => {
  it('mints a short-lived, account-bound token with scopes; only its hash is stored; deleting the account revokes it', async () => {
    h = await createHarness();
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    const id = session.result!.integrated_account_id;
    const post = (body: unknown) =>
      h.app.request('/v1/session-tokens', {
        method: 'POST',
        headers: h.apiHeaders,
        body: JSON.stringify(body),
      });
    const res = await post({
      integrated_account_id: id,
      scopes: ['time:read', 'time:write'],
      expires_in: 600,
    });
    expect(res.status).toBe(201);
    const { session_token, expires_at } = await json<{ session_token: string; expires_at: string }>(res);
    expect(session_token).toMatch(/^hc_st_[\w-]{43}$/);
    expect(Date.parse(expires_at) - h.clock.now).toBe(600_000);
    const row = await verifySessionToken(h.deps, session_token);
    expect(row).toMatchObject({ account_id: id, scopes: ['time:read', 'time:write'] });
    const dflt = await json<{ session_token: string }>(await post({ integrated_account_id: id }));
    expect(
      (await verifySessionToken(h.deps, dflt.session_token)).scopes.every((s) => s.endsWith(':read')),
    ).toBe(true);
    for (const bad of [
      { integrated_account_id: id, expires_in: 7200 },
      { integrated_account_id: id, expires_in: 10 },
      { integrated_account_id: id, scopes: ['admin'] },
      { integrated_account_id: id, extra: 1 },
      {},
    ]) {
      expect((await post(bad)).status).toBe(400);
    }
    h.clock.now += 601_000;
    await expect(verifySessionToken(h.deps, session_token)).rejects.toMatchObject({
      code: 'auth.session_token_expired',
    });
    await h.app.request(`/v1/integrated-accounts/${id}`, { method: 'DELETE', headers: h.apiHeaders });
    await expect(verifySessionToken(h.deps, dflt.session_token)).rejects.toMatchObject({
      code: 'auth.invalid_session_token',
    });
  });
});

describe('webhooks', () => {
  it('signs every delivery, retries with backoff, and keeps a delivery log', async () => {
    const receiver = createWebhookReceiver();
    h = await createHarness({ server: { webhookFetch: receiver.fetch } });
    const { webhook_secret } = await h.admin.setWebhookUrl(h.tenant.tenant_id, receiver.url);
    receiver.failNext(2);
    const { session } = await connectWithOAuth(
      h,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
    );
    await new Promise((r) => setTimeout(r, 10)); // the first attempt runs in the background
    let [delivery] = await h.deps.store.listDeliveries(h.tenant.tenant_id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status: 500 });
    expect(delivery!.next_attempt_at).toBe(h.clock.now + WEBHOOK_BACKOFF_MS[0]!);
    await h.server.webhooks.deliverDue(); // not due yet
    expect((await h.deps.store.listDeliveries(h.tenant.tenant_id))[0]!.attempts).toBe(1);
    h.clock.now += WEBHOOK_BACKOFF_MS[0]!;
    await h.server.webhooks.deliverDue();
    h.clock.now += WEBHOOK_BACKOFF_MS[1]!;
    await h.server.webhooks.deliverDue();
    [delivery] = await h.deps.store.listDeliveries(h.tenant.tenant_id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, last_status: 204 });
    expect(receiver.received).toHaveLength(1);
    const event = JSON.parse(receiver.received[0]!.body) as WebhookEvent;
    expect(event.type).toBe('account.connected');
    expect(event.data.integrated_account.id).toBe(session.result!.integrated_account_id);
    expect(receiver.verify(webhook_secret!, receiver.received[0]!)).toBe(true);
    expect(receiver.verify('whsec_wrong', receiver.received[0]!)).toBe(false);
    expect(receiver.received[0]!.body).not.toMatch(/access_token|refresh_token/);
  });

  it('gives up after the last backoff step and marks the delivery failed', async () => {
    const receiver = createWebhookReceiver();
    h = await createHarness({ server: { webhookFetch: receiver.fetch } });
    await h.admin.setWebhookUrl(h.tenant.tenant_id, receiver.url);
    receiver.failNext(100);
    await connectWithOAuth(h, h.sandbox.credentials.personal_access_tokens[0]!.identity_id);
    await new Promise((r) => setTimeout(r, 10));
    for (const delay of WEBHOOK_BACKOFF_MS) {
      h.clock.now += delay;
      await h.server.webhooks.deliverDue();
    }
    const [delivery] = await h.deps.store.listDeliveries(h.tenant.tenant_id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: WEBHOOK_BACKOFF_MS.length + 1,
      next_attempt_at: null,
    });
  });
});

describe('health and popup headers', () => {
  it('/healthz and /readyz answer; /readyz says 503 when the store is gone', async () => {
    h = await createHarness();
    expect((await h.app.request('/healthz')).status).toBe(200);
    expect(await (await h.app.request('/readyz')).json()).toEqual({ status: 'ready' });
    await h.server.close();
    const down = await h.app.request('/readyz');
    expect(down.status).toBe(503);
  });

  it('every popup page and the callback carry the strict headers, error pages included', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const { browser, sessionPath } = await openPopup(h, link.link_token);
    const responses = [
      await h.app.request(`/connect?link_token=${link.link_token}`),
      await h.app.request('/connect?link_token=nope'),
      await browser.get(sessionPath),
      await browser.post(`${sessionPath}/pat`, { token: 'x', account_id: 'y' }),
      await h.app.request('/connect/oauth/callback?state=x'),
      await h.app.request('/connect/oauth/callback'),
      await h.app.request('/connect/assets/popup.js'),
      await h.app.request(sessionPath),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
      expect(res.status).toBeLessThan(500);
    }
    const html = await (await browser.get(sessionPath)).text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // no third-party asset
    expect(html).not.toContain('<style');
  });
});
