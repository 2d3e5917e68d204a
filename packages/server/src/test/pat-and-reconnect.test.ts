import type { IntegratedAccount, WebhookEvent } from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectWithOAuth, mintLinkToken, openPopup, pollSession } from './flows';
import { createHarness, type Harness, harvestRequests, tokenRequests } from './harness';
import { createWebhookReceiver } from './webhook-receiver';

let h: Harness;
afterEach(async () => h?.server.close());

describe('personal access token flow', () => {
  it('checks the token with Harvest before saving, and reports a wrong token or account id on the form', async () => {
    h = await createHarness();
    const pat = h.sandbox.credentials.personal_access_tokens[1]!;
    const link = await mintLinkToken(h);
    const { browser, sessionId, sessionPath } = await openPopup(h, link.link_token);

    const wrong = await browser.post(`${sessionPath}/pat`, {
      token: `${pat.token}x`,
      account_id: String(pat.account_id),
    });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('did not accept this token');
    expect(wrongHtml).not.toContain(pat.token);

    const otherAccount = await browser.post(`${sessionPath}/pat`, { token: pat.token, account_id: '999999' });
    expect(otherAccount.status).toBe(400);
    expect(await otherAccount.text()).toContain('no access to a Harvest account with this ID');

    const garbage = await browser.post(`${sessionPath}/pat`, { token: 'short', account_id: 'abc' });
    expect(garbage.status).toBe(400);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('pending');

    const ok = await browser.post(`${sessionPath}/pat`, {
      token: pat.token,
      account_id: String(pat.account_id),
    });
    expect(ok.status).toBe(303);
    const session = await pollSession(h, link.link_token, sessionId);
    expect(session.status).toBe('success');
    expect(session.result).toMatchObject({
      harvest_account: { id: pat.account_id },
      harvest_user: { id: pat.user_id, email: pat.email },
      reconnected: false,
    });
    const res = await h.app.request(`/v1/integrated-accounts/${session.result!.integrated_account_id}`, {
      headers: h.apiHeaders,
    });
    const { result } = (await res.json()) as { result: IntegratedAccount };
    expect(result).toMatchObject({ auth_type: 'pat', status: 'active', last_refreshed_at: null });
    // A personal access token never refreshes: the provider hands it out as is.
    const access = await h.server.tokens.get(result.id);
    expect(access.accessToken).toBe(pat.token);
    expect(tokenRequests(h.sandbox)).toBe(0);
  });
});

describe('a revoked personal access token', () => {
  it('a 401 marks the account needs_reauth, and later calls do not reach Harvest', async () => {
    h = await createHarness();
    const pat = h.sandbox.credentials.personal_access_tokens[2]!;
    const link = await mintLinkToken(h);
    const { browser, sessionId, sessionPath } = await openPopup(h, link.link_token);
    await browser.post(`${sessionPath}/pat`, { token: pat.token, account_id: String(pat.account_id) });
    const accountId = (await pollSession(h, link.link_token, sessionId)).result!.integrated_account_id;
    h.sandbox.control.revokeToken(pat.token);
    const send = () =>
      h.server.tokens.call(accountId, (a) =>
        h.deps.harvest.fetch(`${h.config.harvestApiUrl}/v2/users/me`, {
          headers: {
            authorization: `Bearer ${a.accessToken}`,
            'harvest-account-id': String(a.harvestAccountId),
            'user-agent': 'tests (t@x.test)',
          },
        }),
      );
    await expect(send()).rejects.toMatchObject({ code: 'integrated_account.needs_reauth' });
    const before = harvestRequests(h.sandbox);
    await expect(send()).rejects.toMatchObject({ code: 'integrated_account.needs_reauth' });
    expect(harvestRequests(h.sandbox)).toBe(before);
    expect(tokenRequests(h.sandbox)).toBe(0);
  });
});

describe('reconnect after Harvest revokes the grant', () => {
  it('marks the account needs_reauth (one webhook, no further Harvest calls), then repairs it with the same id', async () => {
    const receiver = createWebhookReceiver();
    h = await createHarness({ server: { webhookFetch: receiver.fetch } });
    const secret = (await h.admin.setWebhookUrl(h.tenant.tenant_id, receiver.url)).webhook_secret!;
    const admin = h.sandbox.credentials.personal_access_tokens[0]!;
    const first = await connectWithOAuth(h, admin.identity_id);
    const accountId = first.session.result!.integrated_account_id;
    await h.server.webhooks.deliverDue();

    h.sandbox.control.revokeGrant(admin.identity_id);
    h.clock.now += 15 * 86_400_000; // past the 14-day access token: the next use must refresh
    await expect(h.server.tokens.get(accountId)).rejects.toMatchObject({
      code: 'integrated_account.needs_reauth',
    });
    expect(tokenRequests(h.sandbox)).toBe(2); // the code exchange and the one refused refresh
    const before = harvestRequests(h.sandbox);
    for (let i = 0; i < 3; i++) {
      await expect(h.server.tokens.get(accountId)).rejects.toMatchObject({
        code: 'integrated_account.needs_reauth',
      });
    }
    expect(harvestRequests(h.sandbox)).toBe(before);
    const got = await h.app.request(`/v1/integrated-accounts/${accountId}`, { headers: h.apiHeaders });
    expect(((await got.json()) as { result: IntegratedAccount }).result.status).toBe('needs_reauth');

    const again = await connectWithOAuth(h, admin.identity_id, { integrated_account_id: accountId });
    expect(again.session.status).toBe('success');
    expect(again.session.result).toMatchObject({ integrated_account_id: accountId, reconnected: true });
    const after = await h.app.request(`/v1/integrated-accounts/${accountId}`, { headers: h.apiHeaders });
    expect(((await after.json()) as { result: IntegratedAccount }).result.status).toBe('active');
    expect((await h.server.tokens.get(accountId)).accountId).toBe(accountId);

    await h.server.webhooks.deliverDue();
    const events = receiver.received.map((r) => (JSON.parse(r.body) as WebhookEvent).type);
    expect(events).toEqual(['account.connected', 'account.needs_reauth', 'account.reconnected']);
    for (const r of receiver.received) expect(receiver.verify(secret, r)).toBe(true);
  });

  it('a reconnect that signs in to another Harvest account is an error and changes nothing', async () => {
    h = await createHarness();
    const admin = h.sandbox.credentials.personal_access_tokens[0]!;
    const dual = h.sandbox.credentials.multi_account_person;
    const other = dual.accounts.find((a) => a.account_id !== admin.account_id)!;
    // Link the dual person's other account by PAT, then try to repair it signing in as someone without it.
    const link = await mintLinkToken(h);
    const { browser, sessionId, sessionPath } = await openPopup(h, link.link_token);
    await browser.post(`${sessionPath}/pat`, { token: dual.token, account_id: String(other.account_id) });
    const accountId = (await pollSession(h, link.link_token, sessionId)).result!.integrated_account_id;

    const bad = await connectWithOAuth(h, admin.identity_id, { integrated_account_id: accountId });
    expect(bad.session.status).toBe('error');
    expect(bad.session.error?.code).toBe('reconnect.account_mismatch');
    const res = await h.app.request(`/v1/integrated-accounts/${accountId}`, { headers: h.apiHeaders });
    expect(((await res.json()) as { result: IntegratedAccount }).result).toMatchObject({
      auth_type: 'pat',
      harvest_account: { id: other.account_id },
    });
  });
});
