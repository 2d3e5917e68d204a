import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnect } from './connect';
import { LINK_TOKEN, SERVER_URL } from './test/fake-env';
import { flush, setup } from './test/harness';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('failures', () => {
  it('times out the whole flow, closing the window', async () => {
    const h = setup({ timeoutMs: 60_000 });
    const { promise, popup, sessionId, onExit } = await h.openPopupFlow();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(onExit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(promise).resolves.toEqual({ type: 'timeout', session_id: sessionId });
    expect(popup.closedByOpener).toBe(true);
    h.expectNothingLeft();
  });

  it('takes the per-open timeout over the instance default', async () => {
    const h = setup({ timeoutMs: 60_000 });
    const { promise } = await h.openPopupFlow({ timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(promise).resolves.toMatchObject({ type: 'timeout' });
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('backend down'))],
    [
      'throws',
      () => {
        throw new Error('backend down');
      },
    ],
    ['gives no string', () => Promise.resolve({ link_token: LINK_TOKEN } as unknown as string)],
  ])('ends with client.link_token_failed when the token source %s', async (_name, linkToken) => {
    const h = setup();
    const promise = h.connect.open({ linkToken });
    await flush();
    await expect(promise).resolves.toMatchObject({ type: 'error', code: 'client.link_token_failed' });
    expect(h.env.server.requests).toHaveLength(0);
    h.expectNothingLeft();
  });

  it("reports the server's code when the session cannot start (an expired link token)", async () => {
    const h = setup();
    h.env.server.scripted.push([
      401,
      { error: { code: 'link_token.expired', message: 'Link token expired' } },
    ]);
    const promise = h.connect.open({ linkToken: LINK_TOKEN });
    await flush();
    await expect(promise).resolves.toEqual({
      type: 'error',
      session_id: null,
      code: 'link_token.expired',
      message: 'Link token expired',
    });
    h.expectNothingLeft();
  });

  it('reports client.network when the server cannot be reached to start', async () => {
    const h = setup();
    h.env.server.offline = true;
    const promise = h.connect.open({ linkToken: LINK_TOKEN });
    await flush();
    await expect(promise).resolves.toMatchObject({ type: 'error', code: 'client.network' });
  });

  it('keeps polling through network errors, 5xx and 429, then resolves', async () => {
    const h = setup();
    const { promise, sessionId } = await h.openPopupFlow();
    h.env.server.offline = true;
    await vi.advanceTimersByTimeAsync(3500);
    h.env.server.offline = false;
    h.env.server.scripted.push(
      [503, 'Service Unavailable'],
      [429, { error: { code: 'upstream.rate_limited' } }],
    );
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.connect.getSnapshot().status).toBe('open');
    h.env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toMatchObject({ type: 'success' });
  });

  it('ends on a 4xx while polling (the session expired)', async () => {
    const h = setup();
    const { promise, sessionId } = await h.openPopupFlow();
    h.env.server.scripted.push([410, { error: { code: 'connect_session.expired', message: 'Expired' } }]);
    await vi.advanceTimersByTimeAsync(500);
    await expect(promise).resolves.toEqual({
      type: 'error',
      session_id: sessionId,
      code: 'connect_session.expired',
      message: 'Expired',
    });
    h.expectNothingLeft();
  });
});

it('resolves client.invalid_options, opening nothing, without a link token', async () => {
  const h = setup();
  // @ts-expect-error: a JavaScript caller forgetting the option
  await expect(h.connect.open({})).resolves.toMatchObject({ type: 'error', code: 'client.invalid_options' });
  expect(h.env.openCalls).toHaveLength(0);
});

describe('reconnect()', () => {
  it('sends the account to repair with the session start', async () => {
    const h = setup();
    const promise = h.connect.reconnect('ia_42', LINK_TOKEN);
    await flush();
    expect(h.env.server.requests[0]!.body).toMatchObject({ mode: 'popup', integrated_account_id: 'ia_42' });
    h.env.server.succeed(undefined, {
      integrated_account_id: 'ia_42',
      harvest_account: { id: 1, name: 'A' },
      harvest_user: { id: 2, name: 'U', email: 'u@example.com' },
      reconnected: true,
    });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(promise).resolves.toMatchObject({
      result: { integrated_account_id: 'ia_42', reconnected: true },
    });
  });
});

describe('store', () => {
  it('hands out one immutable snapshot per change, and notifies only on change', async () => {
    const h = setup();
    const seen: unknown[] = [];
    const unsubscribe = h.connect.subscribe(() => seen.push(h.connect.getSnapshot()));
    const idle = h.connect.getSnapshot();
    expect(idle).toEqual({ status: 'idle' });
    expect(h.connect.getSnapshot()).toBe(idle);
    const { sessionId } = await h.openPopupFlow();
    h.env.server.succeed(sessionId);
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen.map((s) => (s as { status: string }).status)).toEqual(['opening', 'open', 'done']);
    expect(new Set(seen).size).toBe(3);
    expect(h.connect.getSnapshot()).toBe(seen.at(-1));
    unsubscribe();
    void h.connect.open({ linkToken: LINK_TOKEN });
    expect(seen).toHaveLength(3);
    h.connect.close();
  });
});

describe('server-side rendering', () => {
  it('creates an instance without a window; open() then resolves an error instead of throwing', async () => {
    const saved = globalThis.window;
    // @ts-expect-error: simulate a server runtime, where `window` does not exist
    delete globalThis.window;
    try {
      const connect = createConnect({ serverUrl: SERVER_URL });
      expect(connect.getSnapshot()).toEqual({ status: 'idle' });
      await expect(connect.open({ linkToken: LINK_TOKEN })).resolves.toMatchObject({
        type: 'error',
        code: 'client.invalid_options',
      });
      await expect(connect.handleRedirect()).resolves.toBeNull();
    } finally {
      globalThis.window = saved;
    }
  });
});
