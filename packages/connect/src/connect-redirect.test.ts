import { REDIRECT_SESSION_PARAM } from '@harvest-connect/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnect } from './connect';
import { LINK_TOKEN, SERVER_URL, SUCCESS } from './test/fake-env';
import { flush, setup } from './test/harness';

const RESUME_KEY = 'harvest-connect:resume';
const APP_URL = 'https://app.example.com/settings/integrations?tab=harvest#top';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('popup blocked', () => {
  it("resolves blocked in 'popup' mode, without asking for a link token", async () => {
    const h = setup();
    h.env.blockPopups = true;
    const linkToken = vi.fn(async () => LINK_TOKEN);
    const onExit = vi.fn();
    await expect(h.connect.open({ linkToken, mode: 'popup', onExit })).resolves.toEqual({ type: 'blocked' });
    expect(linkToken).not.toHaveBeenCalled();
    expect(onExit).toHaveBeenCalledWith({ type: 'blocked' });
    expect(h.events.map((e) => e.name)).toEqual(['open', 'exit']);
    expect(h.connect.getSnapshot()).toMatchObject({ status: 'done', outcome: { type: 'blocked' } });
    h.expectNothingLeft();
  });

  it("falls back to a same-tab redirect in 'auto' mode, storing only what the return needs", async () => {
    const h = setup({}, { href: APP_URL });
    h.env.blockPopups = true;
    void h.connect.open({ linkToken: LINK_TOKEN });
    await flush();
    const start = h.env.server.requests[0]!;
    expect(start.body).toMatchObject({ mode: 'redirect', return_url: APP_URL });
    expect(h.env.assigned).toEqual([`${SERVER_URL}/connect/cs_1`]);
    expect(JSON.parse(h.env.storage.get(RESUME_KEY)!)).toEqual({
      session_id: 'cs_1',
      link_token: LINK_TOKEN,
      nonce: start.body!.nonce,
    });
    expect([...h.env.storage.keys()]).toEqual([RESUME_KEY]);
    expect(h.events.map((e) => e.name)).toEqual(['open', 'session_started', 'redirect']);
  });

  it('goes straight to the redirect in an in-app browser', async () => {
    const h = setup({}, { userAgent: 'Mozilla/5.0 (iPhone) Mobile/15E148 Instagram 300.0' });
    void h.connect.open({ linkToken: LINK_TOKEN });
    await flush();
    expect(h.env.openCalls).toHaveLength(0);
    expect(h.env.assigned).toHaveLength(1);
  });

  it("redirects in 'redirect' mode, to the given return URL", async () => {
    const h = setup({ mode: 'redirect' });
    void h.connect.open({ linkToken: LINK_TOKEN, returnUrl: 'https://app.example.com/back' });
    await flush();
    expect(h.env.openCalls).toHaveLength(0);
    expect(h.env.server.requests[0]!.body).toMatchObject({ return_url: 'https://app.example.com/back' });
  });
});

describe('handleRedirect()', () => {
  /** A page that a redirect-mode flow started in this tab returns to. */
  async function returnedPage(href = `${APP_URL}`) {
    const before = setup({}, { href });
    before.env.blockPopups = true;
    void before.connect.open({ linkToken: LINK_TOKEN });
    await flush();
    const env = before.env;
    const id = env.server.lastSessionId;
    before.connect.close(); // the old page is gone, and its timers with it
    const back = new URL(href);
    back.searchParams.set(REDIRECT_SESSION_PARAM, id);
    env.location.href = back.href; // the server sent the browser back here; a fresh page and SDK instance
    return { env, id, connect: createConnect({ serverUrl: SERVER_URL }, env) };
  }

  it('finishes the flow: polls the session, cleans the URL, resolves once', async () => {
    const { env, id, connect } = await returnedPage();
    env.server.succeed(id);
    const onSuccess = vi.fn();
    const first = connect.handleRedirect({ onSuccess });
    const second = connect.handleRedirect({ onSuccess }); // StrictMode calls effects twice
    expect(env.location.href).toBe(APP_URL);
    expect(connect.getSnapshot()).toMatchObject({ status: 'finishing', sessionId: id });
    await flush();
    const outcome = { type: 'success', session_id: id, result: SUCCESS };
    await expect(first).resolves.toEqual(outcome);
    await expect(second).resolves.toEqual(outcome);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(env.server.requests.at(-1)!.authorization).toBe(`Bearer ${LINK_TOKEN}`);
    expect(env.storage.size).toBe(0);
    expect(env.activeTimers()).toBe(0);
    await expect(connect.handleRedirect()).resolves.toBeNull(); // nothing left to resume
  });

  it('keeps polling while the session is still pending', async () => {
    const { env, id, connect } = await returnedPage();
    const promise = connect.handleRedirect();
    await vi.advanceTimersByTimeAsync(3000);
    env.server.complete(id, { status: 'cancelled' });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toEqual({ type: 'cancelled', session_id: id });
  });

  it('resolves null without a session parameter', async () => {
    const h = setup();
    await expect(h.connect.handleRedirect()).resolves.toBeNull();
    expect(h.env.server.requests).toHaveLength(0);
  });

  it('resumes nothing for a session this tab did not start, but still cleans the URL', async () => {
    const { env, connect } = await returnedPage();
    const forged = new URL(APP_URL);
    forged.searchParams.set(REDIRECT_SESSION_PARAM, 'cs_someone_else');
    env.location.href = forged.href;
    const requests = env.server.requests.length;
    await expect(connect.handleRedirect()).resolves.toBeNull();
    expect(env.location.href).toBe(APP_URL);
    expect(env.server.requests.length).toBe(requests);
    expect(env.storage.size).toBe(0);
  });
});
