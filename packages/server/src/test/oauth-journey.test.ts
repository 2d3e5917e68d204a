import {
  type IntegratedAccount,
  type ListResponse,
  POPUP_EVENT_TYPE,
  POPUP_MESSAGE_TYPE,
  type StartConnectSessionResponse,
} from '@harvest-connect/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { pathOf } from './browser';
import { authorizeAtSandbox, connectWithOAuth, mintLinkToken, openPopup, pollSession } from './flows';
import { APP_ORIGIN, createHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h?.server.close());

describe('OAuth journey over HTTP against the sandbox', () => {
  it('link token -> popup -> authorize -> callback -> account picker -> success -> account stored', async () => {
    h = await createHarness();
    const dual = h.sandbox.credentials.multi_account_person;
    expect(dual.accounts.length).toBe(2);
    const link = await mintLinkToken(h);
    expect(link.connect_url).toBe(`http://127.0.0.1:4000/connect?link_token=${link.link_token}`);

    // The SDK starts the session first (CORS from the recorded origin).
    const started = await h.app.request('/v1/connect-sessions', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${link.link_token}`,
        origin: APP_ORIGIN,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ nonce: 'nonce-123456', mode: 'popup' }),
    });
    expect(started.status).toBe(201);
    expect(started.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const { session, connect_url } = (await started.json()) as StartConnectSessionResponse;
    expect(session.status).toBe('pending');

    const { browser, sessionId, sessionPath } = await openPopup(
      h,
      new URL(connect_url).searchParams.get('link_token')!,
    );
    expect(sessionId).toBe(session.id);
    const cookie = (await h.app.request(`/connect?link_token=${link.link_token}`)).headers.get('set-cookie');
    expect(cookie).toBeNull(); // a second browser gets no binding: one link, one window
    const choose = await browser.get(sessionPath);
    const chooseHtml = await choose.text();
    expect(chooseHtml).toContain('Sign in with Harvest');
    expect(chooseHtml).toContain('Use a personal access token');
    expect(chooseHtml).not.toContain(link.link_token);

    const callback = await authorizeAtSandbox(h, browser, sessionId, dual.identity_id);
    const back = await browser.get(callback);
    expect(back.status).toBe(303);
    const picker = await browser.get(pathOf(back.headers.get('location')));
    const pickerHtml = await picker.text();
    expect(pickerHtml).toContain('Choose a Harvest account');
    const second = h.sandbox.credentials.accounts.find((a) => a.id === dual.accounts[1]!.account_id)!;
    expect(pickerHtml).toContain(second.name);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('pending');

    const grantId = /name="grant_id" value="([^"]+)"/.exec(pickerHtml)![1]!;
    const picked = await browser.post(`/connect/sessions/${sessionId}/account`, {
      grant_id: grantId,
      harvest_account_id: String(second.id),
    });
    expect(picked.status).toBe(303);
    expect(picked.headers.get('location')).toBe(`${sessionPath}?event=account_selected`);

    const done = await pollSession(h, link.link_token, sessionId);
    expect(done.status).toBe('success');
    expect(done.result?.harvest_account).toEqual({ id: second.id, name: second.name });
    expect(done.result?.harvest_user.id).toBe(dual.accounts[1]!.user_id);
    expect(done.result?.reconnected).toBe(false);

    const result = await browser.get(pathOf(picked.headers.get('location')));
    const html = await result.text();
    expect(html).toContain('data-event="account_selected"');
    expect(html).toContain(`data-target-origin="${APP_ORIGIN}"`);
    expect(html).toContain('data-nonce="nonce-123456"');
    expect(html).toContain('data-status="success"');
    expect(html).toContain('<script src="/connect/assets/popup.js" defer></script>');
    expect(html).not.toMatch(/<script>|\son\w+="/);
    const js = await (await h.app.request('/connect/assets/popup.js')).text();
    expect(js).toContain(POPUP_MESSAGE_TYPE);
    expect(js).toContain(POPUP_EVENT_TYPE);
    expect(js).not.toContain("'*'");

    const listed = await h.app.request('/v1/integrated-accounts?end_user_id=user-1', {
      headers: h.apiHeaders,
    });
    const { result: accounts, next_cursor } = (await listed.json()) as ListResponse<IntegratedAccount>;
    expect(next_cursor).toBeNull();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      id: done.result!.integrated_account_id,
      auth_type: 'oauth',
      status: 'active',
    });
  });

  it('a person with one account skips the picker', async () => {
    h = await createHarness();
    const admin = h.sandbox.credentials.personal_access_tokens[0]!;
    const { session } = await connectWithOAuth(h, admin.identity_id);
    expect(session.status).toBe('success');
    expect(session.result?.harvest_account.id).toBe(admin.account_id);
  });

  it('Deny at Harvest (error=access_denied) -> cancelled', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const { browser, sessionId } = await openPopup(h, link.link_token);
    const callback = await authorizeAtSandbox(
      h,
      browser,
      sessionId,
      h.sandbox.credentials.personal_access_tokens[0]!.identity_id,
      'deny',
    );
    expect(callback).toContain('error=access_denied');
    expect((await browser.get(callback)).status).toBe(303);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('cancelled');
    const page = await (await browser.get(`/connect/sessions/${sessionId}`)).text();
    expect(page).toContain('data-status="cancelled"');
  });

  it('Cancel on our page -> cancelled, and the link cannot be reused', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const { browser, sessionId } = await openPopup(h, link.link_token);
    expect((await browser.post(`/connect/sessions/${sessionId}/cancel`)).status).toBe(303);
    expect((await pollSession(h, link.link_token, sessionId)).status).toBe('cancelled');
    const again = await browser.get(`/connect?link_token=${link.link_token}`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already used');
  });

  it('redirect mode returns to return_url with the session id', async () => {
    h = await createHarness();
    const link = await mintLinkToken(h);
    const started = await h.app.request('/v1/connect-sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${link.link_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        nonce: 'nonce-abcdefgh',
        mode: 'redirect',
        return_url: `${APP_ORIGIN}/settings?tab=1`,
      }),
    });
    expect(started.status).toBe(201);
    const { browser, sessionId } = await openPopup(h, link.link_token);
    await browser.post(`/connect/sessions/${sessionId}/cancel`);
    const res = await browser.get(`/connect/sessions/${sessionId}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `${APP_ORIGIN}/settings?tab=1&harvest_connect_session=${sessionId}`,
    );
  });
});
