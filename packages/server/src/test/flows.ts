import type { ConnectSession, CreateLinkTokenResponse } from '@harvest-connect/protocol';
import { expect } from 'vitest';
import { Browser, hiddenInputs, pathOf } from './browser';
import { APP_ORIGIN, type Harness } from './harness';

/** `POST /v1/link-tokens` with the harness tenant's API key. */
export async function mintLinkToken(
  h: Harness,
  body: Partial<{ end_user_id: string; origin: string; integrated_account_id: string }> = {},
): Promise<CreateLinkTokenResponse> {
  const res = await h.app.request('/v1/link-tokens', {
    method: 'POST',
    headers: h.apiHeaders,
    body: JSON.stringify({ end_user_id: 'user-1', origin: APP_ORIGIN, ...body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreateLinkTokenResponse;
}

/** Opens the popup on `/connect?link_token=` and follows the 303 to the session page. */
export async function openPopup(h: Harness, linkToken: string, browser = new Browser(h.app)) {
  const res = await browser.get(`/connect?link_token=${encodeURIComponent(linkToken)}`);
  expect(res.status).toBe(303);
  const location = pathOf(res.headers.get('location'));
  expect(location).toMatch(/^\/connect\/sessions\/cs_[\w-]+$/);
  const sessionId = location.split('/').pop()!;
  return { browser, sessionId, sessionPath: location };
}

/**
 * Clicks "Sign in with Harvest", then answers the sandbox's consent form as `personId` (approve or deny), and
 * returns the callback path Harvest redirects the browser to.
 */
export async function authorizeAtSandbox(
  h: Harness,
  browser: Browser,
  sessionId: string,
  personId: number,
  decision: 'approve' | 'deny' = 'approve',
): Promise<string> {
  const start = await browser.post(`/connect/sessions/${sessionId}/oauth`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const page = await h.sandbox.app.request(`${authorize.pathname}${authorize.search}`);
  expect(page.status).toBe(200);
  const form = { ...hiddenInputs(await page.text()), person_id: String(personId), decision };
  const answer = await h.sandbox.app.request('/oauth2/authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  expect(answer.status).toBe(302);
  const callback = new URL(answer.headers.get('location')!);
  expect(callback.pathname).toBe('/connect/oauth/callback');
  return `${callback.pathname}${callback.search}`;
}

/** `GET /v1/connect-sessions/:id` as the SDK polls it. */
export async function pollSession(h: Harness, linkToken: string, sessionId: string): Promise<ConnectSession> {
  const res = await h.app.request(`/v1/connect-sessions/${sessionId}`, {
    headers: { authorization: `Bearer ${linkToken}`, origin: APP_ORIGIN },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ConnectSession;
}

/** The whole OAuth journey for a person with one account, returning the linked account id. */
export async function connectWithOAuth(h: Harness, personId: number, linkBody = {}) {
  const link = await mintLinkToken(h, linkBody);
  const { browser, sessionId, sessionPath } = await openPopup(h, link.link_token);
  const callback = await authorizeAtSandbox(h, browser, sessionId, personId);
  const back = await browser.get(callback);
  expect(back.status).toBe(303);
  expect(pathOf(back.headers.get('location'))).toBe(sessionPath);
  const session = await pollSession(h, link.link_token, sessionId);
  const code = new URL(callback, 'http://x.invalid').searchParams.get('code');
  return { link, browser, sessionId, session, code };
}
