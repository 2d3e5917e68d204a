import { type ConnectEvent, POPUP_MESSAGE_TYPE } from '@harvest-connect/protocol';
import { expect, vi } from 'vitest';
import { type Connect, type ConnectOptions, createConnect } from '../connect';
import type { OpenOptions } from '../options';
import { createFakeEnv, type FakeEnv, LINK_TOKEN, SERVER_URL } from './fake-env';

/** Lets pending promises (fetches, awaits) run without moving the (fake) clock. */
export const flush = () => vi.advanceTimersByTimeAsync(0);

export function resultMessage(sessionId: string, nonce: string, status = 'success') {
  return { type: POPUP_MESSAGE_TYPE, session_id: sessionId, nonce, status };
}

/** A connect instance on a fake window and a fake server, recording its analytics events. */
export function setup(
  options: Partial<ConnectOptions> = {},
  envOptions?: Parameters<typeof createFakeEnv>[0],
) {
  const env: FakeEnv = createFakeEnv(envOptions);
  const events: ConnectEvent[] = [];
  const connect: Connect = createConnect(
    { serverUrl: `${SERVER_URL}/`, onEvent: (e) => events.push(e), ...options },
    env,
  );

  /** Starts a popup flow and waits until the popup shows the connect page. */
  async function openPopupFlow(extra: Partial<OpenOptions> = {}) {
    const onSuccess = vi.fn();
    const onExit = vi.fn();
    const promise = connect.open({ linkToken: LINK_TOKEN, onSuccess, onExit, ...extra });
    await flush();
    const popup = env.popups.at(-1)!;
    const sessionId = env.server.lastSessionId;
    const nonce = env.server.requests.filter((r) => r.method === 'POST').at(-1)!.body!.nonce as string;
    return { promise, popup, sessionId, nonce, onSuccess, onExit };
  }

  /** Every timer, listener and window of the flow is gone. */
  function expectNothingLeft() {
    expect(env.activeTimers()).toBe(0);
    expect(env.messageListeners()).toBe(0);
    for (const popup of env.popups) expect(popup.closed).toBe(true);
  }

  return { env, events, connect, openPopupFlow, expectNothingLeft };
}
