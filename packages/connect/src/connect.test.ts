import { type ConnectEvent, POPUP_EVENT_TYPE } from '@harvest-connect/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connect } from './connect';
import { type FakeEnv, LINK_TOKEN, SERVER_URL, SUCCESS } from './test/fake-env';
import { flush, resultMessage, setup } from './test/harness';

let env: FakeEnv;
let connect: Connect;
let events: ConnectEvent[];
let openPopupFlow: ReturnType<typeof setup>['openPopupFlow'];
let expectNothingLeft: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  ({ env, connect, events, openPopupFlow, expectNothingLeft } = setup());
});
afterEach(() => {
  vi.useRealTimers();
});

describe('popup flow', () => {
  it('opens the window synchronously, before the link token promise resolves', async () => {
    let giveToken!: (token: string) => void;
    const token = new Promise<string>((r) => {
      giveToken = r;
    });
    const promise = connect.open({ linkToken: token });
    // Still inside the click: the window exists, nothing was fetched yet.
    expect(env.openCalls).toHaveLength(1);
    expect(env.openCalls[0]).toMatchObject({
      url: '',
      target: expect.stringMatching(/^harvest-connect-0\.\d+$/),
    });
    expect(env.openCalls[0]!.features).toBe('popup,width=520,height=720,left=560,top=140');
    expect(env.server.requests).toHaveLength(0);
    expect(connect.getSnapshot().status).toBe('opening');

    giveToken(LINK_TOKEN);
    await flush();
    const [start] = env.server.requests;
    expect(start).toMatchObject({
      method: 'POST',
      url: `${SERVER_URL}/v1/connect-sessions`,
      authorization: `Bearer ${LINK_TOKEN}`,
      body: { mode: 'popup' },
    });
    expect(start!.body!.nonce).toMatch(/^\d+-\d+-\d+-\d+$/);
    expect(start!.body).not.toHaveProperty('return_url');
    expect(env.popups[0]!.url).toBe(`${SERVER_URL}/connect/cs_1`);
    expect(connect.getSnapshot()).toMatchObject({ status: 'open', sessionId: 'cs_1' });

    env.server.succeed();
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toEqual({ type: 'success', session_id: 'cs_1', result: SUCCESS });
    expectNothingLeft();
  });

  it('accepts the link token as a function called after the window opened', async () => {
    const order: string[] = [];
    const env2 = env;
    const original = env2.open;
    env2.open = (...args) => {
      order.push('open');
      return original(...args);
    };
    void connect.open({
      linkToken: () => {
        order.push('token');
        return Promise.resolve(LINK_TOKEN);
      },
    });
    expect(order).toEqual(['open', 'token']);
    connect.close();
  });

  it('resolves success exactly once, with callbacks and events in order', async () => {
    const { promise, sessionId, onSuccess, onExit } = await openPopupFlow();
    env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(5000);
    const outcome = await promise;
    expect(outcome).toEqual({ type: 'success', session_id: sessionId, result: SUCCESS });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith(SUCCESS, outcome);
    expect(onExit).not.toHaveBeenCalled();
    expect(events.map((e) => e.name)).toEqual(['open', 'window_opened', 'session_started', 'success']);
    expect(events.at(-1)).toEqual({ name: 'success', session_id: sessionId, outcome: 'success' });
    expect(connect.getSnapshot()).toEqual({ status: 'done', outcome, sessionId });
    expectNothingLeft();
  });

  it('polls with backoff: 500 ms growing to 2 s', async () => {
    const { sessionId } = await openPopupFlow();
    const gets = () => env.server.requests.filter((r) => r.method === 'GET').length;
    expect(gets()).toBe(1); // the first poll runs right away
    await vi.advanceTimersByTimeAsync(499);
    expect(gets()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(gets()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(gets()).toBe(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(gets()).toBe(4);
    await vi.advanceTimersByTimeAsync(2000);
    expect(gets()).toBe(5);
    expect(env.server.requests.at(-1)!.url).toBe(`${SERVER_URL}/v1/connect-sessions/${sessionId}`);
    connect.close();
  });

  it('treats a valid popup message as a hint: it polls at once and resolves from the server', async () => {
    const { promise, popup, sessionId, nonce } = await openPopupFlow();
    await vi.advanceTimersByTimeAsync(500); // now in the 1 s wait
    const before = env.server.requests.length;
    env.server.succeed(sessionId);
    env.post({ origin: SERVER_URL, source: popup, data: resultMessage(sessionId, nonce) });
    expect(connect.getSnapshot().status).toBe('finishing');
    await flush();
    expect(env.server.requests.length).toBe(before + 1);
    await expect(promise).resolves.toMatchObject({ type: 'success' });
  });

  it('does not resolve from a message the server does not confirm', async () => {
    const { popup, sessionId, nonce, onSuccess } = await openPopupFlow();
    env.post({ origin: SERVER_URL, source: popup, data: resultMessage(sessionId, nonce) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(connect.getSnapshot().status).toBe('finishing');
    connect.close();
  });

  it.each([
    [
      'a foreign origin',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: 'https://evil.example',
        source: m.popup,
        data: resultMessage(m.sid, m.nonce),
      }),
    ],
    [
      'an origin that only starts like ours',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: `${SERVER_URL}.evil.example`,
        source: m.popup,
        data: resultMessage(m.sid, m.nonce),
      }),
    ],
    [
      'another window as source',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: SERVER_URL,
        source: {},
        data: resultMessage(m.sid, m.nonce),
      }),
    ],
    [
      'a wrong nonce',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: SERVER_URL,
        source: m.popup,
        data: resultMessage(m.sid, 'guessed'),
      }),
    ],
    [
      'another session id',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: SERVER_URL,
        source: m.popup,
        data: resultMessage('cs_other', m.nonce),
      }),
    ],
    [
      'junk data',
      (m: { popup: unknown; sid: string; nonce: string }) => ({
        origin: SERVER_URL,
        source: m.popup,
        data: 'harvest-connect:result',
      }),
    ],
  ])('ignores a message from %s', async (_name, forge) => {
    const { popup, sessionId, nonce } = await openPopupFlow();
    await vi.advanceTimersByTimeAsync(500);
    const before = env.server.requests.length;
    env.post(forge({ popup, sid: sessionId, nonce }));
    env.post({ origin: SERVER_URL, source: popup, data: null });
    await flush();
    expect(env.server.requests.length).toBe(before);
    expect(connect.getSnapshot().status).toBe('open');
    connect.close();
  });

  it('forwards a progress message as an analytics event', async () => {
    const { popup, sessionId, nonce } = await openPopupFlow();
    const data = { type: POPUP_EVENT_TYPE, session_id: sessionId, nonce, name: 'account_selected' };
    env.post({ origin: 'https://evil.example', source: popup, data });
    env.post({ origin: SERVER_URL, source: popup, data });
    expect(events.filter((e) => e.name === 'account_selected')).toEqual([
      { name: 'account_selected', session_id: sessionId, outcome: undefined },
    ]);
    expect(connect.getSnapshot().status).toBe('open');
    connect.close();
  });

  it('resolves cancelled when the server records a cancel', async () => {
    const { promise, sessionId, onExit } = await openPopupFlow();
    env.server.complete(sessionId, { status: 'cancelled' });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toEqual({ type: 'cancelled', session_id: sessionId });
    expect(onExit).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toEqual({ name: 'exit', session_id: sessionId, outcome: 'cancelled' });
    expectNothingLeft();
  });

  it('resolves the error the server records', async () => {
    const { promise, sessionId } = await openPopupFlow();
    env.server.complete(sessionId, {
      status: 'error',
      error: { code: 'oauth.code_exchange_failed', message: 'Harvest refused the code' },
    });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toEqual({
      type: 'error',
      session_id: sessionId,
      code: 'oauth.code_exchange_failed',
      message: 'Harvest refused the code',
    });
  });
});
