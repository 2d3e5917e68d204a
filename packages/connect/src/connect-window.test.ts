import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connect } from './connect';
import type { FakeEnv } from './test/fake-env';
import { flush, resultMessage, setup } from './test/harness';

let h: ReturnType<typeof setup>;
let env: FakeEnv;
let connect: Connect;

beforeEach(() => {
  vi.useFakeTimers();
  h = setup({ closedGraceMs: 2000 });
  ({ env, connect } = h);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a closed window', () => {
  it('counts as cancelled once the page has focus and the server still says pending after the grace', async () => {
    const { promise, popup, sessionId, onExit } = await h.openPopupFlow();
    popup.closed = true; // the user closed it
    await vi.advanceTimersByTimeAsync(500); // next poll notices
    expect(h.events.map((e) => e.name)).toContain('window_closed');
    expect(onExit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toEqual({ type: 'cancelled', session_id: sessionId });
    expect(onExit).toHaveBeenCalledTimes(1);
    h.expectNothingLeft();
  });

  it('is not a cancel while the page has no focus (COOP makes an open popup read closed)', async () => {
    const { promise, popup, sessionId, onExit } = await h.openPopupFlow();
    popup.closed = true;
    env.focused = false; // the user is still in the popup, on a provider page that sent COOP
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onExit).not.toHaveBeenCalled();
    env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toMatchObject({ type: 'success', session_id: sessionId });
  });

  it('is not a cancel when the server records success within the grace', async () => {
    const { promise, popup, sessionId, onExit } = await h.openPopupFlow();
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toMatchObject({ type: 'success' });
    expect(onExit).not.toHaveBeenCalled();
  });

  it('delivers success once when success, the message and the close land in the same tick', async () => {
    const { promise, popup, sessionId, nonce, onSuccess, onExit } = await h.openPopupFlow();
    await vi.advanceTimersByTimeAsync(500);
    env.server.succeed(sessionId);
    env.post({ origin: 'https://connect.example.com', source: popup, data: resultMessage(sessionId, nonce) });
    popup.closed = true;
    env.post({ origin: 'https://connect.example.com', source: popup, data: resultMessage(sessionId, nonce) });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(promise).resolves.toMatchObject({ type: 'success' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onExit).not.toHaveBeenCalled();
    expect(h.events.filter((e) => e.name === 'success' || e.name === 'exit')).toHaveLength(1);
    h.expectNothingLeft();
  });

  it('resumes waiting if the window reads open again (focus came back only briefly)', async () => {
    const { popup, onExit } = await h.openPopupFlow();
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(500); // grace starts
    popup.closed = false; // a COOP proxy flipping back
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onExit).not.toHaveBeenCalled();
    connect.close();
  });

  it('cancels at once, without starting a session, when the empty window is closed before the token', async () => {
    let giveToken!: (token: string) => void;
    const promise = connect.open({ linkToken: new Promise<string>((r) => (giveToken = r)) });
    env.popups[0]!.closed = true;
    giveToken('hc_lt_test_token');
    await flush();
    await expect(promise).resolves.toEqual({ type: 'cancelled', session_id: null });
    expect(env.server.requests).toHaveLength(0);
    h.expectNothingLeft();
  });
});

describe('one flow at a time', () => {
  it('returns the running flow on a second open(): one window, one outcome, focused again', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const a = connect.open({ linkToken: 'hc_lt_test_token', onSuccess: first });
    const b = connect.open({ linkToken: 'hc_lt_test_token', onSuccess: second });
    expect(b).toBe(a);
    expect(env.openCalls).toHaveLength(1);
    expect(env.popups[0]!.focusCount).toBe(1);
    await flush();
    expect(env.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    env.server.succeed();
    await vi.advanceTimersByTimeAsync(2000);
    await a;
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  it('survives remounts: subscribers come and go, a remounted click re-joins the flow, one outcome', async () => {
    const onSuccess = vi.fn();
    const first = connect.open({ linkToken: 'hc_lt_test_token', onSuccess });
    const seenByFirstMount: string[] = [];
    const unmount = connect.subscribe(() => seenByFirstMount.push(connect.getSnapshot().status));
    await flush();
    unmount(); // StrictMode unmounts and mounts again
    const seenBySecondMount: string[] = [];
    connect.subscribe(() => seenBySecondMount.push(connect.getSnapshot().status));
    const again = connect.open({ linkToken: 'hc_lt_test_token', onSuccess }); // the remounted button's click
    expect(again).toBe(first);
    env.server.succeed();
    await vi.advanceTimersByTimeAsync(2000);
    await first;
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(seenByFirstMount).toEqual(['open']);
    expect(seenBySecondMount).toEqual(['done']);
    expect(env.openCalls).toHaveLength(1);
  });

  it('starts a fresh flow after the outcome, even from inside the exit callback', async () => {
    let retry: Promise<unknown> | undefined;
    const promise = connect.open({
      linkToken: 'hc_lt_test_token',
      mode: 'popup',
      onExit: () => {
        retry = connect.open({ linkToken: 'hc_lt_test_token' });
      },
    });
    await flush();
    env.server.complete(env.server.lastSessionId, { status: 'cancelled' });
    await vi.advanceTimersByTimeAsync(2000);
    await promise;
    expect(retry).toBeDefined();
    expect(retry).not.toBe(promise);
    expect(env.openCalls).toHaveLength(2);
    // A window of its own: never a leftover of the previous flow.
    expect(env.openCalls[1]!.target).not.toBe(env.openCalls[0]!.target);
    expect(connect.getSnapshot()).toMatchObject({ status: 'open', sessionId: 'cs_2' });
    connect.close();
  });
});

describe('close()', () => {
  it('ends the flow with client.closed and leaves no window, timer or listener', async () => {
    const { promise, popup, sessionId, onExit } = await h.openPopupFlow();
    connect.close();
    await expect(promise).resolves.toMatchObject({
      type: 'error',
      code: 'client.closed',
      session_id: sessionId,
    });
    expect(popup.closedByOpener).toBe(true);
    expect(onExit).toHaveBeenCalledTimes(1);
    h.expectNothingLeft();
    const requests = env.server.requests.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(env.server.requests.length).toBe(requests);
    connect.close(); // a second close is a no-op
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('while the link token is still pending: the late token starts nothing', async () => {
    let giveToken!: (token: string) => void;
    const promise = connect.open({ linkToken: new Promise<string>((r) => (giveToken = r)) });
    connect.close();
    giveToken('hc_lt_test_token');
    await flush();
    await expect(promise).resolves.toMatchObject({ type: 'error', code: 'client.closed', session_id: null });
    expect(env.server.requests).toHaveLength(0);
    h.expectNothingLeft();
  });

  it('drops a poll answer that arrives after close', async () => {
    const { promise, sessionId, onSuccess } = await h.openPopupFlow();
    env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(499);
    const slow = env.fetch;
    let release!: () => void;
    env.fetch = async (url, init) => {
      await new Promise<void>((r) => (release = r));
      return slow(url, init);
    };
    await vi.advanceTimersByTimeAsync(1); // a poll is now in flight
    connect.close();
    release();
    await flush();
    await expect(promise).resolves.toMatchObject({ code: 'client.closed' });
    expect(onSuccess).not.toHaveBeenCalled();
    h.expectNothingLeft();
  });
});
